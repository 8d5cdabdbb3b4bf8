/**
 * The SLA table's working copy: one row per priority, targets as a number and a unit, and the
 * PUT body (SlaPoliciesInput) checked with the server's schema at its paths (urgent.resolutionMinutes).
 */
import { CASE_PRIORITIES, SlaPoliciesInput, type CasePriority, type SlaPolicy } from '@touchpoint/shared';
import { durationDraft, toMinutes, type DurationDraft } from './durations';
import { issuesByPath } from './rule-draft';

export interface SlaRowDraft {
  firstResponse: DurationDraft;
  resolution: DurationDraft;
  warnAtPercent: string;
  raisePriority: boolean;
  reassign: boolean;
  notifyLead: boolean;
}
export type SlaDraft = Record<CasePriority, SlaRowDraft>;

/** Used only for a priority the server did not send (it always sends all four). */
const FALLBACK: Record<CasePriority, [number, number]> = { urgent: [60, 240], high: [240, 1440], normal: [480, 2880], low: [1440, 7200] };

export function slaDraft(policies: readonly SlaPolicy[]): SlaDraft {
  return Object.fromEntries(CASE_PRIORITIES.map((p) => {
    const found = policies.find((x) => x.priority === p);
    const [fr, res] = found ? [found.firstResponseMinutes, found.resolutionMinutes] : FALLBACK[p];
    const esc = found?.escalation ?? { raisePriority: true, reassign: false, notifyLead: true };
    return [p, {
      firstResponse: durationDraft(fr), resolution: durationDraft(res), warnAtPercent: String(found?.warnAtPercent ?? 80),
      raisePriority: esc.raisePriority, reassign: esc.reassign, notifyLead: esc.notifyLead,
    }];
  })) as SlaDraft;
}

export function slaBody(d: SlaDraft): Record<CasePriority, unknown> {
  return Object.fromEntries(CASE_PRIORITIES.map((p) => {
    const r = d[p];
    const warn = r.warnAtPercent.trim();
    return [p, {
      firstResponseMinutes: toMinutes(r.firstResponse), resolutionMinutes: toMinutes(r.resolution),
      warnAtPercent: /^\d+$/.test(warn) ? Number(warn) : Number.NaN,
      escalation: { raisePriority: r.raisePriority, reassign: r.reassign, notifyLead: r.notifyLead },
    }];
  })) as Record<CasePriority, unknown>;
}

export function checkSla(d: SlaDraft): { body: Record<CasePriority, unknown> | null; errors: Record<string, string> } {
  const body = slaBody(d);
  const parsed = SlaPoliciesInput.safeParse(body);
  if (!parsed.success) return { body: null, errors: issuesByPath(parsed.error.issues) };
  // A resolution due before the first answer would breach first; say so at the field.
  const errors: Record<string, string> = {};
  for (const p of CASE_PRIORITIES) {
    if (parsed.data[p].resolutionMinutes < parsed.data[p].firstResponseMinutes) errors[`${p}.resolutionMinutes`] = 'shorter than the first response';
  }
  return Object.keys(errors).length ? { body: null, errors } : { body, errors };
}
