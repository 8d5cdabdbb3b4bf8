/**
 * SLA targets are stored in minutes; people think in minutes, hours or days. A stored value is
 * shown in the largest unit that holds it exactly (90 → 90 min, 120 → 2 h, 2880 → 2 d), and a typed
 * value with its unit becomes whole minutes again. A "day" is 24 hours of the team's business
 * time, as the SLA clock counts it. Pure.
 */
export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface DurationDraft { value: string; unit: DurationUnit }

export function durationDraft(minutes: number): DurationDraft {
  for (const unit of ['days', 'hours'] as const) {
    if (minutes > 0 && minutes % UNIT_MINUTES[unit] === 0) return { value: String(minutes / UNIT_MINUTES[unit]), unit };
  }
  return { value: String(minutes), unit: 'minutes' };
}

/**
 * Whole minutes, or NaN when the text is not a number. Decimals are allowed ("1.5" hours = 90 min);
 * the result is rounded to the minute, since the contract stores whole minutes.
 */
export function toMinutes(d: DurationDraft): number {
  const t = d.value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * UNIT_MINUTES[d.unit]);
}

