import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentDefinition, SegmentPreview as Preview } from '@touchpoint/shared';
import { api, ApiError, ws } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { Spinner } from '../../ui/Spinner';
import { customerPath, useDebounced } from './use-customer-data';

export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The live count of a definition being edited: edits settle for 400 ms, then one POST /preview
 * (the previous request aborted). `definition` is null while the draft is incomplete. The server's
 * field errors go back to the page, which shows each next to its condition. A new `refresh` (members
 * moved, said the stream) counts again, so the preview never lags behind the saved count.
 */
export function SegmentPreview({ wid, definition, onErrors, refresh = 0 }: { wid: string; definition: SegmentDefinition | null; onErrors: (errors: Record<string, string>) => void; refresh?: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const key = useDebounced(definition ? JSON.stringify(definition) : '', PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<{ preview?: Preview; error?: unknown; loading: boolean }>({ loading: false });
  const report = useRef(onErrors);
  report.current = onErrors;

  useEffect(() => {
    if (!key) { setState({ loading: false }); return; }
    const c = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<Preview>(ws(wid, 'segments', 'preview'), { method: 'POST', body: { definition: JSON.parse(key) }, signal: c.signal })
      .then((preview) => { setState({ preview, loading: false }); report.current({}); })
      .catch((error: unknown) => {
        if (c.signal.aborted) return;
        setState({ error, loading: false });
        if (error instanceof ApiError && error.status === 400) report.current(fieldErrors(error));
      });
    return () => c.abort();
  }, [wid, key, refresh]);

  const p = state.preview;
  let text: string;
  if (!definition) text = t('segments.preview.incomplete');
  else if (state.error && !state.loading) text = state.error instanceof ApiError && state.error.status === 400 ? t('segments.preview.invalid') : errorText(t, state.error);
  else if (!p) text = t('segments.preview.counting');
  else if (p.exact) text = t('segments.preview.exact', { count: p.count, n: formatNumber(lang, p.count) });
  else text = t('segments.preview.estimate', { count: p.count, n: formatNumber(lang, p.count), share: formatPercent(lang, p.people ? p.evaluated / p.people : 0), people: formatNumber(lang, p.people) });

  return (
    <aside className="card stack-sm segment-preview" aria-labelledby="segment-preview-title" data-testid="segment-preview">
      <h2 className="card-title" id="segment-preview-title">{t('segments.preview.title')}</h2>
      <p className={p && definition && !state.error ? 'segment-preview-count' : 'segment-preview-note'} aria-live="polite" aria-busy={state.loading || undefined} data-testid="segment-preview-count" data-exact={p ? String(p.exact) : undefined}>
        {text}{state.loading && <> <Spinner size={14} /></>}
      </p>
      {definition && p && !state.error && (
        p.sample.length ? (
          <>
            <p className="muted small">{t('segments.preview.sample')}</p>
            <ul className="plain-list segment-sample" data-testid="segment-preview-sample">
              {p.sample.map((s) => <li key={s.id}><Link to={customerPath(wid, s.id)} className="strong-link">{s.name ?? t('customers.unnamed')}</Link></li>)}
            </ul>
          </>
        ) : <p className="muted small">{t('segments.preview.nobody')}</p>
      )}
    </aside>
  );
}
