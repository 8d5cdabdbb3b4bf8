/** The pure alert decisions, mostly as properties over random inputs (fast-check). */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALERT_METRICS, type AlertEvent } from '@touchpoint/shared';
import {
  addDays, anomalyPeriods, closedWindowReported, coolDownOver, isAnomalous, judgesLowCount, MAX_ATTEMPTS, metricValue, mondayOf, normalRange, retryDelay,
  ruleDue, ruleMatches, SD_FLOOR, thresholdCrossed, thresholdWindow, volumeDropped,
} from './evaluation.js';
import { alertEmail, signWebhook, webhookPayload } from './alert-message.js';

const metric = fc.constantFrom(...ALERT_METRICS);
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const day = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-12-31') }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('threshold', () => {
  it('is symmetric: below t for v is above −t for −v', () => {
    fc.assert(fc.property(finite, finite, (v, t) => thresholdCrossed('below', v, t) === thresholdCrossed('above', -v, -t)));
  });
  it('never fires on the line, and exactly one side fires off it', () => {
    fc.assert(fc.property(finite, finite, (v, t) => {
      if (v === t) return !thresholdCrossed('below', v, t) && !thresholdCrossed('above', v, t);
      return thresholdCrossed('below', v, t) !== thresholdCrossed('above', v, t);
    }));
  });
  it('reads a rolling window of N local days ending today, or N whole days ending yesterday', () => {
    expect(thresholdWindow('2026-03-01', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(thresholdWindow('2026-03-01', 7)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(thresholdWindow('2026-03-01', 1, true)).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 90 }), (d, n) => {
      const w = thresholdWindow(d, n, true);
      expect(w.to).toBe(addDays(d, -1));
      expect(Math.round((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000) + 1).toBe(n);
    }));
  });
});

describe('anomaly', () => {
  it('never fires on a constant series', () => {
    fc.assert(fc.property(metric, finite, fc.integer({ min: 3, max: 52 }), fc.double({ min: 0.5, max: 10, noNaN: true }), (m, c, n, k) => {
      const range = normalRange(Array(n).fill(c), k, SD_FLOOR[m])!;
      return !isAnomalous(m, c, range);
    }));
  });
  it('fires exactly outside mean ± k·sd (the response count only upwards)', () => {
    fc.assert(fc.property(metric, fc.array(finite, { minLength: 3, maxLength: 52 }), finite, fc.double({ min: 0.5, max: 10, noNaN: true }), (m, values, x, k) => {
      const r = normalRange(values, k, SD_FLOOR[m])!;
      const outside = m === 'responses' ? x > r.high : x < r.low || x > r.high;
      return isAnomalous(m, x, r) === outside;
    }));
  });
  it('calls a closed period\'s count a drop exactly below the range', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 52 }), fc.integer({ min: 0, max: 10_000 }), (values, x) => {
      const r = normalRange(values, 2, SD_FLOOR.responses)!;
      expect(volumeDropped(x, r)).toBe(x < r.low);
    }));
    // A new workspace's history of empty days: nothing can drop below it.
    expect(volumeDropped(0, normalRange([0, 0, 0, 0], 2, SD_FLOOR.responses)!)).toBe(false);
  });
  it('is unmoved by shifting history and value together', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 20 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -50, max: 50 }), (values, x, shift) =>
      isAnomalous('nps', x, normalRange(values, 2, 1)!) === isAnomalous('nps', x + shift, normalRange(values.map((v) => v + shift), 2, 1)!)));
  });
  it('needs three past periods, and floors the spread of a flat history', () => {
    expect(normalRange([10, 20], 2, 1)).toBeNull();
    expect(normalRange([30, 30, 30], 2, 1)).toEqual({ mean: 30, sd: 1, low: 28, high: 32 });
    expect(normalRange([10, 20, 30], 2, 1)).toEqual({ mean: 20, sd: 10, low: 0, high: 40 });
  });
  it('labels weeks by their Monday and lists the previous periods oldest first', () => {
    fc.assert(fc.property(day, (d) => {
      const m = mondayOf(d);
      return new Date(`${m}T00:00:00Z`).getUTCDay() === 1 && m <= d && Date.parse(d) - Date.parse(m) < 7 * 86_400_000;
    }));
    expect(anomalyPeriods('2026-11-26', { interval: 'week', periods: 3 })).toEqual({ current: '2026-11-23', baseline: ['2026-11-02', '2026-11-09', '2026-11-16'], from: '2026-11-02', to: '2026-11-26' });
    expect(anomalyPeriods('2026-03-01', { interval: 'day', periods: 3 })).toEqual({ current: '2026-03-01', baseline: ['2026-02-26', '2026-02-27', '2026-02-28'], from: '2026-02-26', to: '2026-03-01' });
  });
});

