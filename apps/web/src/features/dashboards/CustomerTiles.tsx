/**
 * Bodies of the customer KPI tiles. Each reads the shared GET …/customers/kpis answer; the
 * numbers the charts draw are also in a screen-reader table (canvas text is not read aloud).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { churnOption, heatmapOption } from './customer-charts';
import { formatMoney, formatMonth, hasBasis, type CustomerKpisView } from './customer-kpis';
import { DashChart } from './DashChart';
import { tileTitle } from './labels';
import { barsOption, trendOption } from './tile-charts';
import type { TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';
import type { Tile } from './types';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (share: number | null | undefined) => formatPercent(currentUiLanguage(), share, share !== null && share !== undefined && share > 0 && share < 0.1 ? 1 : 0);

/** The line under a KPI tile's title: what "active" means, or the currency. */
export function customerTileSub(t: TFunction, tile: Tile, k: CustomerKpisView | undefined): string | null {
  if (hasBasis(tile.type)) return t(`dashboards.customers.basis.${tile.basis ?? 'activity'}`);
  if (tile.type === 'repeat_rate') return t('dashboards.customers.inRange');
  return k?.currency ?? tile.currency ?? null;
}

const Empty = () => {
  const { t } = useTranslation();
  return <TileEmpty text={t('dashboards.customers.empty')} />;
};

