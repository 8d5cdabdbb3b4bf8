/**
 * The IMAP option for inbound replies, for operators who cannot point their MX at our webhook:
 * every few minutes, log in, hand each unseen message's raw MIME to `onMessage` in UID order,
 * and flag it \Seen only after `onMessage` resolved. A crash or a failing callback therefore
 * leaves the message unseen and it comes again on the next poll (at-least-once: the handler must
 * be safe to repeat, e.g. by the Message-ID). The source is fetched with BODY.PEEK (imapflow's
 * default), so fetching alone never marks a message read.
 * One short session per poll rather than a long-lived IDLE connection: replies are not urgent to
 * the second, and a poll that logs out cannot leak a half-dead socket across server restarts.
 */
import { InboundMailTooLarge, MAX_INBOUND_BYTES } from './mail-inbound.js';

export interface ImapPollerConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); false uses STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox?: string;
}

export interface ImapPollerOptions {
  /** A message or a whole poll failed; the message stays unseen (or, when too large, is set aside). */
  onError?: (err: unknown, uid?: number) => void;
  /** Messages handled per poll at most, so a backlog drains over several short sessions. */
  maxPerPoll?: number;
  /** Larger messages are not downloaded: reported to onError and flagged \Seen so they stop coming. */
  maxBytes?: number;
}

export interface PollResult { delivered: number; failed: number; skipped: number }

export class ImapPoller {
  private running: Promise<PollResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private active = false;

  constructor(
    private readonly config: ImapPollerConfig,
    private readonly onMessage: (raw: Buffer, uid: number) => Promise<void>,
    private readonly options: ImapPollerOptions = {},
  ) {}

  /** One poll; a call while a poll runs joins it instead of opening a second session. */
  pollOnce(): Promise<PollResult> {
    this.running ??= this.poll().finally(() => { this.running = null; });
    return this.running;
  }

  /** Polls now and then `everyMs` after each poll ends (a slow poll never overlaps the next). */
  start(everyMs: number): void {
    if (this.active) return;
    this.active = true;
    const tick = async () => {
      try {
        await this.pollOnce();
      } catch (err) {
        this.options.onError?.(err);
      }
      if (this.active) this.timer = setTimeout(tick, everyMs);
    };
    void tick();
  }

  /** Stops the clock and waits for a poll in progress to finish. */
  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async poll(): Promise<PollResult> {
    const { host, port, secure, user, password, mailbox = 'INBOX' } = this.config;
    // Loaded on first poll: imapflow costs ≈ 170 ms to import, which servers without IMAP need not pay.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host, port, secure, auth: { user, pass: password }, logger: false, disableAutoIdle: true,
      connectionTimeout: 30_000, greetingTimeout: 15_000, socketTimeout: 120_000,
    });
    // imapflow reports socket failures as 'error' events too; unheard, Node would crash on them.
    // The command in flight rejects as well, which is what the caller sees.
    client.on('error', () => undefined);
    const result: PollResult = { delivered: 0, failed: 0, skipped: 0 };
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const found = await client.search({ seen: false }, { uid: true });
        const uids = (found || []).sort((a, b) => a - b).slice(0, this.options.maxPerPoll ?? 200);
        if (uids.length === 0) return result;
        const maxBytes = this.options.maxBytes ?? MAX_INBOUND_BYTES;
        const sizes = new Map((await client.fetchAll(uids.join(','), { size: true }, { uid: true })).map((m) => [m.uid, m.size ?? 0]));
        for (const uid of uids) {
          const size = sizes.get(uid);
          if (size === undefined) continue; // expunged since the search
          if (size > maxBytes) {
            this.options.onError?.(new InboundMailTooLarge(size), uid);
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            result.skipped++;
            continue;
          }
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await this.onMessage(message.source, uid);
          } catch (err) {
            result.failed++;
            this.options.onError?.(err, uid);
            continue;
          }
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          result.delivered++;
        }
        return result;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
