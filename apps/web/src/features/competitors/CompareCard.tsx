/** Per theme, our answers' mean sentiment over a date range beside each competitor's reviews: bars and a table. */
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeComparison, ThemeFigures } from '@touchpoint/shared';
import { withQuery } from '../../lib/api';
import { formatPercent, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { Chart } from '../../ui/Chart';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { competitorsApi, sentimentTone, today } from './competitors-data';
import { compareOption, compareSeries } from './compare-chart';

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function CompareCard({ wid }: { wid: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(daysBefore(today(), 89));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const cmp = useApi<ThemeComparison>(valid ? withQuery(competitorsApi(wid, 'compare'), { from, to }) : null);
  const data = cmp.data;
  const ours = t('competitors.compare.ours');
  const option = useMemo(() => (data ? compareOption(data, ours, (n) => formatSigned(lang, n, 1)) : null), [data, ours, lang]);
  const series = data ? compareSeries(data, ours) : [];

  const cell = (f: ThemeFigures | undefined) => f
    ? <td className={`cmp-cell cmp-${sentimentTone({ mean: f.meanSentiment })}`} title={t('competitors.compare.cellHint', { n: f.n, negative: formatPercent(lang, f.negativeShare) })}>{formatSigned(lang, f.meanSentiment, 2)} <span className="muted">({f.n})</span></td>
    : <td className="cmp-cell muted">–</td>;

  return (
    <section className="card stack" data-testid="competitor-compare">
      <div className="section-head">
        <div>
          <h2 className="card-title">{t('competitors.compare.title')}</h2>
          <p className="muted">{t('competitors.compare.subtitle')}</p>
        </div>
        <div className="row-wrap cmp-range">
          <label className="row-wrap">{t('competitors.compare.from')} <input className="input input-sm" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="compare-from" /></label>
          <label className="row-wrap">{t('competitors.compare.to')} <input className="input input-sm" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="compare-to" /></label>
        </div>
      </div>
      {!valid && <p className="field-error">{t('competitors.compare.badRange')}</p>}
      {cmp.loading && !data && <Loading />}
      {data && !data.themes.length && <EmptyState title={t('competitors.compare.emptyTitle')} text={t('competitors.compare.emptyText')} />}
      {data && option && data.themes.length > 0 && (
        <>
          <Chart option={option} height={Math.max(180, data.themes.length * (26 + 10 * series.length))} label={t('competitors.compare.title')} testId="compare-chart" />
          <div className="row-wrap cmp-legend" aria-hidden="true">
            {series.map((s) => <span key={s.name} className="row-wrap"><span className="cmp-swatch" style={{ background: s.colour }} />{s.name}</span>)}
          </div>
          <Table caption={t('competitors.compare.title')} testId="compare-table">
            <thead>
              <tr>
                <th>{t('competitors.compare.theme')}</th>
                <th>{ours} <span className="muted cmp-n">n={data.ours.overall.n}</span></th>
                {data.competitors.map((c) => <th key={c.id} className="cmp-head">{c.name} <span className="muted cmp-n">n={c.overall.n}</span></th>)}
              </tr>
            </thead>
            <tbody>
              {data.themes.map((th) => (
                <tr key={th.id}>
                  <td>{th.name}</td>
                  {cell(data.ours.themes.find((x) => x.id === th.id))}
                  {data.competitors.map((c) => <Fragment key={c.id}>{cell(c.themes.find((x) => x.id === th.id))}</Fragment>)}
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="muted small">{t('competitors.compare.note')}</p>
        </>
      )}
    </section>
  );
}
