/**
 * Where an alert webhook may be sent. Webhook URLs are typed by users, and the server reports
 * how each request went: without a check it would POST into its own network for them (a cloud
 * metadata service, an admin port on localhost, a database next door). Pure functions: the
 * rule form checks the URL as typed, and delivery applies `blockedAddress` to every address a
 * host name resolves to, then connects to the one it checked (webhook-send.ts).
 */

/** An address as 4 or 16 bytes. */
export type IpBytes = number[];

/** Dotted-quad IPv4 in canonical decimal (what DNS answers and WHATWG URLs produce); null otherwise. */
function parseIpv4(text: string): IpBytes | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** IPv6 with `::`, an IPv4 tail and a zone id (`%eth0`, dropped); null when it is not one. */
function parseIpv6(text: string): IpBytes | null {
  const s = text.replace(/%[^%]*$/, '');
  if (!/^[0-9a-f:.]+$/i.test(s) || (s.match(/::/g) ?? []).length > 1) return null;
  // An IPv4 tail may only end the address.
  const groups = (part: string, last: boolean): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (last && i === items.length - 1 && item.includes('.')) {
        const v4 = parseIpv4(item);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(item)) out.push(parseInt(item, 16));
      else return null;
    }
    return out;
  };
  const [head, tail] = s.includes('::') ? s.split('::') : [s, null];
  const h = groups(head, tail === null);
  const t = tail === null ? [] : groups(tail, true);
  if (!h || !t) return null;
  if (tail === null ? h.length !== 8 : h.length + t.length > 7) return null;
  const all = [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An IP address (IPv6 possibly in brackets, as URLs write it) as bytes; null for a host name. */
export function parseIp(text: string): IpBytes | null {
  const s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return s.includes(':') ? parseIpv6(s) : parseIpv4(s);
}

/** Does `bytes` start with the first `bits` bits of `prefix`? */
function within(bytes: IpBytes, prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i / 8] & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** Ranges no webhook goes to: [prefix bytes, prefix length, what it is]. */
const V4: [number[], number, string][] = [
  [[0], 8, '"this network" (0.0.0.0/8)'],
  [[10], 8, 'private (10.0.0.0/8)'],
  [[100, 64], 10, 'carrier-grade NAT (100.64.0.0/10)'],
  [[127], 8, 'loopback (127.0.0.0/8)'],
  [[169, 254], 16, 'link-local, cloud metadata (169.254.0.0/16)'],
  [[172, 16], 12, 'private (172.16.0.0/12)'],
  [[192, 0, 0], 24, 'IETF protocol assignments (192.0.0.0/24)'],
  [[192, 168], 16, 'private (192.168.0.0/16)'],
  [[198, 18], 15, 'benchmarking (198.18.0.0/15)'],
  [[224], 4, 'multicast (224.0.0.0/4)'],
  [[240], 4, 'reserved or broadcast (240.0.0.0/4)'],
];
const V6: [number[], number, string][] = [
  // :: and ::1 included; the rest of ::/96 held deprecated IPv4-compatible addresses.
  [[], 96, 'unspecified, loopback or IPv4-compatible (::/96)'],
  [[0xfc], 7, 'unique-local (fc00::/7)'],
  [[0xfe, 0x80], 10, 'link-local (fe80::/10)'],
  [[0xfe, 0xc0], 10, 'site-local (fec0::/10)'],
  [[0xff], 8, 'multicast (ff00::/8)'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'local-use NAT64 (64:ff9b:1::/48)'],
];
/** IPv6 ranges that carry an IPv4 address, and where: the IPv4 address decides. */
const EMBEDS_V4: [number[], number, number, string][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 12, 'IPv4-mapped'],
  [[0x00, 0x64, 0xff, 0x9b], 96, 12, 'NAT64'],
  [[0x20, 0x02], 16, 2, '6to4'],
];

/**
 * Why no webhook may go to `address` (e.g. "loopback (127.0.0.0/8)"), or null when it is a public
 * address. Anything that is not an IP address is refused: delivery only ever asks about the
 * addresses a name resolved to, so this fails closed.
 */
export function blockedAddress(address: string): string | null {
  const bytes = parseIp(address);
  if (!bytes) return 'not an IP address';
  if (bytes.length === 4) return V4.find(([p, bits]) => within(bytes, p, bits))?.[2] ?? null;
  for (const [prefix, bits, at, name] of EMBEDS_V4) {
    if (!within(bytes, prefix, bits)) continue;
    const inner = blockedAddress(bytes.slice(at, at + 4).join('.'));
    return inner && `${name} ${inner}`;
  }
  return V6.find(([p, bits]) => within(bytes, p, bits))?.[2] ?? null;
}

/** Host names that mean this machine whatever DNS says (RFC 6761). */
const isLocalhostName = (host: string) => /(^|\.)localhost$/i.test(host.replace(/\.$/, ''));

/**
 * What is wrong with a webhook URL as typed, or null. Scheme and credentials always matter; a
 * private IP literal or a localhost name only while private targets are not allowed. Names are
 * not resolved here: what they resolve to is checked at each delivery, when it counts.
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try { url = new URL(raw); } catch { return 'not a valid URL'; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'an http:// or https:// address';
  if (url.username || url.password) return 'no user name or password in the address: the signature authenticates the request';
  if (allowPrivate) return null;
  const host = url.hostname;
  if (isLocalhostName(host)) return `${host} is this server: webhooks go to public addresses only`;
  const blocked = parseIp(host) && blockedAddress(host);
  return blocked ? `${host} is a ${blocked} address: webhooks go to public addresses only` : null;
}
