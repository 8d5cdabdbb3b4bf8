import type { Channel } from '@touchpoint/shared';

/** Who answers, where and why: sent along with the answers. Mirrors ResponseContext + inviteToken. */
export interface RespondContext {
  channel?: Channel;
  touchpoint?: string;
  customerExternalId?: string;
  orderId?: string;
  metadata?: Record<string, string>;
  inviteToken?: string;
}

// Copies of the limits in contracts/response.ts (importing them would pull Zod into the bundles).
// Link and widget input is cleaned to fit, because one bad key would make the server reject
// the whole submission and the respondent would lose every answer.
const CHANNELS: readonly string[] = ['link', 'widget', 'email', 'api', 'import', 'sms', 'app', 'kiosk', 'other'];
const META_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
const META_MAX_KEYS = 50;
const META_MAX_VALUE = 500;

export function isChannel(value: string | null | undefined): value is Channel {
  return value != null && CHANNELS.includes(value);
}

/** Trimmed text cut to max characters, or undefined when blank. */
export function clip(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s ? s.slice(0, max) : undefined;
}

/** Adds one metadata pair if the key is valid and there is room; returns whether it was kept. */
export function addMetadata(meta: Record<string, string>, key: string, value: unknown): boolean {
  const v = typeof value === 'string' ? value.slice(0, META_MAX_VALUE) : undefined;
  if (v === undefined || !META_KEY.test(key)) return false;
  if (!(key in meta) && Object.keys(meta).length >= META_MAX_KEYS) return false;
  meta[key] = v;
  return true;
}

/** Context cleaned to what the server accepts (length limits, channel list, metadata keys). */
export function cleanContext(input: Record<string, unknown>): RespondContext {
  const metadata: Record<string, string> = {};
  const meta = input.metadata;
  if (meta && typeof meta === 'object') for (const [k, v] of Object.entries(meta)) addMetadata(metadata, k, v);
  const channel = typeof input.channel === 'string' && isChannel(input.channel) ? input.channel : undefined;
  return dropUndefined({
    channel,
    touchpoint: clip(input.touchpoint, 100),
    customerExternalId: clip(input.customerExternalId, 200),
    orderId: clip(input.orderId, 200),
    inviteToken: clip(input.inviteToken, 200),
    metadata: Object.keys(metadata).length ? metadata : undefined,
  });
}

/** `over` wins field by field; metadata maps are merged key by key. */
export function mergeContext(base: RespondContext, over: RespondContext): RespondContext {
  const metadata = { ...base.metadata, ...over.metadata };
  return dropUndefined({ ...base, ...dropUndefined(over), metadata: Object.keys(metadata).length ? metadata : undefined });
}

export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
