/**
 * The demo shop's customers: people who sign up over the last twelve months, come back less and
 * less often (as real cohorts do), browse and order, so the customer KPI tiles (cohorts, churn,
 * CLV, repeat purchases, revenue by segment) have something to show. Seeded: the same seed and
 * `now` give the same events. External ids are the survey answers' customer ids (cus_00001 …),
 * so a person's timeline holds their answers too. Stored through the real intake, 500 at a time.
 */
import { SegmentInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { createSegment, ingestEvents } from '../customers/index.js';
import type { DemoLanguage } from './demo-corpus.js';
import { fakePerson, type DemoRegion } from './demo-people.js';
import { clamp, gaussian, hashString, mulberry32, pickOne, randInt, WeightedPicker, type Rand } from './demo-random.js';

const DAY = 86_400_000;
const REGIONS = WeightedPicker.fromRecord<DemoRegion>({ TW: 30, HK: 22, SG: 20, MY: 12, CN: 16 });
const LANGUAGE: Record<DemoRegion, DemoLanguage> = { TW: 'zh-Hant', HK: 'zh-Hant', CN: 'zh-Hans', SG: 'en', MY: 'en' };
const PLANS = WeightedPicker.fromRecord<'free' | 'plus' | 'pro'>({ free: 60, plus: 28, pro: 12 });
/** Pro members order more often and spend more per order. */
const PLAN = { free: { buy: 0.35, basket: 38 }, plus: { buy: 0.5, basket: 55 }, pro: { buy: 0.65, basket: 90 } } as const;
const PAGES = ['/', '/deals', '/tea', '/snacks', '/home-goods', '/cart'];
const TRACKS = ['Searched', 'Added to cart', 'Opened app', 'Saved item'];

type Raw = Record<string, unknown>;

/** One person's events: an identify at sign-up, then month by month browsing and orders. */
function personEvents(rand: Rand, i: number, now: number): Raw[] {
  const userId = `cus_${String(i + 1).padStart(5, '0')}`;
  const region = REGIONS.pick(rand);
  const plan = PLANS.pick(rand);
  const person = fakePerson(rand, LANGUAGE[region], region);
  // More people sign up in later months: the shop grows.
  const start = now - 365 * DAY * (1 - Math.sqrt(rand()));
  const loyalty = clamp(0.45 + 0.15 * gaussian(rand), 0.15, 0.85);
  const out: Raw[] = [{ type: 'identify', userId, email: person.email, name: person.name, traits: { plan, country: region }, consents: { email: rand() < 0.7 }, timestamp: new Date(start).toISOString() }];
  let orders = 0;
  for (let month = 0, at = start; at < now; month++, at += 30 * DAY) {
    // The first month everybody is around; later, fewer and fewer come back.
    if (month > 0 && rand() > loyalty * Math.pow(0.88, month - 1) + 0.04) continue;
    const visits = randInt(rand, 1, 4);
    for (let v = 0; v < visits; v++) {
      const when = Math.min(now - 60_000, at + rand() * 30 * DAY);
      out.push(rand() < 0.6
        ? { type: 'page', userId, url: pickOne(rand, PAGES), timestamp: new Date(when).toISOString() }
        : { type: 'track', userId, event: pickOne(rand, TRACKS), timestamp: new Date(when).toISOString() });
    }
    const buys = rand() < PLAN[plan].buy ? (rand() < 0.25 ? 2 : 1) : 0;
    for (let b = 0; b < buys; b++) {
      const when = Math.min(now - 60_000, at + rand() * 30 * DAY);
      const revenue = Math.round(PLAN[plan].basket * Math.exp(0.45 * gaussian(rand)) * 100) / 100;
      out.push({ type: 'order', userId, orderId: `demo-${userId}-${++orders}`, revenue, currency: 'USD', timestamp: new Date(when).toISOString() });
    }
  }
  return out;
}

/** Stores the demo customers' events (about 15,000 for 1,200 people) and three live segments. */
export async function seedDemoCustomers(deps: Deps, ctx: { workspaceId: string; actor: Actor }, opts: { people?: number; seed?: number; now?: Date } = {}) {
  const rand = mulberry32(hashString(`demo-customers:${opts.seed ?? 42}`));
  const now = (opts.now ?? new Date()).getTime();
  const events = Array.from({ length: opts.people ?? 1200 }, (_, i) => personEvents(rand, i, now)).flat()
    .sort((a, b) => (String(a.timestamp) < String(b.timestamp) ? -1 : 1));
  let accepted = 0;
  for (let i = 0; i < events.length; i += 500) {
    accepted += (await ingestEvents(deps, ctx, events.slice(i, i + 500), { transport: 'import', batchKey: `demo:${i}` })).accepted;
  }
  // Live segments: the segment worker fills them in the background.
  const segments: [string, string, unknown][] = [
    ['Pro members', 'Customers on the pro plan', { kind: 'trait', method: 'demographic', key: 'plan', op: 'eq', value: 'pro' }],
    ['Taiwan 台灣', 'Customers in Taiwan', { kind: 'trait', method: 'geographic', key: 'country', op: 'eq', value: 'TW' }],
    ['Loyal buyers', 'Three orders or more', { kind: 'profile', method: 'behavioural', field: 'order_count', op: 'gte', value: 3 }],
  ];
  for (const [name, description, condition] of segments) {
    await createSegment(deps, ctx, SegmentInput.parse({ name, description, kind: 'live', definition: { kind: 'group', match: 'all', conditions: [condition] } }));
  }
  return { events: accepted };
}
