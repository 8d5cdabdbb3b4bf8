import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@touchpoint/shared';
import { api, withQuery, ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { customerPath } from './use-customer-data';

export const MEMBERS_PAGE = 50;
interface Page { items: CustomerSummary[]; nextCursor: string | null }

/**
 * The people in a segment, a page at a time ("Load more" follows the cursor). A new `version`
 * (members moved) fetches the first page again rather than patching pages already shown.
 */
export function SegmentMembers({ wid, id, version }: { wid: string; id: string; version: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const [items, setItems] = useState<CustomerSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; more: boolean; error?: unknown }>({ loading: true, more: false });
  const current = useRef<AbortController | null>(null);
  const path = ws(wid, 'segments', id, 'members');

  const load = useCallback(async (cursor: string | null) => {
    current.current?.abort();
    const c = new AbortController();
    current.current = c;
    setState((s) => ({ ...s, loading: !cursor, more: !!cursor }));
    try {
      const page = await api<Page>(withQuery(path, { limit: MEMBERS_PAGE, cursor }), { signal: c.signal });
      if (c.signal.aborted) return;
      setItems((prev) => (cursor ? [...prev, ...page.items.filter((p) => !prev.some((x) => x.id === p.id))] : page.items));
      setNext(page.nextCursor);
      setState({ loading: false, more: false });
    } catch (error) {
      if (!c.signal.aborted) setState({ loading: false, more: false, error });
    }
  }, [path]);

  useEffect(() => {
    void load(null);
    return () => current.current?.abort();
  }, [load, version]);

  let body;
  if (state.error && !items.length) body = <EmptyState title={t('errors.loadFailed')} text={errorText(t, state.error)} action={<Button onClick={() => void load(null)}>{t('common.retry')}</Button>} />;
  else if (state.loading && !items.length) body = <Loading />;
  else if (!items.length) body = <EmptyState title={t('segments.members.noneTitle')} text={t('segments.members.noneText')} testId="segment-members-empty" />;
  else body = (
    <>
      <Table testId="segment-members" caption={t('segments.members.title')}>
        <thead><tr>
          <th>{t('customers.field.name')}</th><th>{t('customers.field.email')}</th><th>{t('customers.field.lastSeen')}</th>
          <th className="right">{t('customers.field.orders')}</th><th className="right">{t('customers.field.latestNps')}</th>
        </tr></thead>
        <tbody aria-busy={state.loading || undefined}>
          {items.map((c) => (
            <tr key={c.id} data-testid="segment-member" data-id={c.id}>
              <td><Link to={customerPath(wid, c.id)} className="strong-link">{c.name ?? t('customers.unnamed')}</Link></td>
              <td className="muted">{c.email ?? '–'}</td>
              <td className="muted nowrap">{c.lastSeenAt ? <time dateTime={c.lastSeenAt}>{formatRelative(lang, c.lastSeenAt)}</time> : '–'}</td>
              <td className="right num">{formatNumber(lang, c.orderCount)}</td>
              <td className="right num">{c.latestNps ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {next && (
        <div className="row-center">
          <Button onClick={() => void load(next)} busy={state.more} testId="segment-members-more">{t('common.loadMore')}</Button>
        </div>
      )}
    </>
  );
  return (
    <section className="card stack" aria-labelledby="segment-members-title">
      <h2 className="card-title" id="segment-members-title">{t('segments.members.title')}</h2>
      {body}
    </section>
  );
}
