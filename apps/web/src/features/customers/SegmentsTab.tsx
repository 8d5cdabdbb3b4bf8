import { useTranslation } from 'react-i18next';
import { SEGMENT_METHODS, type Segment } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link, navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { METHOD_TONE } from './ConditionRow';
import { buildShare, segmentPath, useSegmentFrames, usePollWhile } from './use-segments';
import './segments.css';

/**
 * The Segments tab: every segment with its kind, the methods its conditions use, its member count
 * (live over the stream) and, while it builds, how far. Writers get "New segment".
 */
export function SegmentsTab() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const list = useApi<Items<Segment>>(ws(workspace.id, 'segments'));
  const reload = () => void list.reload();
  useSegmentFrames(workspace.id, reload);
  const items = list.data?.items ?? [];
  usePollWhile(items.some((s) => s.status === 'building'), reload);
  const newButton = can('customers.write') && (
    <Button variant="primary" onClick={() => navigate(`/w/${workspace.id}/segments/new`)} testId="segment-new">{t('segments.new')}</Button>
  );

  return (
    <div className="stack">
      <div className="row-between segments-head">
        <p className="muted">{t('segments.intro')}</p>
        {newButton}
      </div>
      {list.error && !list.data ? (
        <EmptyState title={t('errors.loadFailed')} text={errorText(t, list.error)} testId="segments-error" action={<Button onClick={reload}>{t('common.retry')}</Button>} />
      ) : list.loading && !list.data ? <Loading /> : !items.length ? (
        <EmptyState title={t('segments.noneTitle')} text={t('segments.noneText')} testId="segments-empty" />
      ) : (
        <Table testId="segment-table" caption={t('customers.tabs.segments')}>
          <thead><tr>
            <th>{t('segments.col.name')}</th><th>{t('segments.col.kind')}</th><th>{t('segments.col.methods')}</th>
            <th className="right">{t('segments.col.members')}</th><th>{t('segments.col.status')}</th>
          </tr></thead>
          <tbody>{items.map((s) => <SegmentRow key={s.id} s={s} wid={workspace.id} />)}</tbody>
        </Table>
      )}
    </div>
  );
}

function SegmentRow({ s, wid }: { s: Segment; wid: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  return (
    <tr data-testid="segment-row" data-id={s.id}>
      <td>
        <Link to={segmentPath(wid, s.id)} className="strong-link" data-testid="segment-link">{s.name}</Link>
        {s.description && <div className="muted small segment-row-description">{s.description}</div>}
      </td>
      <td><KindBadge kind={s.kind} /></td>
      <td>
        <span className="badge-list" data-testid="segment-methods">
          {SEGMENT_METHODS.filter((m) => s.methods.includes(m)).map((m) => <Badge key={m} tone={METHOD_TONE[m]}>{t(`segments.method.${m}`)}</Badge>)}
          {!s.methods.length && <span className="muted small">{t('segments.everyone')}</span>}
        </span>
      </td>
      <td className="right num" data-testid="segment-count">{formatNumber(lang, s.memberCount)}</td>
      <td><SegmentStatus s={s} /></td>
    </tr>
  );
}

export function KindBadge({ kind }: { kind: Segment['kind'] }) {
  const { t } = useTranslation();
  return <Badge tone={kind === 'live' ? 'success' : 'neutral'} testId="segment-kind" title={t(`segments.kindHint.${kind}`)}>{t(`segments.kind.${kind}`)}</Badge>;
}

/** "Building 40 %" with a bar while the first (or a full) evaluation runs; "Ready" after. */
export function SegmentStatus({ s }: { s: Segment }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (s.status !== 'building') return <span className="muted small" data-testid="segment-status" data-status="ready">{t('segments.status.ready')}</span>;
  const share = buildShare(s.progress);
  const label = t('segments.status.building', { pct: formatPercent(lang, share) });
  return (
    <div className="segment-status" data-testid="segment-status" data-status="building">
      <span className="small">{label}</span>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-bar" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
