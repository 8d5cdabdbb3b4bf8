// @vitest-environment node
/** SLA targets: minutes ↔ a number with a unit, and the policies body with its checks. */
import { describe, expect, it } from 'vitest';
import { CASE_PRIORITIES, type SlaPolicy } from '@touchpoint/shared';
import { durationDraft, toMinutes } from './durations';
import { checkSla, slaDraft } from './sla-draft';

describe('durations', () => {
  it('shows stored minutes in the largest unit that holds them exactly', () => {
    expect([1, 45, 60, 90, 120, 1440, 2160, 2880, 10080].map(durationDraft)).toEqual([
      { value: '1', unit: 'minutes' }, { value: '45', unit: 'minutes' }, { value: '1', unit: 'hours' }, { value: '90', unit: 'minutes' },
      { value: '2', unit: 'hours' }, { value: '1', unit: 'days' }, { value: '36', unit: 'hours' }, { value: '2', unit: 'days' }, { value: '7', unit: 'days' },
    ]);
  });

  it('turns a typed number and unit into whole minutes', () => {
    expect(toMinutes({ value: '4', unit: 'hours' })).toBe(240);
    expect(toMinutes({ value: '1.5', unit: 'hours' })).toBe(90);
    expect(toMinutes({ value: '0,5', unit: 'days' })).toBe(720);
    expect(toMinutes({ value: ' 30 ', unit: 'minutes' })).toBe(30);
    expect(toMinutes({ value: '0.01', unit: 'hours' })).toBe(1); // rounded to the minute
    for (const bad of ['', '-1', 'abc', '1e3', '2 h']) expect(toMinutes({ value: bad, unit: 'minutes' })).toBeNaN();
  });

  it('round-trips every whole number of minutes', () => {
    for (const m of [1, 59, 61, 600, 1439, 1441, 4320, 525_600]) expect(toMinutes(durationDraft(m))).toBe(m);
  });
});

describe('SLA policies form', () => {
  const policies: SlaPolicy[] = CASE_PRIORITIES.map((priority, i) => ({
    priority, firstResponseMinutes: 60 * (i + 1), resolutionMinutes: 1440 * (i + 1), warnAtPercent: 75, escalation: { raisePriority: i === 0, reassign: false, notifyLead: true },
  }));

  it('sends the policies back as they came when nothing changed', () => {
    const { body, errors } = checkSla(slaDraft(policies));
    expect(errors).toEqual({});
    expect(body).toEqual(Object.fromEntries(policies.map(({ priority, ...rest }) => [priority, rest])));
  });

  it('fills a priority the server did not send with sensible targets', () => {
    const d = slaDraft(policies.slice(0, 3));
    expect(d.low.firstResponse).toEqual({ value: '1', unit: 'days' });
    expect(d.low.warnAtPercent).toBe('80');
  });

  it('names bad targets at the server’s paths', () => {
    const d = slaDraft(policies);
    d.urgent.firstResponse = { value: 'soon', unit: 'hours' };
    d.high.warnAtPercent = '5';
    d.low.resolution = { value: '400', unit: 'days' };
    expect(Object.keys(checkSla(d).errors).sort()).toEqual(['high.warnAtPercent', 'low.resolutionMinutes', 'urgent.firstResponseMinutes']);
    const shorter = slaDraft(policies);
    shorter.normal.resolution = { value: '30', unit: 'minutes' };
    expect(checkSla(shorter)).toEqual({ body: null, errors: { 'normal.resolutionMinutes': 'shorter than the first response' } });
  });
});
