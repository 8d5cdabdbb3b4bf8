/**
 * A real IMAP server for tests: Debian's Dovecot (apt package `dovecot-imapd`), started from a
 * generated config in a temp directory: loopback on a free port, plaintext auth without TLS, one
 * passwd-file user, maildir under the temp directory. It runs unprivileged: as `nobody` when the
 * tests run as root (CI), as the current user otherwise. `DOVECOT` is undefined when it is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImapPollerConfig } from './imap-poller.js';

export const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot', ...(process.env.PATH ?? '').split(':').filter(Boolean).map((d) => path.join(d, 'dovecot'))]
  .find((p) => fs.existsSync(p));

interface RunAs { uid: number; gid: number; user: string; group: string }

function runAs(): RunAs {
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const groups = fs.readFileSync('/etc/group', 'utf8').split('\n').map((l) => l.split(':'));
  const root = process.getuid?.() === 0;
  const entry = root ? passwd.find((p) => p[0] === 'nobody') : passwd.find((p) => Number(p[2]) === process.getuid!());
  if (!entry) throw new Error('no unprivileged user to run dovecot as');
  const gid = Number(entry[3]);
  return { uid: Number(entry[2]), gid, user: entry[0], group: groups.find((g) => Number(g[2]) === gid)?.[0] ?? entry[0] };
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the server sends its "* OK" greeting. */
async function greeting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
    socket.once('data', (d) => { socket.destroy(); resolve(d.toString().startsWith('* OK')); });
    socket.once('error', () => resolve(false));
  });
}

export async function startDovecot(): Promise<{ config: ImapPollerConfig; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-dovecot-'));
  const as = runAs();
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'users'), `poller:{PLAIN}${password}\n`);
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# a wrong password is answered at once rather than after the usual 2 s
auth_failure_delay = 0
default_login_user = ${as.user}
default_internal_user = ${as.user}
default_internal_group = ${as.group}
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${as.uid} gid=${as.gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`);
  for (const f of ['', 'users', 'dovecot.conf']) fs.chownSync(path.join(dir, f), as.uid, as.gid);
  const root = process.getuid?.() === 0;
  const child: ChildProcess = spawn(DOVECOT!, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { uid: as.uid, gid: as.gid } : {}),
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const log = () => output + (fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '');
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await greeting(port)) return { config: { host: '127.0.0.1', port, secure: false, user: 'poller', password }, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const why = log();
  await stop();
  throw new Error(`dovecot did not start:\n${why}`);
}

