// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseLinkParams } from './link-params';
import { cleanContext, mergeContext } from './context';

describe('parseLinkParams', () => {
  it('reads reserved parameters and turns the rest into metadata', () => {
    const url = 'https://cx.example.com/s/abc?lang=zh-Hant&channel=sms&touchpoint=checkout&customer_id=C-42&order_id=O-9&utm_source=line&plan=pro';
    expect(parseLinkParams(url)).toEqual({
      lang: 'zh-Hant',
      context: {
        channel: 'sms', touchpoint: 'checkout', customerExternalId: 'C-42', orderId: 'O-9',
        metadata: { utm_source: 'line', plan: 'pro' },
      },
    });
  });

  it("defaults the channel to 'link', or 'email' with an invite token", () => {
    expect(parseLinkParams('/s/abc').context).toEqual({ channel: 'link' });
    expect(parseLinkParams('/s/abc?t=tok_123').context).toEqual({ channel: 'email', inviteToken: 'tok_123' });
    expect(parseLinkParams('/s/abc?t=tok&channel=sms').context.channel).toBe('sms');
    expect(parseLinkParams('/s/abc?channel=carrier-pigeon').context.channel).toBe('link');
  });

  it('keeps metadata within what the server accepts', () => {
    const many = Array.from({ length: 60 }, (_, i) => `k${i}=v`).join('&');
    const { context } = parseLinkParams(`/s/abc?${many}&bad%20key=1&empty=&long=${'x'.repeat(600)}`);
    const meta = context.metadata!;
    expect(Object.keys(meta)).toHaveLength(50);
    expect(meta).not.toHaveProperty('bad key');
    expect(meta).not.toHaveProperty('empty');
    const { context: c2 } = parseLinkParams(`/s/abc?long=${'x'.repeat(600)}`);
    expect(c2.metadata!.long).toHaveLength(500);
  });

  it('decodes, trims and drops blank values', () => {
    const { context, lang } = parseLinkParams('/s/abc?customer_id=%20%E7%8E%8B%20&order_id=&lang=');
    expect(context.customerExternalId).toBe('王');
    expect(context).not.toHaveProperty('orderId');
    expect(lang).toBeUndefined();
  });

  it('keeps markup in metadata as plain data', () => {
    const { context } = parseLinkParams('/s/abc?note=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(context.metadata!.note).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('context helpers', () => {
  it('cleans untrusted context and merges with the right side winning', () => {
    const server = cleanContext({ channel: 'email', customerExternalId: 'C-1', metadata: { campaign: 'spring', 'bad key': 'x' }, junk: 1 });
    expect(server).toEqual({ channel: 'email', customerExternalId: 'C-1', metadata: { campaign: 'spring' } });
    const link = { channel: 'link' as const, customerExternalId: 'spoofed', metadata: { plan: 'pro', campaign: 'x' } };
    expect(mergeContext(link, server)).toEqual({
      channel: 'email', customerExternalId: 'C-1', metadata: { plan: 'pro', campaign: 'spring' },
    });
  });
});
