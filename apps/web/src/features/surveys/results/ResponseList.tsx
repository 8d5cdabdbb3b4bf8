import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@touchpoint/shared';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { useToast } from '../../../ui/Toast';
import { ResponseCard } from './ResponseCard';
import { ResponseFiltersBar } from './ResponseFiltersBar';
import { NO_FILTERS, useResponses, type ResponseFilters } from './use-responses';

interface Props {
  wid: string;
  surveyId: string;
  definition: SurveyDefinition;
  /** Bumped by the results page on live events: new responses are fetched and added on top. */
  liveTick: number;
}

/** Latest responses with filters and "load more". */
export function ResponseList({ wid, surveyId, definition, liveTick }: Props) {
    const { t } = useTranslation();
    const toast = useToast();
    const [filters, setFilters] = useState<ResponseFilters>(NO_FILTERS);
    const list = useResponses(wid, surveyId, filters);
    const { refreshLatest } = list;
    const handledTick = useRef(liveTick);
    useEffect(() => {
      if (liveTick === handledTick.current) return; // a filter change alone already refetched
      handledTick.current = liveTick;
      refreshLatest().catch(() => { /* the next event or a reload catches up */ });
    }, [liveTick, refreshLatest]);
    const hasNps = definition.questions.some((q) => q.type === 'nps');
    const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

    return (
      <section className="card stack" aria-labelledby="latest-heading">
        <div className="row-between">
          <h2 className="card-title" id="latest-heading">{t('responses.latest')}</h2>
          {filtered && <Button size="sm" variant="ghost" onClick={() => setFilters(NO_FILTERS)} testId="clear-filters">{t('responses.clearFilters')}</Button>}
        </div>
        <ResponseFiltersBar value={filters} onChange={setFilters} languages={definition.languages} hasNps={hasNps} />
        {list.loading ? <Loading /> : list.error ? (
          <EmptyState title={t('errors.loadFailed')} />
        ) : !list.items.length ? (
          <EmptyState title={filtered ? t('responses.noMatches') : t('responses.none')} testId="responses-empty" />
        ) : (
          <ul className="response-list" data-testid="response-list" aria-busy={list.loadingMore}>
            {list.items.map((r) => <ResponseCard key={r.id} response={r} definition={definition} />)}
          </ul>
        )}
        {list.hasMore && !list.loading && (
          <div className="center">
            <Button busy={list.loadingMore} onClick={() => list.loadMore().catch((err) => toast.error(err))} testId="load-more">{t('common.loadMore')}</Button>
          </div>
        )}
      </section>
    );
}