describe('rules, cool-down and retries', () => {
  it('reads each metric and its n', () => {
    const s = { responses: 12, nps: { n: 10, nps: -20 }, csat: { n: 8, csat: 75 }, ces: { n: 6, mean: 5.5 }, sentiment: { n: 15, mean: 0.3 } };
    expect(ALERT_METRICS.map((m) => metricValue(m, s))).toEqual([{ value: -20, n: 10 }, { value: 75, n: 8 }, { value: 5.5, n: 6 }, { value: 0.3, n: 15 }, { value: 12, n: 12 }]);
  });
  it('re-reads only rules the arrivals could have moved', () => {
    const touched = { surveys: new Set(['s1']), channels: new Set(['email']), anyChannel: false };
    expect(ruleMatches({}, touched)).toBe(true);
    expect(ruleMatches({ surveyId: 's2' }, touched)).toBe(false);
    expect(ruleMatches({ surveyId: 's1', channel: 'sms' }, touched)).toBe(false);
    expect(ruleMatches({ surveyId: 's1', channel: 'sms' }, { ...touched, anyChannel: true })).toBe(true);
  });
  it('lets the clock re-read only the rules that fire on a low response count', () => {
    const clock = { surveys: new Set<string>(), channels: new Set<string>(), anyChannel: false, clock: true };
    const rule = (metric: string, kind: string, operator?: string) => ({ metric, kind, config: { operator }, filters: {} }) as never;
    expect(judgesLowCount(rule('responses', 'threshold', 'below'))).toBe(true);
    expect(judgesLowCount(rule('responses', 'anomaly'))).toBe(true);
    expect(judgesLowCount(rule('responses', 'threshold', 'above'))).toBe(false);
    expect(judgesLowCount(rule('nps', 'threshold', 'below'))).toBe(false);
    expect(ruleDue(rule('responses', 'threshold', 'below'), clock)).toBe(true);
    expect(ruleDue(rule('nps', 'anomaly'), clock)).toBe(false);
    expect(ruleDue(rule('nps', 'anomaly'), { ...clock, surveys: new Set(['s1']) })).toBe(true); // arrivals in the same window
    // Sentiment lands after the arrivals' evaluation (analysis runs in the background): the clock re-reads it.
    expect(ruleDue(rule('sentiment', 'threshold', 'below'), clock)).toBe(true);
    expect(ruleDue(rule('sentiment', 'anomaly'), clock)).toBe(true);
  });
  it('reads sentiment as the mean score with n = texts, and floors its spread at 0.01', () => {
    const s = { responses: 9, nps: { n: 9, nps: 10 }, csat: { n: 0, csat: null }, ces: { n: 0, mean: null }, sentiment: { n: 12, mean: -0.25 } };
    expect(metricValue('sentiment', s)).toEqual({ value: -0.25, n: 12 });
    const flat = normalRange([0.1, 0.1, 0.1], 2, SD_FLOOR.sentiment)!;
    expect(flat.sd).toBe(0.01);
    expect(flat.low).toBeCloseTo(0.08, 12);
    expect(isAnomalous('sentiment', 0.05, flat)).toBe(true); // a drop matters (unlike a count's running total)
    expect(isAnomalous('sentiment', 0.09, flat)).toBe(false);
  });
  it('alerts once per closed window: a firing after the window ended reported it', () => {
    expect(closedWindowReported(null, '2026-03-01')).toBe(false);
    expect(closedWindowReported('2026-03-01', '2026-03-01')).toBe(false); // fired while the window still ran
    expect(closedWindowReported('2026-03-02', '2026-03-01')).toBe(true);
    expect(closedWindowReported('2026-03-05', '2026-03-01')).toBe(true); // a week's window, later that week
  });
  it('holds a rule quiet for exactly its cool-down', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 43_200 }), fc.integer({ min: 0, max: 2e9 }), (minutes, since) => {
      const fired = Date.parse('2026-01-01T00:00:00Z');
      return coolDownOver(new Date(fired).toISOString(), minutes, fired + since) === since >= minutes * 60_000;
    }));
    expect(coolDownOver(null, 60, 0)).toBe(true);
  });
  it('backs off with growing waits and stops after the last attempt', () => {
    const waits = Array.from({ length: MAX_ATTEMPTS + 1 }, (_, i) => retryDelay(i + 1));
    expect(waits.slice(0, MAX_ATTEMPTS - 1).every((w, i, a) => w !== null && (i === 0 || w > a[i - 1]!))).toBe(true);
    expect(waits.slice(MAX_ATTEMPTS - 1)).toEqual([null, null]);
  });
});

