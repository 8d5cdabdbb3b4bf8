/**
 * `touchpoint calc <formula> [options]`: the finance and CX formulas of packages/shared from the
 * command line, one line of JSON on standard output. Bad input is a one-line message on standard
 * error and exit code 2 (never a stack trace), so scripts can tell "wrong question" from "failed".
 */
import type { Command, CommanderError } from 'commander';
import { ces, csat, irr, mirr, npv, nps, payback, presentValue, roi, xirr, xnpv } from '@touchpoint/shared';

/** Options as commander hands them over: strings, parsed and checked here so every message is ours. */
export interface CalcOptions {
  rate?: string;
  flows?: string;
  dates?: string;
  financeRate?: string;
  reinvestRate?: string;
  gain?: string;
  cost?: string;
  scores?: string;
  discounted?: boolean;
}

type OptionKey = keyof CalcOptions;

/** What each formula reads; anything else given is refused rather than silently ignored. */
const FORMULAS: Record<string, { needs: OptionKey[]; optional?: OptionKey[]; summary: string }> = {
  npv: { needs: ['rate', 'flows'], summary: 'net present value, Excel convention (the first flow is discounted by one period)' },
  pv: { needs: ['rate', 'flows'], summary: 'present value with the first flow at t = 0, undiscounted (numpy-financial npv)' },
  irr: { needs: ['flows'], summary: 'internal rate of return per period; every root when flows change sign more than once' },
  mirr: { needs: ['flows', 'financeRate', 'reinvestRate'], summary: 'modified IRR (Excel MIRR)' },
  xnpv: { needs: ['rate', 'flows', 'dates'], summary: 'net present value of dated flows, days / 365 from the first date (Excel XNPV)' },
  xirr: { needs: ['flows', 'dates'], summary: 'annual IRR of dated flows (Excel XIRR); every root' },
  payback: { needs: ['flows'], optional: ['discounted', 'rate'], summary: 'periods until the cumulative flow turns ≥ 0 for good; --discounted with --rate' },
  roi: { needs: ['gain', 'cost'], summary: '(gain − cost) / cost, gain = total benefits' },
  nps: { needs: ['scores'], summary: 'Net Promoter Score from 0–10 answers' },
  csat: { needs: ['scores'], summary: 'CSAT: share of 4–5 answers on 1–5' },
  ces: { needs: ['scores'], summary: 'Customer Effort Score: mean of 1–7 answers and share of 5–7' },
};

export const CALC_FORMULAS = Object.keys(FORMULAS);

/** Input the user can fix; printed as one line, exit code 2. */
export class CalcInputError extends Error {}

const FLAG: Record<OptionKey, string> = {
  rate: '--rate', flows: '--flows', dates: '--dates', financeRate: '--finance-rate', reinvestRate: '--reinvest-rate',
  gain: '--gain', cost: '--cost', scores: '--scores', discounted: '--discounted',
};

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function num(text: string, what: string): number {
  const t = text.trim();
  if (!NUMBER.test(t)) throw new CalcInputError(`${what} must be a number (got ${JSON.stringify(text)})`);
  const n = Number(t);
  if (!Number.isFinite(n)) throw new CalcInputError(`${what} is out of range (got ${JSON.stringify(text)})`);
  return n;
}

/** A rate: a fraction (0.08) or a percentage (8%). */
function rate(text: string, flag: string): number {
  const t = text.trim();
  return t.endsWith('%') ? num(t.slice(0, -1), flag) / 100 : num(t, flag);
}

function list(text: string, flag: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.length === 0 || items.some((s) => s === '')) throw new CalcInputError(`${flag} must be a comma-separated list without empty items (got ${JSON.stringify(text)})`);
  return items;
}

const numbers = (text: string, flag: string) => list(text, flag).map((s, i) => num(s, `${flag} item ${i + 1}`));

function scores(text: string, min: number, max: number): number[] {
  return numbers(text, '--scores').map((s, i) => {
    if (!Number.isInteger(s) || s < min || s > max) throw new CalcInputError(`--scores item ${i + 1} must be a whole number from ${min} to ${max} (got ${s})`);
    return s;
  });
}

