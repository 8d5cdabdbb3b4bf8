/**
 * Where webhooks may go: every address of the blocked ranges is refused, in every spelling
 * (IPv4, IPv4-mapped IPv6 in dotted and hex form); public ones pass. Node's own net.BlockList,
 * loaded with the same ranges, is the independent judge for random addresses.
 */
import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedAddress, parseIp, webhookUrlProblem } from './webhook-address.js';

const RANGES_V4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const RANGES_V6: [string, number][] = [['::', 96], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['64:ff9b:1::', 48]];
const judge = new net.BlockList();
for (const [a, p] of RANGES_V4) judge.addSubnet(a, p, 'ipv4');
for (const [a, p] of RANGES_V6) judge.addSubnet(a, p, 'ipv6');

const byte = fc.integer({ min: 0, max: 255 });
/** Random addresses inside base/prefix (IPv4). */
const inV4 = (base: number[], prefix: number) => fc.tuple(byte, byte, byte, byte).map((r) => {
  const b = [0, 1, 2, 3].map((i) => base[i] ?? 0);
  const ip = (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) & (prefix ? (~0 << (32 - prefix)) >>> 0 : 0);
  const rand = (((r[0] << 24) | (r[1] << 16) | (r[2] << 8) | r[3]) >>> 0) & (prefix === 32 ? 0 : (~0 >>> prefix));
  const v = (ip | rand) >>> 0;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
});
const hex4 = (ip: string) => { const b = ip.split('.').map(Number); return `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`; };
/** Random IPv6 inside a prefix given as its first 16-bit groups, written compressed. */
const inV6 = (first: number, mask: number) => fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
  .map((g) => [((first & mask) | (g[0] & ~mask & 0xffff)).toString(16), ...g.slice(1).map((x) => x.toString(16))].join(':'));

describe('blocked addresses', () => {
  it('refuses every address of the private, loopback, link-local, CGNAT and metadata ranges, also IPv4-mapped', () => {
    for (const [base, prefix] of [[[10], 8], [[127], 8], [[172, 16], 12], [[192, 168], 16], [[169, 254], 16], [[100, 64], 10], [[0], 8]] as [number[], number][]) {
      fc.assert(fc.property(inV4(base, prefix), (ip) => {
        expect(blockedAddress(ip), ip).not.toBeNull();
        expect(blockedAddress(`::ffff:${ip}`), ip).toMatch(/^IPv4-mapped /);
        expect(blockedAddress(`::ffff:${hex4(ip)}`), ip).toMatch(/^IPv4-mapped /);
        expect(blockedAddress(`[::ffff:${hex4(ip)}]`), ip).not.toBeNull(); // as a URL writes it
        expect(blockedAddress(`64:ff9b::${ip}`), ip).toMatch(/^NAT64 /);
      }), { numRuns: 200 });
    }
  });

  it('refuses every unique-local and link-local IPv6 address', () => {
    fc.assert(fc.property(inV6(0xfc00, 0xfe00), (ip) => blockedAddress(ip)?.startsWith('unique-local') === true));
    fc.assert(fc.property(inV6(0xfe80, 0xffc0), (ip) => blockedAddress(ip)?.startsWith('link-local') === true));
  });

  it('agrees with net.BlockList on random IPv4 and IPv6 addresses', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => (blockedAddress(ip) !== null) === judge.check(ip, 'ipv4')), { numRuns: 2000 });
    fc.assert(fc.property(fc.ipV6(), (ip) => {
      const bytes = parseIp(ip)!;
      fc.pre(!(bytes[0] === 0x20 && bytes[1] === 0x02) && !ip.toLowerCase().startsWith('64:ff9b:')); // embedded IPv4 forms: below
      return (blockedAddress(ip) !== null) === judge.check(ip, 'ipv6');
    }), { numRuns: 2000 });
  });

  it('names the range, and lets public addresses through', () => {
    expect(blockedAddress('127.0.0.1')).toBe('loopback (127.0.0.0/8)');
    expect(blockedAddress('169.254.169.254')).toBe('link-local, cloud metadata (169.254.0.0/16)');
    expect(blockedAddress('0.0.0.0')).toBe('"this network" (0.0.0.0/8)');
    expect(blockedAddress('::1')).toBe('unspecified, loopback or IPv4-compatible (::/96)');
    expect(blockedAddress('::')).not.toBeNull();
    expect(blockedAddress('::ffff:169.254.169.254')).toBe('IPv4-mapped link-local, cloud metadata (169.254.0.0/16)');
    expect(blockedAddress('2002:7f00:1::')).toBe('6to4 loopback (127.0.0.0/8)');
    expect(blockedAddress('fe80::1%eth0')).toBe('link-local (fe80::/10)');
    expect(blockedAddress('fd00:ec2::254')).toBe('unique-local (fc00::/7)');
    for (const ip of ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1', '11.0.0.1',
      '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::1.1.1.1', '2002:808:808::']) expect(blockedAddress(ip), ip).toBeNull();
  });

  it('fails closed on anything that is not an address', () => {
    for (const s of ['localhost', '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '0x7f.0.0.1', '1:2:3:4:5:6:7:8:9', '1::2::3', '1.2.3.4::', 'gggg::1'])
      expect(blockedAddress(s), s).toBe('not an IP address');
    expect(parseIp('1:2:3:4:5:6:7::')).toHaveLength(16);
    expect(parseIp('::ffff:1.2.3.4')).toEqual([...Array(10).fill(0), 255, 255, 1, 2, 3, 4]);
  });
});

describe('webhook URLs as typed', () => {
  it('refuses other schemes, credentials, private literals and localhost names', () => {
    const refused = ['ftp://example.com/x', 'file:///etc/passwd', 'gopher://example.com', 'http://user:pw@example.com/hook', 'https://token@example.com/',
      'http://127.0.0.1:8080/x', 'http://0x7f.1/', 'http://2130706433/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://10.1.2.3/',
      'http://169.254.169.254/latest/meta-data/', 'http://[fd00::1]/', 'http://0.0.0.0:3000/', 'http://localhost:3000/', 'http://LOCALHOST./x', 'http://api.localhost/x', 'nonsense'];
    for (const u of refused) expect(webhookUrlProblem(u, false), u).not.toBeNull();
    for (const u of ['https://hooks.example.com/alerts?x=1', 'http://8.8.8.8/', 'https://[2606:4700::1]/h', 'https://localhost.example.com/'])
      expect(webhookUrlProblem(u, false), u).toBeNull();
  });

  it('allows private targets when the server says so, never credentials or other schemes', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:9000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://u:p@127.0.0.1/', true)).toMatch(/user name or password/);
    expect(webhookUrlProblem('ftp://127.0.0.1/', true)).toMatch(/http/);
  });
});