describe('messages', () => {
  const event: AlertEvent = {
    id: 'a1', ruleId: 'r1', rule: { name: 'Checkout <b>NPS</b>', metric: 'nps', kind: 'threshold', filters: { surveyId: 's1', channel: 'email' } }, test: false,
    firedAt: '2026-11-23T10:00:00.000Z', value: -12.5, n: 42, window: { from: '2026-11-17', to: '2026-11-23', interval: 'total' },
    expected: { kind: 'threshold', operator: 'below', value: 0 }, email: { status: 'pending', attempts: 0 }, webhook: { status: 'none', attempts: 0 },
    lastError: null, acknowledgedAt: null, acknowledgedBy: null,
  };
  const ctx = { event, workspace: { id: 'w1', name: 'Lotus 蓮花', language: 'en' as const }, surveyName: 'Checkout', dashboardUrl: 'http://tp.test/w/w1/dashboards' };

  it('says the number, its n, window and rule in English and Chinese, and escapes HTML', () => {
    const mail = alertEmail(ctx);
    expect(mail.subject).toBe('Touchpoint alert: Checkout <b>NPS</b> — NPS −12.5 (n = 42)');
    expect(mail.text).toContain('NPS is −12.5 (n = 42) for 2026-11-17 – 2026-11-23 (the last 7 days), below the threshold of 0.');
    expect(mail.text).toContain('NPS 為 −12.5（n = 42），期間 2026-11-17 – 2026-11-23（最近 7 天），低於門檻 0。');
    expect(mail.text).toContain('Segment: survey "Checkout" · channel email');
    expect(mail.text).toContain('http://tp.test/w/w1/dashboards');
    expect(mail.html).toContain('Checkout &#60;b&#62;NPS&#60;/b&#62;');
    expect(mail.html).not.toContain('<b>NPS</b>');
    const zh = alertEmail({ ...ctx, workspace: { ...ctx.workspace, language: 'zh-Hans' } });
    expect(zh.subject).toBe('Touchpoint 警报：Checkout <b>NPS</b> — NPS −12.5（n = 42）');
    expect(zh.text.indexOf('低于阈值')).toBeLessThan(zh.text.indexOf('below the threshold'));
  });

  it('says when a window holds whole days only (a low response count)', () => {
    const quiet: AlertEvent = { ...event, rule: { ...event.rule, metric: 'responses' }, value: 0, n: 0, window: { from: '2026-11-22', to: '2026-11-22', interval: 'total', complete: true }, expected: { kind: 'threshold', operator: 'below', value: 10 } };
    const mail = alertEmail({ ...ctx, event: quiet });
    expect(mail.text).toContain('Responses is 0 (n = 0) for 2026-11-22 (a whole day), below the threshold of 10.');
    expect(mail.text).toContain('回覆數 為 0（n = 0），期間 2026-11-22（全日），低於門檻 10。');
    expect(alertEmail({ ...ctx, event: { ...quiet, window: { from: '2026-11-16', to: '2026-11-22', interval: 'total', complete: true } } }).text).toContain('(7 whole days)');
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256', () => {
    const body = JSON.stringify(webhookPayload(ctx));
    const expected = crypto.createHmac('sha256', 'a-shared-secret-value').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('a-shared-secret-value', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(JSON.parse(body)).toMatchObject({ event: 'alert.fired', id: 'a1', value: -12.5, n: 42, rule: { id: 'r1', metric: 'nps' }, workspace: { id: 'w1' } });
  });
});