/** Cohorts by month of first activity (or first order): the share still active k months on. */
export function CohortTile({ tile, kpis }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!kpis) return null;
  const cohorts = kpis.cohorts;
  if (!cohorts.some((c) => c.size > 0)) return <Empty />;
  const columns = cohorts.map((_, k) => t('dashboards.customers.offset', { n: k }));
  const option = heatmapOption({
    rows: cohorts.map((c) => formatMonth(lang, c.month)),
    rowMeta: cohorts.map((c) => formatNumber(lang, c.size)),
    columns,
    cells: cohorts.map((c) => c.retention),
    format: (s) => formatPercent(lang, s),
    tooltip: (y, x) => {
      const c = cohorts[y];
      return [
        `<b>${esc(t('dashboards.customers.cohortOf', { month: formatMonth(lang, c.month) }))}</b>`,
        esc(t('dashboards.customers.cohortCell', { k: x, active: formatNumber(lang, c.people[x] ?? 0), size: formatNumber(lang, c.size), share: pct(c.retention[x]) })),
      ].join('<br/>');
    },
  });
  return (
    <>
      <DashChart option={option} height={Math.max(150, cohorts.length * 26 + 36)} label={tileTitle(t, tile)} testId="cohort-chart" />
      <table className="sr-only" data-testid="cohort-table">
        <thead><tr><th>{t('dashboards.customers.cohort')}</th><th>{t('dashboards.customers.size')}</th>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.month} data-month={c.month}>
              <th>{formatMonth(lang, c.month)}</th><td>{formatNumber(lang, c.size)}</td>
              {c.retention.map((r, k) => <td key={k}>{pct(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Churn and retention month by month: of last month's actives, who came back. */
export function ChurnTile({ tile, kpis }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!kpis) return null;
  const months = kpis.months;
  if (!months.some((m) => m.churn !== null)) return <Empty />;
  const names = { churn: t('dashboards.customers.churn'), retention: t('dashboards.customers.retention') };
  const option = churnOption({
    labels: months.map((m) => formatMonth(lang, m.month) + (m.partial ? '*' : '')),
    churn: months.map((m) => m.churn), retention: months.map((m) => m.retention), names,
    format: (s) => formatPercent(lang, s),
    tooltip: (i) => {
      const m = months[i];
      return [
        `<b>${esc(formatMonth(lang, m.month))}${m.partial ? esc(` (${t('dashboards.customers.soFar')})`) : ''}</b>`,
        `${esc(names.churn)}: <b>${esc(pct(m.churn))}</b> · ${esc(names.retention)}: <b>${esc(pct(m.retention))}</b>`,
        esc(t('dashboards.customers.activeMonth', { n: formatNumber(lang, m.active), kept: formatNumber(lang, m.retained ?? 0) })),
      ].join('<br/>');
    },
  });
  const last = [...months].reverse().find((m) => m.churn !== null && !m.partial) ?? months.find((m) => m.churn !== null)!;
  return (
    <>
      <DashChart option={option} height={tile.size === 'l' ? 260 : 220} label={tileTitle(t, tile)} testId="churn-chart" />
      <p className="value-meta" data-testid="churn-latest">{t('dashboards.customers.latestChurn', { month: formatMonth(lang, last.month), churn: pct(last.churn), retention: pct(last.retention) })}</p>
    </>
  );
}

/** CLV: revenue to date per buyer (and per person), and the simple predictive value with its inputs. */
export function ClvTile({ kpis }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!kpis) return null;
  const { historical: h, predictive: p } = kpis.clv;
  if (!h.buyers) return <Empty />;
  const cur = kpis.currency;
  return (
    <div className="value-tile">
      <p className="value-main"><span className="value-number" data-testid="clv-number">{formatMoney(lang, h.perBuyer, cur)}</span></p>
      <p className="value-meta">
        <span>{t('dashboards.customers.perBuyer', { n: formatNumber(lang, h.buyers) })}</span>
        <span data-testid="clv-per-person">{t('dashboards.customers.perPerson', { value: formatMoney(lang, h.perPerson, cur), n: formatNumber(lang, h.people) })}</span>
      </p>
      <div className="kpi-inputs" data-testid="clv-predictive">
        <p className="small"><strong>{t('dashboards.customers.predictive')}: {formatMoney(lang, p.value, cur)}</strong></p>
        <p className="muted small">
          {t('dashboards.customers.predictiveInputs', {
            aov: formatMoney(lang, p.averageOrderValue, cur),
            frequency: formatNumber(lang, p.purchasesPerMonth, 2),
            lifetime: formatNumber(lang, p.expectedLifetimeMonths, 1),
            churn: pct(p.monthlyChurn),
          })}
        </p>
      </div>
    </div>
  );
}

/** Repeat-purchase rate in the range (and ever), with its month-by-month line. */
export function RepeatTile({ tile, kpis }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!kpis) return null;
  const { period, ever } = kpis.repeat;
  if (!period.buyers && !ever.buyers) return <Empty />;
  const months = kpis.months;
  const option = trendOption({
    labels: months.map((m) => formatMonth(lang, m.month)),
    // In points (0–100): the axis then steps as for the score trends, not in tenths.
    values: months.map((m) => (m.repeatRate === null ? null : m.repeatRate * 100)), lows: months.map(() => null), highs: months.map(() => null),
    format: (v) => formatPercent(lang, v / 100), scale: { min: 0, max: 100 },
    tooltip: (i) => `<b>${esc(formatMonth(lang, months[i].month))}</b><br/>${esc(t('dashboards.customers.repeatMonth', { rate: pct(months[i].repeatRate), repeat: formatNumber(lang, months[i].repeatBuyers), buyers: formatNumber(lang, months[i].buyers) }))}`,
  });
  return (
    <div className="value-tile">
      <p className="value-main"><span className="value-number" data-testid="repeat-number">{pct(period.rate)}</span></p>
      <p className="value-meta">
        <span>{t('dashboards.customers.repeaters', { repeat: formatNumber(lang, period.repeaters), buyers: formatNumber(lang, period.buyers) })}</span>
        <span data-testid="repeat-ever">{t('dashboards.customers.ever', { rate: pct(ever.rate) })}</span>
      </p>
      {months.length > 1 && <DashChart option={option} height={tile.size === 's' ? 110 : 150} label={tileTitle(t, tile)} testId="repeat-chart" />}
    </div>
  );
}

/** Revenue in the range per segment, everybody first; each bar says its members and revenue per member. */
export function SegmentRevenueTile({ tile, kpis }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!kpis) return null;
  const rows = kpis.revenueBySegment;
  if (!rows.length || !kpis.currency) return <Empty />;
  const cur = kpis.currency;
  const name = (r: (typeof rows)[number]) => (r.id === null ? (r.name ?? t('dashboards.customers.everyone')) : r.name ?? r.id);
  const option = barsOption({
    // counts: the axis starts at 0 (revenue bars need no padding below it).
    horizontal: true, counts: true,
    labels: rows.map(name),
    sublabels: rows.map((r) => t('dashboards.customers.members', { n: formatNumber(lang, r.members), per: formatMoney(lang, r.perMember, cur) })),
    values: rows.map((r) => r.revenue),
    colors: rows.map((r) => (r.id === null ? '#8b93a5' : '#4f5bd5')),
    format: (v) => formatMoney(lang, v, cur, true),
    tooltip: (i) => {
      const r = rows[i];
      return [`<b>${esc(name(r))}</b>`, esc(t('dashboards.customers.revenueLine', { revenue: formatMoney(lang, r.revenue, cur), buyers: formatNumber(lang, r.buyers), members: formatNumber(lang, r.members), per: formatMoney(lang, r.perMember, cur) }))].join('<br/>');
    },
  });
  return (
    <>
      <DashChart option={option} height={Math.max(150, rows.length * 44 + 24)} label={tileTitle(t, tile)} testId="segment-revenue-chart" />
      <table className="sr-only" data-testid="segment-revenue-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id ?? ''} data-segment={r.id ?? ''}>
              <th>{name(r)}</th><td>{formatMoney(lang, r.revenue, cur)}</td><td>{formatNumber(lang, r.members)}</td><td>{formatMoney(lang, r.perMember, cur)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Edit-mode settings of a KPI tile: what counts as active (cohorts, churn) and the revenue currency. */
export function CustomerTileFields({ tile, id, onChange }: { tile: Tile; id: string; onChange: (patch: Partial<Tile>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {hasBasis(tile.type) && (
        <label className="mini-field" htmlFor={`${id}-basis`}>
          <span>{t('dashboards.customers.basisLabel')}</span>
          <select id={`${id}-basis`} className="input select input-sm" value={tile.basis ?? 'activity'} onChange={(e) => onChange({ basis: e.target.value as 'activity' | 'order' })} data-testid="tile-basis">
            <option value="activity">{t('dashboards.customers.basis.activity')}</option>
            <option value="order">{t('dashboards.customers.basis.order')}</option>
          </select>
        </label>
      )}
      {(tile.type === 'clv' || tile.type === 'segment_revenue') && (
        <label className="mini-field" htmlFor={`${id}-currency`}>
          <span>{t('dashboards.customers.currency')}</span>
          <input id={`${id}-currency`} className="input input-sm" defaultValue={tile.currency ?? ''} maxLength={3} placeholder={t('dashboards.customers.currencyAuto')}
            onChange={(e) => { const v = e.target.value.toUpperCase().replace(/[^A-Z]/g, ''); if (v.length === 3 || !v) onChange({ currency: v || undefined }); }} data-testid="tile-currency" />
        </label>
      )}
    </>
  );
}
