/**
 * Loading, editing and saving one survey in the builder. Keeps the server's copy and the
 * editing draft apart so "unsaved changes" is exact, and maps validation errors to field paths.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SurveyStatus } from '@touchpoint/shared';
import { api, ApiError, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import type { Survey } from '../../../lib/types';
import { toPayload, type Draft } from './builder-state';

export interface SurveyDraftState {
  survey: Survey | null;
  draft: Draft | null;
  dirty: boolean;
  loading: boolean;
  loadError: ApiError | null;
  errors: Record<string, string>;
  saving: boolean;
  statusBusy: boolean;
  edit(update: (d: Draft) => Draft, opts?: { structural?: boolean }): void;
  /** Saves (POST for a new survey, PATCH otherwise); returns the saved survey or throws. */
  save(): Promise<Survey>;
  changeStatus(next: SurveyStatus): Promise<Survey>;
}

export function useSurveyDraft(wid: string, surveyId: string | undefined, initial: () => Draft): SurveyDraftState {
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [draft, setDraft] = useState<Draft | null>(surveyId ? null : initial);
  const [dirty, setDirty] = useState(false);
  const [loading, setLoading] = useState(!!surveyId);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [statusBusy, setStatusBusy] = useState(false);

  useEffect(() => {
    if (!surveyId) return;
    const c = new AbortController();
    api<Survey>(ws(wid, 'surveys', surveyId), { signal: c.signal })
      .then((s) => { setSurvey(s); setDraft({ name: s.name, definition: s.definition }); setLoading(false); })
      .catch((err) => { if (!c.signal.aborted) { setLoadError(err instanceof ApiError ? err : null); setLoading(false); } });
    return () => c.abort();
  }, [wid, surveyId]);

  const edit = useCallback((update: (d: Draft) => Draft, opts: { structural?: boolean } = {}) => {
    setDraft((d) => (d ? update(d) : d));
    setDirty(true);
    // Errors point at question indexes; after a reorder or delete they would point at the wrong card.
    if (opts.structural) setErrors({});
  }, []);

  const save = useCallback(async () => {
    if (!draft) throw new Error('nothing to save');
    setSaving(true);
    try {
      const body = toPayload(draft);
      const saved = survey
        ? await api<Survey>(ws(wid, 'surveys', survey.id), { method: 'PATCH', body })
        : await api<Survey>(ws(wid, 'surveys'), { method: 'POST', body });
      setSurvey(saved);
      setErrors({});
      setDirty(false);
      return saved;
    } catch (err) {
      setErrors(fieldErrors(err));
      throw err;
    } finally {
      setSaving(false);
    }
  }, [draft, survey, wid]);

  const changeStatus = useCallback(async (next: SurveyStatus) => {
    setStatusBusy(true);
    try {
      const current = dirty || !survey ? await save() : survey;
      const updated = await api<Survey>(ws(wid, 'surveys', current.id, 'status'), { method: 'POST', body: { status: next } });
      setSurvey(updated);
      return updated;
    } finally {
      setStatusBusy(false);
    }
  }, [dirty, survey, save, wid]);

  return { survey, draft, dirty, loading, loadError, errors, saving, statusBusy, edit, save, changeStatus };
}
