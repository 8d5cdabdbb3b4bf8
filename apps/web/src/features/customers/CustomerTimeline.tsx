import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '@touchpoint/shared';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon, type IconName } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { propertyPairs } from './customer-format';
import { formatMoney } from '../../lib/format';
import { toggleTimelineKind } from './url-state';
import { customerPath, type TimelineData } from './use-customer-data';

const KIND_ICON: Record<TimelineKind, IconName> = { identify: 'identify', track: 'track', page: 'page', order: 'order', response: 'surveys', merge: 'merge' };

interface Props {
  kinds: TimelineKind[];
  onKinds: (kinds: TimelineKind[]) => void;
  timeline: TimelineData;
}

/** Everything the person did and said, newest first, with kind filters (in the URL) and cursor paging. */
export function CustomerTimeline({ kinds, onKinds, timeline }: Props) {
  const { t } = useTranslation();
  const all = !kinds.length;
  return (
    <section className="card stack" aria-labelledby="timeline-title" data-testid="timeline">
      <div className="section-head">
        <h2 className="card-title" id="timeline-title">{t('customers.timeline.title')}</h2>
      </div>
      <div className="facet-group" role="group" aria-label={t('customers.timeline.filter')} data-testid="timeline-kinds">
        <button type="button" className={`chip${all ? ' chip-active' : ''}`} aria-pressed={all} onClick={() => onKinds([])} data-testid="kind-chip" data-value="all">
          {t('customers.timeline.all')}
        </button>
        {TIMELINE_KINDS.map((k) => {
          const on = kinds.includes(k);
          return (
            <button key={k} type="button" className={`chip${on ? ' chip-active' : ''}`} aria-pressed={on}
              onClick={() => onKinds(toggleTimelineKind(kinds, k))} data-testid="kind-chip" data-value={k}>
              <Icon name={KIND_ICON[k]} size={14} /><span>{t(`customers.kind.${k}`)}</span>
            </button>
          );
        })}
      </div>
      {timeline.error && !timeline.items.length ? (
        <EmptyState title={t('errors.loadFailed')} text={errorText(t, timeline.error)} testId="timeline-error"
          action={<Button onClick={() => void timeline.reload()}>{t('common.retry')}</Button>} />
      ) : timeline.loading && !timeline.items.length ? <Loading testId="timeline-loading" /> : !timeline.items.length ? (
        <EmptyState title={all ? t('customers.timeline.empty') : t('customers.timeline.emptyFiltered')} testId="timeline-empty" />
      ) : (
        <>
          <ol className="timeline" aria-busy={timeline.loading || undefined} data-testid="timeline-list">
            {timeline.items.map((item) => <TimelineEntry key={`${item.kind}:${item.id}`} item={item} />)}
          </ol>
          {timeline.error && <p className="field-error" role="alert">{errorText(t, timeline.error)}</p>}
          {timeline.nextCursor && (
            <div className="row-center">
              <Button onClick={() => void timeline.loadMore()} busy={timeline.loadingMore} testId="timeline-more">{t('common.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  return (
    <li className={`timeline-item timeline-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <span className="timeline-icon" aria-hidden="true"><Icon name={KIND_ICON[item.kind]} /></span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-kind">{t(`customers.kind.${item.kind}`)}</span>
          <time className="muted small" dateTime={item.at} title={item.at}>{formatDateTime(lang, item.at)}</time>
        </div>
        <EntryDetail item={item} />
      </div>
    </li>
  );
}

function EntryDetail({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const p = item.properties;
  switch (item.kind) {
    case 'order':
      return (
        <div className="timeline-detail">
          <span>{t('customers.timeline.order', { id: item.title ?? '' })}</span>
          <strong className="num" data-testid="timeline-revenue">{formatMoney(lang, item.revenue ?? 0, item.currency)}</strong>
          <Pairs properties={p} />
        </div>
      );
    case 'response':
      return (
        <div className="timeline-detail">
          <span>{item.title ?? t('customers.timeline.survey')}</span>
          {item.nps !== null && item.nps !== undefined && <Badge tone="accent" testId="timeline-nps">{t('customers.timeline.nps', { n: formatNumber(lang, item.nps) })}</Badge>}
          {item.csat !== null && item.csat !== undefined && <Badge tone="accent">{t('customers.timeline.csat', { n: formatNumber(lang, item.csat) })}</Badge>}
          {item.ces !== null && item.ces !== undefined && <Badge tone="accent">{t('customers.timeline.ces', { n: formatNumber(lang, item.ces) })}</Badge>}
          {p.status === 'partial' && <Badge tone="warning">{t('customers.timeline.partial')}</Badge>}
          {item.surveyId && can('responses.read') && (
            <Link to={`/w/${workspace.id}/surveys/${encodeURIComponent(item.surveyId)}/results`} className="small" data-testid="timeline-results">{t('customers.timeline.results')}</Link>
          )}
        </div>
      );
    case 'merge': {
      const absorbed = typeof p.absorbedId === 'string' ? p.absorbedId : null;
      return (
        <div className="timeline-detail">
          <span>{t(`customers.mergeReason.${item.title ?? 'manual'}`, { defaultValue: item.title ?? '' })}</span>
          {absorbed && <span className="small">{t('customers.timeline.mergedIn')} <Link to={customerPath(workspace.id, absorbed)} className="mono">{absorbed}</Link></span>}
          {typeof p.unmergedAt === 'string' && <Badge tone="neutral" testId="timeline-undone">{t('customers.merges.undone')}</Badge>}
        </div>
      );
    }
    case 'identify': {
      const traits = p.traits && typeof p.traits === 'object' ? Object.keys(p.traits) : [];
      const consents = p.consents && typeof p.consents === 'object' ? Object.entries(p.consents as Record<string, boolean>) : [];
      // Identifiers are personal and live on the profile, not in the event: without traits or consents there is nothing to add.
      if (!traits.length && !consents.length) return null;
      return (
        <div className="timeline-detail">
          {traits.length > 0 && <span>{t('customers.timeline.traitsSet', { keys: traits.join(', ') })}</span>}
          {consents.map(([purpose, granted]) => (
            <Badge key={purpose} tone={granted ? 'success' : 'danger'}>
              {t(`customers.consentPurpose.${purpose}`, { defaultValue: purpose })}: {granted ? t('customers.profile.granted') : t('customers.profile.refused')}
            </Badge>
          ))}
        </div>
      );
    }
    default:
      return (
        <div className="timeline-detail">
          {item.title && <span className="timeline-title">{item.title}</span>}
          <Pairs properties={p} skip={item.kind === 'page' && p.url === item.title ? 'url' : undefined} />
        </div>
      );
  }
}

function Pairs({ properties, skip }: { properties: Record<string, unknown>; skip?: string }) {
  const pairs = propertyPairs(properties).filter(([k]) => k !== skip);
  if (!pairs.length) return null;
  return (
    <span className="prop-list small muted">
      {pairs.map(([k, v]) => <span key={k} className="prop"><span className="prop-key">{k}:</span> {v}</span>)}
    </span>
  );
}
