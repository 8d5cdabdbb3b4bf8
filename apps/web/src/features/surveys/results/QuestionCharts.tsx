import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@touchpoint/shared';
import { formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { SurveyResults } from '../../../lib/types';
import { CHART_COLORS, Chart, barOption } from '../../../ui/Chart';
import { readerLanguage, textIn } from '../survey-text';

const npsColor = (score: number) => (score <= 6 ? CHART_COLORS.detractor : score <= 8 ? CHART_COLORS.passive : CHART_COLORS.promoter);

/** One distribution chart per scored or choice question; open-text questions share one card with their answer counts. */
export function QuestionCharts({ definition, results }: { definition: SurveyDefinition; results: SurveyResults }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const reader = readerLanguage(definition, lang);
  const byId = useMemo(() => new Map(definition.questions.map((q) => [q.id, q])), [definition]);

  const openText = results.questions.filter((d) => !d.values.length && byId.has(d.questionId));
  return (
    <div className="chart-grid">
      {results.questions.filter((d) => d.values.length).map((d) => {
        const q = byId.get(d.questionId);
        if (!q) return null;
        const title = textIn(q.title, reader, definition.defaultLanguage) || q.id;
        const labels = d.values.map((v) => q.options ? textIn(q.options.find((o) => o.id === v.key)?.label, reader, definition.defaultLanguage) || v.key : v.key);
        const colors = q.type === 'nps' ? d.values.map((v) => npsColor(Number(v.key))) : undefined;
        return (
          <section key={d.questionId} className="card chart-card" data-testid="question-chart" aria-labelledby={`qc-${d.questionId}`}>
            <header className="chart-head">
              <h3 className="card-title" id={`qc-${d.questionId}`}>{title}</h3>
              <span className="muted small">{t(`questionTypes.${q.type}`)} · {t('results.answered', { n: formatNumber(lang, d.answered) })}</span>
            </header>
            <Chart
              height={q.options ? Math.max(150, d.values.length * 32) : 200}
              label={t('results.chartLabel', { title, values: d.values.map((v, i) => `${labels[i]}: ${v.n}`).join(', ') })}
              option={barOption({ labels, values: d.values.map((v) => v.n), colors, horizontal: !!q.options, valueFormatter: (n) => formatNumber(lang, n) })}
            />
          </section>
        );
      })}
      {openText.length > 0 && (
        <section className="card chart-card" data-testid="open-text-summary" aria-labelledby="qc-open-text">
          <header className="chart-head">
            <h3 className="card-title" id="qc-open-text">{t('results.openText')}</h3>
            <span className="muted small">{t('results.openTextHint')}</span>
          </header>
          <ul className="open-text-list">
            {openText.map((d) => {
              const q = byId.get(d.questionId)!;
              return (
                <li key={d.questionId}>
                  <span>{textIn(q.title, reader, definition.defaultLanguage) || q.id}</span>
                  <strong className="num">{formatNumber(lang, d.answered)}</strong>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
