/**
 * The business case as a printable report (the PDF's content): title and date, a summary of the
 * inputs, the KPIs, the cash-flow chart, the tornado and the scenarios, each a data-report-block so
 * page cuts fall between them. Charts draw without animation so the capture sees them finished.
 */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCaseAnalysis, BusinessCaseInput, Initiative } from '@touchpoint/shared';
import { formatDate, formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { CashFlowChart, KpiCards, ScenariosTable, TornadoChart } from './CaseResults';
import { formatMoney, formatRatio } from './initiative-format';

interface Props { initiative: Initiative; input: BusinessCaseInput; analysis: BusinessCaseAnalysis }

export const CaseReport = forwardRef<HTMLDivElement, Props>(function CaseReport({ initiative, input, analysis }, ref) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const money = (n: number) => formatMoney(lang, n, input.currency);
  const lines = [...input.costs.map((l) => ({ ...l, kind: 'cost' as const })), ...input.benefits.map((l) => ({ ...l, kind: 'benefit' as const }))];
  return (
    <div ref={ref} className="report-export case-report stack" data-testid="case-report">
      <div data-report-block className="stack-sm">
        <h1 className="page-title">{t('initiatives.report.title', { name: initiative.name })}</h1>
        <p className="muted">{t('initiatives.report.generated', { date: formatDate(lang, new Date().toISOString()) })}</p>
        {initiative.why && <p>{initiative.why}</p>}
      </div>
      <div data-report-block className="stack-sm">
        <h2 className="section-title">{t('initiatives.report.inputs')}</h2>
        <p className="small">{t('initiatives.report.settings', {
          currency: input.currency, unit: t(`initiatives.periodUnit.${input.periodUnit}`).toLowerCase(), periods: input.periods,
          start: formatDate(lang, `${input.startDate}T00:00:00Z`), rate: formatRatio(lang, input.discountRate, 1), pct: input.sensitivityPct,
        })}</p>
        <table className="table">
          <thead><tr><th>{t('initiatives.case.label')}</th><th>{t('initiatives.case.category')}</th><th className="right">{t('initiatives.case.amount')}</th><th>{t('initiatives.report.periods')}</th><th className="right">{t('initiatives.case.growth')}</th></tr></thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{l.kind === 'cost' ? '−' : '+'} {l.label}</td>
                <td>{t(`initiatives.category.${l.category}`)}</td>
                <td className="right num">{money(l.kind === 'benefit' ? analysis.benefitAmounts[l.id] ?? l.amount : l.amount)}</td>
                <td>{l.from === l.to ? l.from : `${l.from}–${l.to}`}</td>
                <td className="right num">{formatNumber(lang, l.growth * 100, 1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div data-report-block><h2 className="section-title">{t('initiatives.report.kpis')}</h2><KpiCards analysis={analysis} input={input} testPrefix="report-kpi" /></div>
      <div data-report-block><h2 className="section-title">{t('initiatives.chart.cashFlow')}</h2><CashFlowChart analysis={analysis} still height={300} /></div>
      <div data-report-block><h2 className="section-title">{t('initiatives.chart.tornado')}</h2><TornadoChart analysis={analysis} input={input} still /></div>
      <div data-report-block><h2 className="section-title">{t('initiatives.scenario.title')}</h2><ScenariosTable analysis={analysis} input={input} /></div>
    </div>
  );
});
