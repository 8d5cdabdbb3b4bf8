/**
 * Deterministic demo responses: the same seed, surveys and `now` always give the same stream,
 * so demo workspaces, screenshots and tests are reproducible. The stream is lazy (a generator),
 * so the caller can batch inserts without holding tens of thousands of responses in memory.
 */
import { pickLanguage, type BatchResponse, type Channel, type SurveyDefinition } from '@touchpoint/shared';
import { fillAnswers, prepareSurvey, truncateAnswers, type PreparedSurvey } from './demo-answers.js';
import { DemoCalendar } from './demo-calendar.js';
import { DEMO_LANGUAGES, type DemoLanguage, type Theme } from './demo-corpus.js';
import { fakePerson, type DemoRegion, type FakePerson } from './demo-people.js';
import { clamp, gaussian, hashString, mulberry32, pickOne, randInt, WeightedPicker, type Rand } from './demo-random.js';

export interface DemoSurveyRef {
  id: string;
  definition: SurveyDefinition;
}

export interface DemoGeneratorOptions {
  surveys: DemoSurveyRef[];
  /** Total number of responses, spread over all surveys. */
  count: number;
  seed: number;
  /** The end of the year of data; submittedAt is always within the 365 days before it. */
  now: Date;
}

export type DemoResponse = { surveyId: string } & BatchResponse;

type DemoChannel = Extract<Channel, 'link' | 'widget' | 'email' | 'app' | 'api'>;
type Plan = 'free' | 'plus' | 'pro';
/** Recognised from the question ids of the demo surveys; anything else is "generic". */
type SurveyKind = 'purchase' | 'support' | 'app' | 'generic';

interface KindProfile {
  /** Relative volume: far more orders are surveyed than support tickets or app sessions. */
  share: number;
  channels: Partial<Record<DemoChannel, number>>;
  touchpoints: Record<string, number>;
  /** Probability that the response carries an order id. */
  orderRate: number;
  /** Extra share of unhappy respondents (support contacts start from a problem). */
  unhappyBias: number;
}

const PROFILES: Record<SurveyKind, KindProfile> = {
  purchase: {
    share: 5, orderRate: 0.97, unhappyBias: 0,
    channels: { email: 35, link: 25, widget: 15, app: 15, api: 10 },
    touchpoints: { delivery: 45, checkout: 35, 'store-visit': 20 },
  },
  support: {
    share: 3, orderRate: 0.55, unhappyBias: 0.04,
    channels: { email: 45, widget: 25, link: 20, api: 10 },
    touchpoints: { 'support-chat': 60, 'support-email': 25, returns: 15 },
  },
  app: {
    share: 2, orderRate: 0.3, unhappyBias: -0.02,
    channels: { app: 70, widget: 15, link: 10, email: 5 },
    touchpoints: { checkout: 40, 'app-onboarding': 30, 'order-tracking': 30 },
  },
  generic: {
    share: 2, orderRate: 0.4, unhappyBias: 0,
    channels: { link: 30, email: 28, widget: 20, app: 15, api: 7 },
    touchpoints: { checkout: 1, delivery: 1, 'support-chat': 1, 'store-visit': 1, 'app-onboarding': 1 },
  },
};

/** What people write about after each touchpoint. */
const TOUCHPOINT_THEMES: Record<string, Partial<Record<Theme, number>>> = {
  checkout: { price: 4, app: 3, quality: 1, delivery: 1 },
  delivery: { delivery: 5, quality: 3, returns: 1, price: 1 },
  'store-visit': { service: 4, quality: 2, price: 2, returns: 1 },
  'support-chat': { service: 5, returns: 3, delivery: 2, app: 1 },
  'support-email': { service: 4, returns: 3, delivery: 2 },
  returns: { returns: 6, service: 2, quality: 1 },
  'app-onboarding': { app: 6, price: 1, service: 1 },
  'order-tracking': { delivery: 3, app: 3 },
};

/** Answers the situation implies, e.g. a store visit was ordered "in store". */
const CHOICE_HINTS: Record<string, Record<string, string>> = {
  'store-visit': { order_channel: 'store' },
  'support-chat': { contact_channels: 'live_chat' },
  'support-email': { contact_channels: 'email' },
  returns: { issue_type: 'return_refund' },
  'order-tracking': { features_used: 'order_tracking' },
  'channel:app': { order_channel: 'app' },
};

