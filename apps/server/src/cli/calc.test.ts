import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/processes.js';
import { CalcInputError, registerCalc, runCalc } from './calc.js';

/** Runs `calc …` through commander in this process; returns what it printed and the exit code. */
async function calc(...args: string[]) {
  const program = new Command('touchpoint');
  registerCalc(program);
  let stdout = '', stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => { throw new Error(`exit ${code}`); }) as never);
  let code = 0;
  try {
    await program.parseAsync(['calc', ...args], { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    const m = /^exit (\d+)$/.exec((e as Error).message);
    if (!m) throw e;
    code = Number(m[1]);
  } finally {
    out.mockRestore(); err.mockRestore(); exit.mockRestore();
    process.exitCode = undefined;
  }
  return { code, stdout, stderr, json: stdout.trim() ? JSON.parse(stdout) : undefined };
}

afterEach(() => { process.exitCode = undefined; });

describe('touchpoint calc (in process)', () => {
  it('prints one JSON line with the convention for npv and pv', async () => {
    const r = await calc('npv', '--rate', '0.1', '--flows', '-10000,3000,4200,6800');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.json).toMatchObject({ formula: 'npv', convention: 'excel: the first flow is discounted by one period', rate: 0.1 });
    expect(r.json.value).toBeCloseTo(1_188.44, 2);
    expect(runCalc('pv', { rate: '8%', flows: '-40000,5000,8000,12000,30000' })).toMatchObject({ formula: 'pv', rate: 0.08 });
    expect((runCalc('pv', { rate: '0.08', flows: '-40000,5000,8000,12000,30000' }).value as number)).toBeCloseTo(3_065.22267, 5);
  });

  it('accepts negative numbers in lists with and without =', async () => {
    const spaced = await calc('irr', '--flows', '-100,230,-132');
    const joined = await calc('irr', '--flows=-100,230,-132');
    expect(spaced).toMatchObject({ code: 0 });
    expect(joined.json).toEqual(spaced.json);
    expect(spaced.json.value).toBeNull();
    expect(spaced.json.signChanges).toBe(2);
    expect(spaced.json.roots.map((x: number) => Number(x.toFixed(10)))).toEqual([0.1, 0.2]);
    expect((await calc('npv', '--rate', '-0.5', '--flows', '-1,2')).json.rate).toBe(-0.5);
  });

  it('answers every formula', () => {
    const flows = '-10000,2750,4250,3250,2750';
    const dates = '2008-01-01,2008-03-01,2008-10-30,2009-02-15,2009-04-01';
    expect(runCalc('xnpv', { rate: '0.09', flows, dates }).value as number).toBeCloseTo(2_086.65, 2);
    expect(runCalc('xirr', { flows, dates })).toMatchObject({ formula: 'xirr', signChanges: 1, roots: [expect.closeTo(0.373362535, 8)] });
    expect(runCalc('irr', { flows: '-70000,12000,15000,18000,21000,26000' }).value as number).toBeCloseTo(0.0866, 4);
    expect(runCalc('mirr', { flows: '-120000,39000,30000,21000,37000,46000', financeRate: '0.1', reinvestRate: '12%' }).value as number).toBeCloseTo(0.1261, 4);
    expect(runCalc('payback', { flows: '-100,30,40,50' })).toEqual({ formula: 'payback', discounted: false, value: 2.6 });
    expect(runCalc('payback', { flows: '-100,60,60', discounted: true, rate: '0.1' })).toMatchObject({ discounted: true, rate: 0.1, value: expect.closeTo(1 + (100 - 60 / 1.1) / (60 / 1.21), 12) });
    expect(runCalc('roi', { gain: '50.3', cost: '2.8' }).value as number).toBeCloseTo(16.9643, 4);
    expect(runCalc('roi', { gain: '1', cost: '0' }).value).toBeNull();
    expect(runCalc('nps', { scores: '10,9,3' })).toMatchObject({ formula: 'nps', n: 3, promoters: 2, detractors: 1, nps: expect.closeTo(33.33, 2) });
    expect(runCalc('csat', { scores: '5,4,1,2' })).toMatchObject({ formula: 'csat', n: 4, csat: 50 });
    expect(runCalc('ces', { scores: '7,5,3' })).toMatchObject({ formula: 'ces', n: 3, mean: 5 });
  });

  it('refuses bad input with one clear line on stderr and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['npv', '--flows', '1,2'], /npv needs --rate/],
      [['npv', '--rate', 'abc', '--flows', '1'], /--rate must be a number/],
      [['npv', '--rate', '0.1', '--flows', '1,,2'], /without empty items/],
      [['npv', '--rate', '0.1', '--flows', '1,2x'], /--flows item 2 must be a number/],
      [['npv', '--rate', '-1', '--flows', '1'], /greater than −1/],
      [['xnpv', '--rate', '0.1', '--flows', '1,2', '--dates', '2020-01-01'], /same length/],
      [['xirr', '--flows', '-1,2', '--dates', '2020-01-01,2020-02-30'], /not a calendar date/],
      [['irr', '--flows', '1,2', '--rate', '0.1'], /irr does not use --rate/],
      [['payback', '--flows', '-1,2', '--discounted'], /--discounted needs --rate/],
      [['nps', '--scores', '3,11'], /from 0 to 10/],
      [['csat', '--scores', '0'], /from 1 to 5/],
      [['sharpe', '--flows', '1'], /unknown formula "sharpe"/],
      [['npv', '--bogus', '1'], /unknown option/],
      [['npv', '--rate'], /argument missing/],
      [[], /missing required argument/],
    ];
    for (const [args, message] of cases) {
      const r = await calc(...args);
      expect(r, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(() => runCalc('roi', { gain: '1e999', cost: '1' })).toThrow(CalcInputError);
  });
});

describe('touchpoint calc (the real command)', () => {
  it('runs as a child process and prints JSON', async () => {
    const ok = await runCli(['calc', 'npv', '--rate', '0.08', '--flows=-5000,1500,2500,3000'], process.env);
    expect(ok.code, ok.stderr).toBe(0);
    const line = JSON.parse(ok.stdout);
    expect(line).toMatchObject({ formula: 'npv', convention: 'excel: the first flow is discounted by one period', rate: 0.08 });
    expect(line.value).toBeCloseTo(-5_000 / 1.08 + 1_500 / 1.08 ** 2 + 2_500 / 1.08 ** 3 + 3_000 / 1.08 ** 4, 9);
    const bad = await runCli(['calc', 'irr', '--flows', '-5000,abc'], process.env);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr.trim()).toBe('touchpoint calc: --flows item 2 must be a number (got "abc")');
  });
});
