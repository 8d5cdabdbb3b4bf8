/**
 * What a business case says: KPI cards (NPV with its convention, IRR with every root when there
 * are several, MIRR, XNPV, XIRR, ROI, simple and discounted payback), the cash-flow chart, the
 * tornado and the scenarios table. Used live on the page and, `still`, in the PDF report.
 */
import { useTranslation } from 'react-i18next';
import type { BusinessCaseAnalysis, BusinessCaseFigures, BusinessCaseInput, IrrResult } from '@touchpoint/shared';
import { formatDate } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { PlanChart } from '../../ui/PlanChart';
import { cashFlowOption, tornadoOption } from './initiative-charts';
import { formatMoney, formatPeriods, formatRate, formatRatio } from './initiative-format';

type TFn = (key: string, options?: Record<string, unknown>) => string;

function irrText(t: TFn, lang: ReturnType<typeof currentUiLanguage>, r: IrrResult): string {
  if (r.roots.length === 0) return t('initiatives.kpi.noIrr');
  return r.roots.map((x) => formatRate(lang, x)).join(' · ');
}

export function KpiCards({ analysis, input, testPrefix = 'kpi' }: { analysis: BusinessCaseAnalysis; input: BusinessCaseInput; testPrefix?: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const money = (n: number) => formatMoney(lang, n, analysis.currency);
  const compact = (n: number) => formatMoney(lang, n, analysis.currency, Math.abs(n) >= 1e6);
  const unit = input.periodUnit;
  const several = analysis.irr.roots.length > 1;
  const cards: { key: string; label: string; value: string; raw: number | null; title?: string; meta?: string }[] = [
    { key: 'npv', label: t('initiatives.kpi.npv'), value: compact(analysis.npv), raw: analysis.npv, title: t('initiatives.kpi.npvConvention'), meta: `${t('initiatives.kpi.excelNpv')}: ${compact(analysis.excelNpv)}` },
    { key: 'roi', label: t('initiatives.kpi.roi'), value: formatRatio(lang, analysis.roi), raw: analysis.roi, meta: `${money(analysis.totalBenefit)} / ${money(analysis.totalCost)}` },
    { key: 'irr', label: t('initiatives.kpi.irr'), value: irrText(t, lang, analysis.irr), raw: analysis.irr.value, meta: several ? t('initiatives.kpi.severalRoots', { count: analysis.irr.signChanges }) : t('initiatives.kpi.annual') },
    { key: 'mirr', label: t('initiatives.kpi.mirr'), value: formatRate(lang, analysis.mirr), raw: analysis.mirr, meta: t('initiatives.kpi.annual') },
    { key: 'xnpv', label: t('initiatives.kpi.xnpv'), value: compact(analysis.xnpv), raw: analysis.xnpv, meta: t('initiatives.kpi.dated') },
    { key: 'xirr', label: t('initiatives.kpi.xirr'), value: irrText(t, lang, analysis.xirr), raw: analysis.xirr.value, meta: t('initiatives.kpi.dated') },
    { key: 'payback', label: t('initiatives.kpi.payback'), value: formatPeriods(t, lang, analysis.payback.simple, unit), raw: analysis.payback.simple },
    { key: 'discounted-payback', label: t('initiatives.kpi.discountedPayback'), value: formatPeriods(t, lang, analysis.payback.discounted, unit), raw: analysis.payback.discounted },
  ];
  return (
    <div className="stack-sm">
      <div className="kpi-grid initiative-kpis">
        {cards.map((c) => (
          <div key={c.key} className="card kpi" title={c.title} data-testid={`${testPrefix}-${c.key}`} data-value={c.raw ?? ''}>
            <span className="kpi-label">{c.label}{c.title && <sup aria-hidden="true"> *</sup>}</span>
            <span className="kpi-value" title={c.key === 'npv' || c.key === 'xnpv' ? money(c.raw ?? 0) : ['irr', 'mirr', 'xirr'].includes(c.key) && c.raw !== null ? formatRatio(lang, c.raw, 1) : undefined}>{c.value}</span>
            {c.meta && <span className="kpi-meta">{c.meta}</span>}
          </div>
        ))}
      </div>
      <p className="muted small" data-testid="npv-convention">* {t('initiatives.kpi.npvConvention')}</p>
      {several && <p className="notice notice-warning small" data-testid="irr-several">{t('initiatives.kpi.severalRootsWhy', { count: analysis.irr.signChanges })}</p>}
    </div>
  );
}

export function periodLabels(lang: ReturnType<typeof currentUiLanguage>, analysis: BusinessCaseAnalysis, t: TFn): string[] {
  return analysis.dates.map((d, i) => (i === 0 ? t('initiatives.chart.now') : `${i} · ${formatDate(lang, `${d}T00:00:00Z`)}`));
}

export function CashFlowChart({ analysis, still, height = 280 }: { analysis: BusinessCaseAnalysis; still?: boolean; height?: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const option = cashFlowOption({
    labels: periodLabels(lang, analysis, t), flows: analysis.flows, cumulative: analysis.cumulative, discounted: analysis.discountedCumulative,
    names: { flow: t('initiatives.chart.flow'), cumulative: t('initiatives.chart.cumulative'), discounted: t('initiatives.chart.discounted') },
    money: (n) => formatMoney(lang, n, analysis.currency), axisMoney: (n) => formatMoney(lang, n, analysis.currency, true),
  });
  return <PlanChart option={option} height={height} still={still} label={t('initiatives.chart.cashFlow')} testId="cash-flow-chart" />;
}

export function TornadoChart({ analysis, input, still }: { analysis: BusinessCaseAnalysis; input: BusinessCaseInput; still?: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const items = analysis.tornado.map((b) => ({ ...b, label: b.key === 'discountRate' ? t('initiatives.case.discountRate') : b.label }));
  const option = tornadoOption({
    items, base: analysis.npv, names: { low: t('initiatives.chart.lowNpv'), high: t('initiatives.chart.highNpv') },
    money: (n) => formatMoney(lang, n, analysis.currency), axisMoney: (n) => formatMoney(lang, n, analysis.currency, true),
  });
  return (
    <div className="stack-sm">
      <PlanChart option={option} height={Math.max(160, items.length * 34 + 60)} still={still} label={t('initiatives.chart.tornado')} testId="tornado-chart" />
      <p className="muted small">{t('initiatives.chart.tornadoHint', { pct: input.sensitivityPct })}</p>
    </div>
  );
}

export function ScenariosTable({ analysis, input }: { analysis: BusinessCaseAnalysis; input: BusinessCaseInput }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const money = (n: number) => formatMoney(lang, n, analysis.currency, Math.abs(n) >= 1e7);
  const rows: ['pessimistic' | 'base' | 'optimistic', BusinessCaseFigures][] = [['pessimistic', analysis.scenarios.pessimistic], ['base', analysis.scenarios.base], ['optimistic', analysis.scenarios.optimistic]];
  const shift = (s: 'pessimistic' | 'base' | 'optimistic') => (s === 'base' ? '–' : t('initiatives.scenario.shift', { cost: input.scenarios[s].costPct, benefit: input.scenarios[s].benefitPct }));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="scenarios-table">
        <thead><tr>
          <th>{t('initiatives.scenario.title')}</th><th>{t('initiatives.scenario.assumption')}</th><th className="right">{t('initiatives.kpi.npv')}</th>
          <th className="right">{t('initiatives.kpi.roi')}</th><th className="right">{t('initiatives.kpi.irr')}</th><th className="right">{t('initiatives.kpi.payback')}</th>
        </tr></thead>
        <tbody>
          {rows.map(([k, f]) => (
            <tr key={k} data-testid={`scenario-${k}`} className={k === 'base' ? 'case-base-row' : undefined}>
              <td>{t(`initiatives.scenario.${k}`)}</td>
              <td className="muted small">{shift(k)}</td>
              <td className="right num">{money(f.npv)}</td>
              <td className="right num">{formatRatio(lang, f.roi)}</td>
              <td className="right num">{f.irr.roots.length ? f.irr.roots.map((r) => formatRate(lang, r)).join(' · ') : '–'}</td>
              <td className="right num">{formatPeriods(t, lang, f.payback.simple, input.periodUnit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
