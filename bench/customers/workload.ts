/**
 * Customer event batches for the ingestion bench: what a shop's backend sends. Per batch of 500,
 * about 60 % track, 20 % page (half of them by anonymous devices), 12 % identify (email, traits,
 * consents; some join a device to its user) and 8 % order, over 200,000 users and 300,000 devices,
 * so most events land on people already known once the run is warm. Seeded: every run sends the
 * same bodies. Each request's events get unique keys (`<prefix><request>-<i>`), so nothing is a
 * duplicate, and orders unique ids.
 */
import { RotatingBodies } from '../lib/workload.js';
import { mulberry32 } from '../../apps/server/src/modules/demo/demo-random.js';

const SEQ = '~~SEQ~~';
const USERS = 200_000;
const DEVICES = 300_000;
const EVENTS = ['Viewed product', 'Added to cart', 'Started checkout', 'Searched', 'Opened app', 'Shared'];
const PAGES = ['/', '/products', '/products/tea', '/cart', '/checkout', '/help'];
const CITIES = ['Taipei', 'Kaohsiung', 'Hong Kong', 'Shanghai', 'Singapore', 'London'];


export function eventBatchBodies(prefix: string, batchSize = 500, templates = 20, seed = 7): RotatingBodies {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const user = () => `user-${Math.floor(rnd() * USERS)}`;
  const device = () => `dev-${Math.floor(rnd() * DEVICES)}`;
  const parts: string[][] = [];
  for (let t = 0; t < templates; t++) {
    const events = Array.from({ length: batchSize }, (_, i) => {
      const key = `${SEQ}-${i}`;
      const r = rnd();
      if (r < 0.6) return { type: 'track', idempotencyKey: key, userId: user(), event: pick(EVENTS), properties: { sku: `SKU-${Math.floor(rnd() * 5000)}`, price: Math.round(rnd() * 3000) } };
      if (r < 0.7) return { type: 'page', idempotencyKey: key, userId: user(), url: pick(PAGES) };
      if (r < 0.8) return { type: 'page', idempotencyKey: key, anonymousId: device(), url: pick(PAGES) };
      if (r < 0.92) {
        const u = Math.floor(rnd() * USERS);
        return {
          type: 'identify', idempotencyKey: key, userId: `user-${u}`, ...(rnd() < 0.3 ? { anonymousId: device() } : {}),
          email: `user-${u}@example.com`, traits: { city: pick(CITIES), plan: rnd() < 0.3 ? 'pro' : 'free', age: 18 + Math.floor(rnd() * 60) }, consents: { email: rnd() < 0.7 },
        };
      }
      return { type: 'order', idempotencyKey: key, userId: user(), orderId: `o-${key}`, revenue: Math.round(rnd() * 500000) / 100, currency: 'TWD' };
    });
    parts.push(JSON.stringify({ events }).split(SEQ));
  }
  return new RotatingBodies(parts, (n) => `${prefix}${n}`);
}