const STORES: Record<DemoRegion, string[]> = {
  HK: ['hk-causeway-bay', 'hk-mong-kok', 'hk-sha-tin'],
  TW: ['tw-xinyi', 'tw-zhongshan', 'tw-taichung'],
  SG: ['sg-orchard', 'sg-tampines', 'sg-jurong'],
  MY: ['my-klcc', 'my-mid-valley', 'my-penang'],
  CN: ['cn-sh-jingan', 'cn-sz-futian', 'cn-gz-tianhe'],
};

const LANGUAGE_MIX = WeightedPicker.fromRecord<DemoLanguage>({ en: 45, 'zh-Hant': 30, 'zh-Hans': 25 });
/** Where speakers of each language live (English is the lingua franca of SG and MY). */
const REGION_BY_LANGUAGE: Record<DemoLanguage, WeightedPicker<DemoRegion>> = {
  en: WeightedPicker.fromRecord<DemoRegion>({ SG: 40, MY: 25, HK: 22, TW: 5, CN: 8 }),
  'zh-Hant': WeightedPicker.fromRecord<DemoRegion>({ TW: 55, HK: 45 }),
  'zh-Hans': WeightedPicker.fromRecord<DemoRegion>({ CN: 60, SG: 22, MY: 18 }),
};
const PLANS = WeightedPicker.fromRecord<Plan>({ free: 60, plus: 28, pro: 12 });
/** Paying members are a little happier (and better treated). */
const PLAN_UNHAPPY_BIAS: Record<Plan, number> = { free: 0.02, plus: -0.01, pro: -0.04 };

const CUSTOMER_POOL = 6000;
/** A tenth of the customers are regulars who answer about five times as often as the rest. */
const REGULARS = 600;

interface DemoCustomer {
  externalId: string;
  language: DemoLanguage;
  region: DemoRegion;
  plan: Plan;
  person: FakePerson;
  /** Personal temperament, so one customer's repeat answers resemble each other. */
  mood: number;
}

function makeCustomers(rand: Rand): DemoCustomer[] {
  return Array.from({ length: CUSTOMER_POOL }, (_, i) => {
    const language = LANGUAGE_MIX.pick(rand);
    const region = REGION_BY_LANGUAGE[language].pick(rand);
    return {
      externalId: `cus_${String(i + 1).padStart(5, '0')}`,
      language, region, plan: PLANS.pick(rand),
      person: fakePerson(rand, language, region),
      mood: 0.05 * gaussian(rand),
    };
  });
}

function kindOf(def: SurveyDefinition): SurveyKind {
  const ids = new Set(def.questions.map((q) => q.id));
  if (ids.has('csat')) return 'support';
  if (def.questions.some((q) => q.type === 'rating')) return 'app';
  return ids.has('nps') ? 'purchase' : 'generic';
}

interface PreparedDemoSurvey extends PreparedSurvey {
  id: string;
  profile: KindProfile;
  channels: WeightedPicker<DemoChannel>;
  touchpoints: WeightedPicker<string>;
}

const themePickers = new Map<string, WeightedPicker<Theme>>();
function themesFor(touchpoint: string, kind: KindProfile): WeightedPicker<Theme> {
  const key = `${touchpoint}|${kind === PROFILES.app}`;
  let picker = themePickers.get(key);
  if (!picker) {
    const weights = { ...(TOUCHPOINT_THEMES[touchpoint] ?? { delivery: 1, price: 1, service: 1, app: 1, returns: 1, quality: 1 }) };
    if (kind === PROFILES.app) weights.app = (weights.app ?? 0) + 6; // app survey: comments are about the app
    picker = WeightedPicker.fromRecord(weights);
    themePickers.set(key, picker);
  }
  return picker;
}

/**
 * Mixture of an unhappy and a happy group; the unhappy share shrinks over the year (the
 * improving trend) and grows in sale seasons when couriers and support are stretched.
 */
function drawSatisfaction(rand: Rand, unhappyShare: number, mood: number): number {
  const unhappy = rand() < clamp(unhappyShare, 0.03, 0.9);
  const base = unhappy ? 0.34 + 0.18 * gaussian(rand) : 0.86 + 0.1 * gaussian(rand);
  return clamp(base + mood, 0, 1);
}

function orderIdFor(rand: Rand, at: Date): string {
  const yymm = at.toISOString().slice(2, 7).replace('-', '');
  return `OL${yymm}-${String(randInt(rand, 0, 999_999)).padStart(6, '0')}`;
}

