import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge, type Tone } from '../../ui/Badge';
import { formatChurnRisk, revenueLines } from './customer-format';
import { formatMoney } from '../../lib/format';
import type { Profile } from './use-customer-data';

const npsTone = (n: number): Tone => (n >= 9 ? 'success' : n >= 7 ? 'warning' : 'danger');

/** The person's numbers at a glance: value, orders, when seen, latest NPS and churn risk. */
export function ProfileSummary({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const revenue = revenueLines(profile.revenueByCurrency);
  const churn = formatChurnRisk(lang, profile.churnRisk);
  // The card shows the day; the line under it says how long ago, with the exact time on hover.
  const seen = (iso: string | null) => iso && <time dateTime={iso} title={formatDateTime(lang, iso)}>{formatRelative(lang, iso)}</time>;
  return (
    <dl className="profile-stats" data-testid="profile-stats">
      <Stat label={t('customers.field.clv')} hint={t('customers.profile.clvHint')} testId="stat-clv"
        value={formatMoney(lang, profile.clv, profile.currency)}
        sub={revenue.length > 1 && (
          <ul className="revenue-list" aria-label={t('customers.profile.revenueByCurrency')} data-testid="revenue-by-currency">
            {revenue.map(([currency, amount]) => <li key={currency}>{formatMoney(lang, amount, currency)}</li>)}
          </ul>
        )} />
      <Stat label={t('customers.field.orders')} value={formatNumber(lang, profile.orderCount)} testId="stat-orders" />
      <Stat label={t('customers.profile.firstSeen')} value={formatDate(lang, profile.firstSeenAt)} sub={seen(profile.firstSeenAt)} date testId="stat-first-seen" />
      <Stat label={t('customers.field.lastSeen')} value={formatDate(lang, profile.lastSeenAt)} sub={seen(profile.lastSeenAt)} date testId="stat-last-seen" />
      <Stat label={t('customers.field.latestNps')} testId="stat-nps"
        value={profile.latestNps === null ? '–' : <Badge tone={npsTone(profile.latestNps)}>{formatNumber(lang, profile.latestNps)}</Badge>}
        sub={profile.latestNpsAt ? t('customers.profile.answeredOn', { date: formatDate(lang, profile.latestNpsAt) }) : t('customers.profile.noNps')} />
      <Stat label={t('customers.profile.churnRisk')} value={churn ?? '—'} sub={churn ? null : t('customers.profile.notComputed')} testId="stat-churn" />
    </dl>
  );
}

function Stat({ label, value, sub, hint, date, testId }: { label: string; value: ReactNode; sub?: ReactNode; hint?: string; date?: boolean; testId: string }) {
  return (
    <div className="profile-stat" data-testid={testId} title={hint}>
      <dt>{label}</dt>
      <dd className={`profile-stat-value${date ? ' profile-stat-date' : ''}`}>{value}</dd>
      {sub && <dd className="profile-stat-sub muted small">{sub}</dd>}
    </div>
  );
}
