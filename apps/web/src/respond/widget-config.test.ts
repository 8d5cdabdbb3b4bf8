// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contextFromEventDetail, eligibilityUrl, markPrompted, parseTrigger, QUIET_DAYS, readWidgetConfig, recentlyPrompted, surveyUrl } from './widget-config';
import { memoryStore } from './storage';

const attrs = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }));

describe('parseTrigger', () => {
  it('understands load, delay, event and manual', () => {
    expect(parseTrigger(undefined)).toEqual({ kind: 'load' });
    expect(parseTrigger('load')).toEqual({ kind: 'load' });
    expect(parseTrigger('delay:5')).toEqual({ kind: 'delay', seconds: 5 });
    expect(parseTrigger('delay:2.5')).toEqual({ kind: 'delay', seconds: 2.5 });
    expect(parseTrigger('event:order-completed')).toEqual({ kind: 'event', name: 'order-completed' });
    expect(parseTrigger('event:shop:checkout')).toEqual({ kind: 'event', name: 'shop:checkout' });
    expect(parseTrigger('manual')).toEqual({ kind: 'manual' });
  });

  it('falls back to load for nonsense', () => {
    expect(parseTrigger('delay:soon')).toEqual({ kind: 'load' });
    expect(parseTrigger('event:')).toEqual({ kind: 'load' });
    expect(parseTrigger('whenever')).toEqual({ kind: 'load' });
  });
});

describe('readWidgetConfig', () => {
  it('reads the script tag', () => {
    const config = readWidgetConfig('https://cx.example.com/public/widget.js?v=3', attrs({
      src: 'https://cx.example.com/public/widget.js?v=3', 'data-survey': 'abc', 'data-trigger': 'delay:5',
      'data-customer-id': 'C-42', 'data-lang': 'zh-Hant', 'data-meta-plan': 'pro', 'data-meta-utm_source': 'app', async: '',
    }));
    expect(config).toEqual({
      surveyId: 'abc', origin: 'https://cx.example.com', trigger: { kind: 'delay', seconds: 5 }, lang: 'zh-Hant',
      context: { channel: 'widget', customerExternalId: 'C-42', metadata: { plan: 'pro', utm_source: 'app' } },
    });
  });

  it('needs a survey id and an absolute src', () => {
    expect(readWidgetConfig('https://cx.example.com/w.js', attrs({}))).toBeNull();
    expect(readWidgetConfig('', attrs({ 'data-survey': 'abc' }))).toBeNull();
  });
});

describe('event detail', () => {
  it('brings customer, order and metadata, ignoring junk', () => {
    expect(contextFromEventDetail({ customerId: 'C-1', orderId: 'O-1', metadata: { total: '99', bad: 5 }, other: true }))
      .toEqual({ customerExternalId: 'C-1', orderId: 'O-1', metadata: { total: '99' } });
    expect(contextFromEventDetail(null)).toEqual({});
    expect(contextFromEventDetail('x')).toEqual({});
  });
});

describe('URLs', () => {
  it('encodes ids and the customer', () => {
    expect(surveyUrl('https://h', 'abc', 'zh-Hant')).toBe('https://h/api/public/surveys/abc?lang=zh-Hant');
    expect(surveyUrl('https://h', 'abc')).toBe('https://h/api/public/surveys/abc');
    expect(eligibilityUrl('https://h', 'abc', 'a&b=c')).toBe('https://h/api/public/surveys/abc/eligibility?customerExternalId=a%26b%3Dc');
  });
});

describe('quiet period', () => {
  it(`leaves a browser alone for ${QUIET_DAYS} days after a prompt`, () => {
    const store = memoryStore();
    const day = 86_400_000;
    const t0 = Date.UTC(2025, 0, 1);
    expect(recentlyPrompted(store, 'abc', t0)).toBe(false);
    markPrompted(store, 'abc', t0);
    expect(recentlyPrompted(store, 'abc', t0 + 29 * day)).toBe(true);
    expect(recentlyPrompted(store, 'other', t0)).toBe(false);
    expect(recentlyPrompted(store, 'abc', t0 + 30 * day)).toBe(false);
    store.setItem('tp:prompted:abc', 'garbage');
    expect(recentlyPrompted(store, 'abc', t0)).toBe(false);
  });
});
