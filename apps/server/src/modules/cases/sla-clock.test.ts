import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from './business-hours.js';
import { planSla, type SlaInput, type SlaTargets } from './sla-clock.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const officeWeek = [[], [[540, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], []] as [number, number][][];
const ZONES = ['UTC', 'Asia/Taipei', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const SEED = { seed: 20261124, numRuns: 120 };

const arbCalendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.constantFrom(officeWeek, Array.from({ length: 7 }, () => [[0, 1440]] as [number, number][]), [[], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720]], []] as [number, number][][]),
  holidays: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 15 }).map((ds) => new Set(ds.map((d) => new Date(at('2025-01-01T00:00:00Z') + d * 24 * H).toISOString().slice(0, 10)))),
});
const arbTargets: fc.Arbitrary<SlaTargets> = fc.record({ firstResponseMinutes: fc.integer({ min: 1, max: 5 * 24 * 60 }), resolutionMinutes: fc.integer({ min: 1, max: 10 * 24 * 60 }), warnAtPercent: fc.integer({ min: 10, max: 99 }) });
// Instants across 2025–2026 and several daylight-saving changes in the zones above.
const arbInstant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });
const fresh = (createdAt: number): SlaInput => ({ createdAt, pausedMs: 0, waitingSince: null, firstRespondedAt: null, resolvedAt: null, firstState: 'pending', resolutionState: 'pending' });

describe('SLA clocks', () => {
  it('fall due after exactly the target in working time, and warn at its share', () => {
    fc.assert(fc.property(arbCalendar, arbTargets, arbInstant, (cal, t, created) => {
      const p = planSla(cal, t, fresh(created), created);
      expect(businessMsBetween(cal, created, p.firstResponseDueAt!)).toBe(t.firstResponseMinutes * 60_000);
      expect(businessMsBetween(cal, created, p.resolutionDueAt!)).toBe(t.resolutionMinutes * 60_000);
      expect(businessMsBetween(cal, created, p.firstResponseWarnAt!)).toBe(Math.floor((t.firstResponseMinutes * 60_000 * t.warnAtPercent) / 100));
      expect(p.firstResponseWarnAt!).toBeLessThanOrEqual(p.firstResponseDueAt!);
    }), SEED);
  });

  it('go pending → warning → breached as time passes, and say when to look next', () => {
    fc.assert(fc.property(arbCalendar, arbTargets, arbInstant, fc.integer({ min: 0, max: 40 * 24 * H }), (cal, t, created, later) => {
      const now = created + later;
      const p = planSla(cal, t, fresh(created), now);
      const expected = now >= p.firstResponseDueAt! ? 'breached' : now >= p.firstResponseWarnAt! ? 'warning' : 'pending';
      expect(p.firstState).toBe(expected);
      // The next instant is the earliest change still to come, never in the past of a pending clock.
      if (p.nextAt !== null) expect([p.firstResponseWarnAt, p.firstResponseDueAt, p.resolutionWarnAt, p.resolutionDueAt]).toContain(p.nextAt);
      if (p.firstState === 'pending') expect(p.nextAt).toBeLessThanOrEqual(p.firstResponseWarnAt!);
    }), SEED);
  });

  it('stand still while waiting on the customer: a pause moves the due time by exactly its working time', () => {
    fc.assert(fc.property(arbCalendar, arbTargets, arbInstant, fc.integer({ min: 1, max: 10 * 24 * H }), fc.integer({ min: 1, max: 10 * 24 * H }), (cal, t, created, toPause, pauseFor) => {
      const waitingSince = created + toPause;
      const resumed = waitingSince + pauseFor;
      const paused = businessMsBetween(cal, waitingSince, resumed);
      const before = planSla(cal, t, fresh(created), waitingSince);
      const during = planSla(cal, t, { ...fresh(created), waitingSince, firstState: before.firstState, resolutionState: before.resolutionState }, resumed);
      const after = planSla(cal, t, { ...fresh(created), pausedMs: paused, firstState: before.firstState, resolutionState: before.resolutionState }, resumed);
      // While waiting nothing is scheduled and no state moves.
      expect(during.nextAt).toBeNull();
      expect(during.resolutionState).toBe(before.resolutionState);
      // Shown while waiting as if the customer answered now: the same as after resuming.
      expect(during.resolutionDueAt).toBe(after.resolutionDueAt);
      expect(after.resolutionDueAt).toBe(addBusinessMs(cal, created, t.resolutionMinutes * 60_000 + paused));
      expect(businessMsBetween(cal, before.resolutionDueAt!, after.resolutionDueAt!)).toBe(paused);
    }), SEED);
  });

  it('is met when answered before it falls due and breached after, and a breach stays recorded', () => {
    fc.assert(fc.property(arbCalendar, arbTargets, arbInstant, fc.integer({ min: 0, max: 20 * 24 * H }), (cal, t, created, answerAfter) => {
      const answered = created + answerAfter;
      const due = planSla(cal, t, fresh(created), created).firstResponseDueAt!;
      const p = planSla(cal, t, { ...fresh(created), firstRespondedAt: answered }, answered + H);
      expect(p.firstState).toBe(answered > due ? 'breached' : 'met');
      const recorded = planSla(cal, t, { ...fresh(created), firstState: 'breached', firstRespondedAt: answered }, answered + H);
      expect(recorded.firstState).toBe('breached');
    }), SEED);
  });

  it('counts a Taipei office week across a weekend (worked example)', () => {
    const cal: BusinessCalendar = { timeZone: 'Asia/Taipei', week: officeWeek, holidays: new Set(['2026-12-25']) };
    // Opened Thu 24 Dec 17:30 Taipei; 4 h first response: 0.5 h Thu, Fri a holiday, 3.5 h Mon → 12:30.
    const p = planSla(cal, { firstResponseMinutes: 240, resolutionMinutes: 480, warnAtPercent: 75 }, fresh(at('2026-12-24T09:30:00Z')), at('2026-12-24T09:30:00Z'));
    expect(new Date(p.firstResponseDueAt!).toISOString()).toBe('2026-12-28T04:30:00.000Z');
    expect(new Date(p.firstResponseWarnAt!).toISOString()).toBe('2026-12-28T03:30:00.000Z');
  });
});
