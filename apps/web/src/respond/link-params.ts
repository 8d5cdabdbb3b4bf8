import { addMetadata, clip, dropUndefined, isChannel, type RespondContext } from './context';

/** Query parameters with a meaning of their own; every other one becomes metadata. */
export const RESERVED_PARAMS = ['lang', 'channel', 'touchpoint', 'customer_id', 'order_id', 't'] as const;

export interface LinkParams {
  /** The ?lang= wish, to try before the browser's languages. */
  lang?: string;
  context: RespondContext;
}

/**
 * Reads a survey link such as /s/abc?lang=zh-Hant&customer_id=42&utm_source=sms.
 * `t` is an invite token: such links come from invitation e-mails, hence the default channel.
 */
export function parseLinkParams(url: string | URL): LinkParams {
  const params = new URL(String(url), 'http://localhost').searchParams;
  const reserved: readonly string[] = RESERVED_PARAMS;
  const metadata: Record<string, string> = {};
  for (const [key, value] of params) if (!reserved.includes(key) && value !== '') addMetadata(metadata, key, value);
  const inviteToken = clip(params.get('t'), 200);
  const channel = params.get('channel');
  return dropUndefined({
    lang: clip(params.get('lang'), 35),
    context: dropUndefined({
      channel: isChannel(channel) ? channel : inviteToken ? 'email' : 'link',
      touchpoint: clip(params.get('touchpoint'), 100),
      customerExternalId: clip(params.get('customer_id'), 200),
      orderId: clip(params.get('order_id'), 200),
      inviteToken,
      metadata: Object.keys(metadata).length ? metadata : undefined,
    }),
  }) as LinkParams;
}