/** Evaluates one formula; throws CalcInputError (or the formula's RangeError) for bad input. */
export function runCalc(formula: string, opts: CalcOptions): Record<string, unknown> {
  const spec = FORMULAS[formula];
  if (!spec) throw new CalcInputError(`unknown formula ${JSON.stringify(formula)}: use one of ${CALC_FORMULAS.join(', ')}`);
  for (const key of spec.needs) if (opts[key] === undefined) throw new CalcInputError(`${formula} needs ${FLAG[key]}`);
  const allowed = new Set<OptionKey>([...spec.needs, ...(spec.optional ?? [])]);
  for (const key of Object.keys(opts) as OptionKey[]) {
    if (opts[key] !== undefined && !allowed.has(key)) throw new CalcInputError(`${formula} does not use ${FLAG[key] ?? key}`);
  }
  const flows = () => numbers(opts.flows!, '--flows');
  const dates = () => list(opts.dates!, '--dates');
  switch (formula) {
    case 'npv': {
      const r = rate(opts.rate!, '--rate');
      return { formula, convention: 'excel: the first flow is discounted by one period', rate: r, value: npv(r, flows()) };
    }
    case 'pv': {
      const r = rate(opts.rate!, '--rate');
      return { formula, convention: 'the first flow is at t = 0 and not discounted', rate: r, value: presentValue(r, flows()) };
    }
    case 'irr':
      return { formula, ...irr(flows()) };
    case 'mirr': {
      const financeRate = rate(opts.financeRate!, '--finance-rate'), reinvestRate = rate(opts.reinvestRate!, '--reinvest-rate');
      return { formula, financeRate, reinvestRate, value: mirr(flows(), financeRate, reinvestRate) };
    }
    case 'xnpv': {
      const r = rate(opts.rate!, '--rate');
      return { formula, convention: 'excel: days / 365 from the first date', rate: r, value: xnpv(r, flows(), dates()) };
    }
    case 'xirr':
      return { formula, ...xirr(flows(), dates()) };
    case 'payback': {
      if (opts.discounted && opts.rate === undefined) throw new CalcInputError('payback --discounted needs --rate');
      if (!opts.discounted && opts.rate !== undefined) throw new CalcInputError('payback uses --rate only with --discounted');
      const r = opts.discounted ? rate(opts.rate!, '--rate') : undefined;
      return { formula, discounted: Boolean(opts.discounted), ...(r === undefined ? {} : { rate: r }), value: payback(flows(), r === undefined ? {} : { rate: r }) };
    }
    case 'roi': {
      const gain = num(opts.gain!, '--gain'), cost = num(opts.cost!, '--cost');
      return { formula, gain, cost, value: roi(gain, cost) };
    }
    case 'nps':
      return { formula, ...nps(scores(opts.scores!, 0, 10)) };
    case 'csat':
      return { formula, ...csat(scores(opts.scores!, 1, 5)) };
    default:
      return { formula, ...ces(scores(opts.scores!, 1, 7)) };
  }
}

/** Adds `calc` to the program. Exit codes: 0 answered, 2 bad input (ours or commander's). */
export function registerCalc(program: Command): void {
  program.command('calc <formula>')
    .description(`Finance and CX formulas, one JSON line: ${CALC_FORMULAS.join(', ')}`)
    .option('--rate <rate>', 'discount rate per period, 0.08 or 8%')
    .option('--flows <list>', 'cash flows, comma-separated (negative numbers allowed: --flows=-5000,1500 or --flows -5000,1500)')
    .option('--dates <list>', 'YYYY-MM-DD dates, one per flow (xnpv, xirr)')
    .option('--finance-rate <rate>', 'MIRR: rate paid on the outlays')
    .option('--reinvest-rate <rate>', 'MIRR: rate earned on reinvested returns')
    .option('--gain <amount>', 'ROI: total benefits')
    .option('--cost <amount>', 'ROI: total costs')
    .option('--scores <list>', 'answers, comma-separated (nps 0–10, csat 1–5, ces 1–7)')
    .option('--discounted', 'payback on flows discounted at --rate')
    .addHelpText('after', `\nFormulas:\n${Object.entries(FORMULAS).map(([k, v]) => `  ${k.padEnd(8)}${v.summary}`).join('\n')}`)
    .exitOverride((err: CommanderError) => { process.exit(err.exitCode === 0 ? 0 : 2); })
    .action((formula: string, opts: CalcOptions) => {
      try {
        process.stdout.write(`${JSON.stringify(runCalc(formula, opts))}\n`);
      } catch (err) {
        if (!(err instanceof CalcInputError || err instanceof RangeError)) throw err;
        process.stderr.write(`touchpoint calc: ${err.message}\n`);
        process.exitCode = 2;
      }
    });
}
