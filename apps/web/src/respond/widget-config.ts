import { addMetadata, clip, cleanContext, type RespondContext } from './context';
import type { KeyValueStore } from './storage';

export type Trigger =
  | { kind: 'load' }
  | { kind: 'delay'; seconds: number }
  | { kind: 'event'; name: string }
  /** only window.Touchpoint.show() */
  | { kind: 'manual' };

/** `load` (default), `delay:5`, `event:order-completed` or `manual`. */
export function parseTrigger(value: string | null | undefined): Trigger {
  const [kind, arg = ''] = (value ?? '').trim().split(/:(.*)/s);
  if (kind === 'delay') {
    const seconds = Number(arg);
    return Number.isFinite(seconds) && seconds >= 0 ? { kind: 'delay', seconds } : { kind: 'load' };
  }
  if (kind === 'event' && arg.trim()) return { kind: 'event', name: arg.trim() };
  if (kind === 'manual') return { kind: 'manual' };
  return { kind: 'load' };
}

export interface WidgetConfig {
  surveyId: string;
  /** Where the API lives: the origin the widget script itself came from. */
  origin: string;
  trigger: Trigger;
  lang?: string;
  context: RespondContext;
}

/**
 * Reads the widget's own <script> tag: data-survey, data-trigger, data-lang, data-customer-id,
 * data-order-id, data-touchpoint, and data-meta-KEY="value" pairs as metadata.
 * Attributes are read raw (not via dataset) so `data-meta-utm_source` keeps its key as written.
 */
export function readWidgetConfig(src: string, attributes: Iterable<{ name: string; value: string }>): WidgetConfig | null {
  const attrs = new Map<string, string>();
  for (const a of attributes) attrs.set(a.name.toLowerCase(), a.value);
  const surveyId = clip(attrs.get('data-survey'), 100);
  let origin: string;
  try {
    origin = new URL(src).origin;
  } catch {
    return null;
  }
  if (!surveyId || origin === 'null') return null;
  const metadata: Record<string, string> = {};
  for (const [name, value] of attrs) if (name.startsWith('data-meta-')) addMetadata(metadata, name.slice(10), value);
  const context = cleanContext({
    channel: 'widget',
    customerExternalId: attrs.get('data-customer-id'),
    orderId: attrs.get('data-order-id'),
    touchpoint: attrs.get('data-touchpoint'),
    metadata,
  });
  return { surveyId, origin, trigger: parseTrigger(attrs.get('data-trigger')), lang: clip(attrs.get('data-lang'), 35), context };
}

/**
 * Context carried by a trigger event, e.g.
 * dispatchEvent(new CustomEvent('order-completed', { detail: { orderId: 'A1', customerId: '42', metadata: { plan: 'pro' } } })).
 */
export function contextFromEventDetail(detail: unknown): RespondContext {
  if (!detail || typeof detail !== 'object') return {};
  const d = detail as Record<string, unknown>;
  return cleanContext({
    customerExternalId: d.customerId ?? d.customerExternalId,
    orderId: d.orderId,
    touchpoint: d.touchpoint,
    metadata: d.metadata,
  });
}

export function surveyUrl(origin: string, surveyId: string, lang?: string): string {
  const q = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  return `${origin}/api/public/surveys/${encodeURIComponent(surveyId)}${q}`;
}

export function eligibilityUrl(origin: string, surveyId: string, customerExternalId: string): string {
  return `${origin}/api/public/surveys/${encodeURIComponent(surveyId)}/eligibility?customerExternalId=${encodeURIComponent(customerExternalId)}`;
}

/** After answering or dismissing, this browser is left alone for a while (per survey). */
export const QUIET_DAYS = 30;
const DAY_MS = 86_400_000;
const markKey = (surveyId: string) => `tp:prompted:${surveyId}`;

export function recentlyPrompted(store: KeyValueStore, surveyId: string, now: number): boolean {
  const at = Number(store.getItem(markKey(surveyId)));
  return Number.isFinite(at) && at > 0 && now - at < QUIET_DAYS * DAY_MS && at <= now + DAY_MS;
}

export function markPrompted(store: KeyValueStore, surveyId: string, now: number): void {
  store.setItem(markKey(surveyId), String(now));
}
