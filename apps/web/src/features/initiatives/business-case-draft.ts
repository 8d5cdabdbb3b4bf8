/**
 * The business-case editor's working copy: the contract's input with numbers that may be NaN
 * while typed. Validated with the same schema the server uses, so the editor shows errors at the
 * paths the API would (`costs[0].to`), and analysed in the browser as the user types.
 */
import { BusinessCaseInput, analyzeBusinessCase, type BenefitLine, type BusinessCaseAnalysis, type CostLine } from '@touchpoint/shared';

export type Draft = BusinessCaseInput;

/** 'costs[0].to' from ['costs', 0, 'to'], as the server's `body.costs[0].to` without `body.`. */
export function pathKey(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

export function validateDraft(draft: Draft): { input: BusinessCaseInput | null; errors: Record<string, string> } {
  const parsed = BusinessCaseInput.safeParse(draft);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const k = pathKey(issue.path);
    errors[k] = errors[k] ? `${errors[k]} · ${issue.message}` : issue.message;
  }
  return { input: null, errors };
}

export function analyze(input: BusinessCaseInput | null): BusinessCaseAnalysis | null {
  if (!input) return null;
  try { return analyzeBusinessCase(input); } catch { return null; }
}

let seq = 0;
export const lineId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export const newCost = (label: string): CostLine => ({ id: lineId('c'), label, amount: 0, from: 0, to: 0, growth: 0, category: 'technology' });
export const newBenefit = (label: string, to: number): BenefitLine => ({ id: lineId('b'), label, amount: 0, from: 1, to, growth: 0, category: 'revenue', driver: null });

/** A starting case: one outlay now, one yearly benefit over three years, 8 % a year. */
export function emptyCase(today: string, labels: { cost: string; benefit: string }, currency = 'USD'): Draft {
  return {
    currency, periodUnit: 'year', periods: 3, startDate: today, discountRate: 0.08, financeRate: null, reinvestRate: null,
    costs: [{ ...newCost(labels.cost), amount: 100_000 }],
    benefits: [{ ...newBenefit(labels.benefit, 3), amount: 50_000 }],
    sensitivityPct: 20,
    scenarios: { pessimistic: { costPct: 20, benefitPct: -30 }, optimistic: { costPct: -10, benefitPct: 20 } },
  };
}