export function* generateDemoResponses(opts: DemoGeneratorOptions): Generator<DemoResponse> {
  if (opts.count <= 0) return;
  if (opts.surveys.length === 0) throw new Error('generateDemoResponses needs at least one survey');
  const rand = mulberry32(opts.seed);
  // Customers come from their own stream so that the pool does not change when `count` does.
  const customers = makeCustomers(mulberry32(hashString(`customers:${opts.seed}`)));
  const calendar = new DemoCalendar(opts.now);
  const surveys: PreparedDemoSurvey[] = opts.surveys.map((s) => {
    const profile = PROFILES[kindOf(s.definition)];
    return {
      ...prepareSurvey(s.definition), id: s.id, profile,
      channels: WeightedPicker.fromRecord(profile.channels),
      touchpoints: WeightedPicker.fromRecord(profile.touchpoints),
    };
  });
  const surveyPicker = new WeightedPicker(surveys.map((s) => [s, s.profile.share] as const));
  const keyPrefix = `demo-${(opts.seed >>> 0).toString(36)}`;

  for (let i = 0; i < opts.count; i++) {
    const survey = surveyPicker.pick(rand);
    const { at, progress, strain } = calendar.pick(rand);
    const customer = customers[rand() < 0.3 ? randInt(rand, 0, REGULARS - 1) : randInt(rand, 0, CUSTOMER_POOL - 1)];
    const channel = survey.channels.pick(rand);
    const touchpoint = survey.touchpoints.pick(rand);

    // Bilingual customers in HK, SG and MY sometimes answer in their other language, except
    // by e-mail: invitations go out in the language on file, which also matches their name.
    let language: DemoLanguage = customer.language;
    if (channel !== 'email' && customer.region !== 'TW' && customer.region !== 'CN' && rand() < 0.1)
      language = language !== 'en' ? 'en' : customer.region === 'HK' ? 'zh-Hant' : 'zh-Hans';
    const def = survey.definition;
    const surveyLanguage = pickLanguage(def.languages, [language], def.defaultLanguage);
    const textLanguage = (DEMO_LANGUAGES as readonly string[]).includes(surveyLanguage) ? (surveyLanguage as DemoLanguage) : 'en';

    const unhappyShare = 0.22 - 0.1 * progress + 0.08 * strain + survey.profile.unhappyBias + PLAN_UNHAPPY_BIAS[customer.plan];
    let answers = fillAnswers(survey, {
      rand,
      satisfaction: drawSatisfaction(rand, unhappyShare, customer.mood),
      language: textLanguage,
      themes: themesFor(touchpoint, survey.profile),
      choiceHints: { ...CHOICE_HINTS[`channel:${channel}`], ...CHOICE_HINTS[touchpoint] },
    });
    const complete = rand() >= 0.05;
    if (!complete) answers = truncateAnswers(def, answers, rand() < 0.6 ? 1 : 2);

    const metadata: Record<string, string> = { region: customer.region, plan: customer.plan };
    if (survey.profile === PROFILES.purchase)
      metadata.store = touchpoint === 'store-visit' ? pickOne(rand, STORES[customer.region]) : 'online';
    if (channel === 'app' || survey.profile === PROFILES.app) {
      metadata.device = rand() < (customer.region === 'CN' ? 0.35 : 0.55) ? 'ios' : 'android';
      metadata.app_version = `4.${Math.min(9, Math.floor(progress * 10))}`; // releases roll out over the year
    }
    if (channel === 'link') metadata.utm_source = pickOne(rand, ['sms', 'receipt_qr', 'instagram', 'facebook', 'line']);

    const response: DemoResponse = {
      surveyId: survey.id,
      idempotencyKey: `${keyPrefix}-${i}`,
      answers,
      complete,
      channel,
      touchpoint,
      language: surveyLanguage,
      metadata,
      submittedAt: at.toISOString(),
    };
    // Anonymous link and widget answers happen: not every visitor is logged in.
    const anonymous = (channel === 'link' || channel === 'widget') && rand() < 0.15;
    if (!anonymous) response.customerExternalId = customer.externalId;
    if (rand() < survey.profile.orderRate) response.orderId = orderIdFor(rand, at);
    if (channel === 'email') response.respondent = { email: customer.person.email, name: customer.person.name };
    yield response;
  }
}
