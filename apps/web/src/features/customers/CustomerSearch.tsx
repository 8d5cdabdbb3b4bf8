import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery, ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { formatMoney } from '../../lib/format';
import { MAX_QUERY } from './url-state';
import { SEARCH_DEBOUNCE_MS, SEARCH_LIMIT, customerPath, useDebounced, type SummaryRow } from './use-customer-data';

/**
 * The search box (debounced into the URL's ?q=) and the people it finds; without a query, the
 * people seen most recently. Names match in either Chinese script: the server folds them.
 */
export function CustomerSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace } = useWorkspace();
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim().slice(0, MAX_QUERY), SEARCH_DEBOUNCE_MS);
  // The URL leads (back/forward, a pasted link); the box follows it unless the user is mid-typing.
  const lastPushed = useRef(q);
  useEffect(() => {
    if (q !== lastPushed.current) { lastPushed.current = q; setText(q); }
  }, [q]);
  // Only a change of the debounced text searches: the parent's callback is new on every render.
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => {
    if (typed === lastPushed.current) return;
    lastPushed.current = typed;
    search.current(typed);
  }, [typed]);

  const results = useApi<Items<SummaryRow>>(withQuery(ws(workspace.id, 'customers'), { q: q || undefined, limit: SEARCH_LIMIT }));
  const rows = results.data?.items ?? [];

  return (
    <div className="stack">
      <form className="customer-search" role="search" onSubmit={(e) => { e.preventDefault(); lastPushed.current = text.trim(); onSearch(text.trim().slice(0, MAX_QUERY)); }}>
        <label className="sr-only" htmlFor="customer-q">{t('customers.search.label')}</label>
        <input id="customer-q" type="search" className="input" value={text} maxLength={MAX_QUERY} autoComplete="off"
          placeholder={t('customers.search.placeholder')} onChange={(e) => setText(e.target.value)} data-testid="customer-search" />
      </form>
      <p className="muted small" data-testid="customer-results-caption">
        {q ? t('customers.search.resultsFor', { q }) : t('customers.search.recent')}
      </p>
      {results.error && !rows.length ? (
        <EmptyState title={t('errors.loadFailed')} text={errorText(t, results.error)} testId="customer-error"
          action={<Button onClick={() => void results.reload()}>{t('common.retry')}</Button>} />
      ) : results.loading && !results.data ? <Loading testId="customer-loading" /> : !rows.length ? (
        <EmptyState title={q ? t('customers.search.noneTitle') : t('customers.search.nobodyTitle')}
          text={q ? t('customers.search.noneText') : t('customers.search.nobodyText')} testId="customer-empty" />
      ) : (
        <Table testId="customer-table" caption={t('customers.title')}>
          <thead><tr>
            <th>{t('customers.field.name')}</th><th>{t('customers.field.email')}</th><th>{t('customers.field.phone')}</th>
            <th>{t('customers.field.lastSeen')}</th><th className="right">{t('customers.field.orders')}</th>
            <th className="right">{t('customers.field.clv')}</th><th className="right">{t('customers.field.latestNps')}</th>
          </tr></thead>
          <tbody aria-busy={results.loading || undefined}>
            {rows.map((c) => (
              <tr key={c.id} data-testid="customer-row" data-id={c.id}>
                <td><Link to={customerPath(workspace.id, c.id)} className="strong-link" data-testid="customer-link">{c.name ?? t('customers.unnamed')}</Link></td>
                <td className="muted">{c.email ?? '–'}</td>
                <td className="muted nowrap">{c.phone ?? '–'}</td>
                <td className="muted nowrap">{c.lastSeenAt ? <time dateTime={c.lastSeenAt} title={c.lastSeenAt}>{formatRelative(lang, c.lastSeenAt)}</time> : '–'}</td>
                <td className="right num">{formatNumber(lang, c.orderCount)}</td>
                <td className="right num nowrap" data-testid="customer-clv">{formatMoney(lang, c.clv, c.currency)}</td>
                <td className="right num">{c.latestNps ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
