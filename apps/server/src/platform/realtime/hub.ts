/**
 * Live views over Server-Sent Events. A browser subscribes to a topic (e.g. one survey's
 * results); the outbox worker publishes after commit, so a view never shows uncommitted data.
 * In one process this is a map of open streams; a multi-node deployment would put a broker here.
 */
import type { FastifyReply } from 'fastify';

export class RealtimeHub {
  private readonly topics = new Map<string, Set<FastifyReply>>();

  subscribe(topic: string, reply: FastifyReply): void {
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // HEAD has no body: Node ignores write() and would never send the headers; answer and stop.
    if (reply.request.method === 'HEAD') { reply.raw.end(); return; }
    reply.raw.write(': connected\n\n');
    const set = this.topics.get(topic) ?? new Set();
    set.add(reply);
    this.topics.set(topic, set);
    const ping = setInterval(() => reply.raw.write(': ping\n\n'), 20_000);
    reply.raw.on('close', () => {
      clearInterval(ping);
      set.delete(reply);
      if (!set.size) this.topics.delete(topic);
    });
  }

  publish(topic: string, event: string, data: unknown): void {
    const set = this.topics.get(topic);
    if (!set) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const reply of set) reply.raw.write(frame);
  }

  private readonly coalescing = new Map<string, { timer: NodeJS.Timeout; pending: unknown }>();
  /**
   * Publishes at once, then at most once per `windowMs` per topic and event (the latest data
   * wins): a burst of 1,000 stored responses becomes a couple of refreshes, and the last one is
   * never lost.
   */
  publishCoalesced(topic: string, event: string, data: unknown, windowMs = 500, subject = ''): void {
    if (!this.topics.has(topic)) return;
    // `subject` keeps frames about different things apart (two imports at once each keep their last frame).
    const key = `${topic}\u0001${event}\u0001${subject}`;
    const open = this.coalescing.get(key);
    if (open) { open.pending = data; return; }
    this.publish(topic, event, data);
    const entry: { timer: NodeJS.Timeout; pending: unknown } = {
      pending: undefined,
      timer: setTimeout(() => {
        this.coalescing.delete(key);
        if (entry.pending !== undefined) this.publishCoalesced(topic, event, entry.pending, windowMs, subject);
      }, windowMs),
    };
    entry.timer.unref();
    this.coalescing.set(key, entry);
  }

  subscribers(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }

  closeAll(): void {
    for (const c of this.coalescing.values()) clearTimeout(c.timer);
    this.coalescing.clear();
    for (const set of this.topics.values()) for (const r of set) r.raw.end();
    this.topics.clear();
  }
}
