import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type QuestionType, type SurveyStatus } from '@touchpoint/shared';
import { ApiError, ws } from '../../../lib/api';
import type { WorkspaceDetail } from '../../../lib/types';
import { useApi } from '../../../lib/use-api';
import { errorsUnder } from '../../../lib/errors';
import { issueLine, issueText } from './issue-text';
import { currentUiLanguage } from '../../../lib/i18n';
import { Link, navigate } from '../../../app/router';
import { PageHeader } from '../../../app/Shell';
import { useWorkspace } from '../../../app/workspace-context';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { Icon } from '../../../ui/icons';
import { Loading } from '../../../ui/Spinner';
import { useToast } from '../../../ui/Toast';
import { STATUS_TONE, readerLanguage, textIn } from '../survey-text';
import { addQuestion, conditionTargets, moveQuestion, removeQuestion, setLanguages, toPayload, updateQuestion } from './builder-state';
import { defaultTitle, initialDraft, withDefaultTexts } from './builder-defaults';
import { ErrorSummary } from './ErrorSummary';
import { LanguageSettings } from './LanguageSettings';
import { LocalizedInput } from './LocalizedInput';
import { OptionalText } from './OptionalText';
import { QuestionEditor } from './QuestionEditor';
import { StatusActions } from './StatusActions';
import { SurveyPreview } from './SurveyPreview';
import { useSurveyDraft } from './use-survey-draft';

/**
 * /surveys/new and /surveys/:sid/edit. A new survey starts in the workspace's default language,
 * so that is loaded first.
 */
export function BuilderPage({ surveyId }: { surveyId?: string }) {
  const { workspace } = useWorkspace();
  const settings = useApi<WorkspaceDetail>(surveyId ? null : ws(workspace.id));
  if (surveyId) return <BuilderEditor surveyId={surveyId} startLanguage="en" />;
  if (settings.loading && !settings.data) return <Loading />;
  return <BuilderEditor startLanguage={settings.data?.settings.defaultLanguage ?? currentUiLanguage()} />;
}

/** The editor on the left, the live preview on the right. */
function BuilderEditor({ surveyId, startLanguage }: { surveyId?: string; startLanguage: string }) {
  const { t } = useTranslation();
  const uiLang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const toast = useToast();
  const state = useSurveyDraft(workspace.id, surveyId, () => initialDraft(startLanguage));
  const { draft, survey, errors, edit } = state;
  const [addType, setAddType] = useState<QuestionType>('open_text');
  const previewDefinition = useMemo(() => (draft ? toPayload(draft).definition : null), [draft]);

  // Leaving with unsaved edits asks first (browser dialog); in-app links are not intercepted.
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  if (state.loading) return <Loading />;
  if (!draft || !previewDefinition) {
    return <EmptyState title={t('errors.loadFailed')} text={state.loadError?.message} action={<Button onClick={() => navigate(`/w/${workspace.id}/surveys`)}>{t('builder.backToSurveys')}</Button>} />;
  }

  const def = draft.definition;
  const readerLang = readerLanguage(def, uiLang);
  const titleOf = (q: (typeof def.questions)[number]) => textIn(q.title, readerLang, def.defaultLanguage);
  const readOnly = !can('surveys.write');
  const issues = (path: string) => errorsUnder(errors, path).map((line) => issueLine(t, line));

  function reportFailure(err: unknown) {
    if (err instanceof ApiError && err.code === 'validation_failed') toast.error(t('builder.fixErrors', { count: Math.max(1, err.details.length) }));
    else toast.error(err);
  }

  async function onSave() {
    try {
      const saved = await state.save();
      toast.success(t('builder.saved'));
      if (!surveyId) navigate(`/w/${workspace.id}/surveys/${saved.id}/edit`, { replace: true });
    } catch (err) { reportFailure(err); }
  }

  async function onStatus(next: SurveyStatus) {
    try {
      const updated = await state.changeStatus(next);
      toast.success(t(`builder.statusChanged.${updated.status}`));
      if (!surveyId) navigate(`/w/${workspace.id}/surveys/${updated.id}/edit`, { replace: true });
    } catch (err) { reportFailure(err); }
  }

  function onAdd() {
    edit((d) => {
      const next = addQuestion(d.definition, addType);
      const last = next.questions.length - 1;
      next.questions[last] = { ...next.questions[last], title: defaultTitle(addType, d.definition.languages) };
      return { ...d, definition: next };
    }, { structural: true });
  }

  const status = survey?.status ?? 'draft';
  const base = `/w/${workspace.id}/surveys`;

  return (
    <>
      <PageHeader
        back={{ to: base, label: t('nav.surveys') }}
        title={draft.name.trim() || t('builder.untitled')}
        subtitle={
          <span className="inline-meta">
            <Badge tone={STATUS_TONE[status]} testId="survey-status">{t(`surveyStatus.${status}`)}</Badge>
            {state.dirty && <span className="muted" data-testid="unsaved">{t('builder.unsaved')}</span>}
            {survey && can('surveys.distribute') && <Link to={`${base}/${survey.id}/share`}>{t('surveys.share')}</Link>}
            {survey && <Link to={`${base}/${survey.id}/results`}>{t('surveys.results')}</Link>}
          </span>
        }
        actions={!readOnly && (
          <>
            <Button onClick={onSave} busy={state.saving} disabled={!state.dirty && !!survey} testId="save-survey">{t('common.save')}</Button>
            <StatusActions status={status} busy={state.statusBusy} onChange={onStatus} />
          </>
        )}
      />
      <div className="builder">
        {/* Read-only roles see the survey as the editor shows it, with every control disabled. */}
        <fieldset className="builder-main" disabled={readOnly}>
          <ErrorSummary errors={errors} />
          <section className="card stack" aria-label={t('builder.basics')}>
            <Field label={t('builder.surveyName')} error={errors.name && issueText(t, errors.name)}>
              {(p) => <input {...p} className="input input-lg" value={draft.name} maxLength={200} placeholder={t('builder.namePlaceholder')}
                onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))} data-testid="survey-name-input" />}
            </Field>
            <LanguageSettings
              languages={def.languages}
              defaultLanguage={def.defaultLanguage}
              errors={[...issues('definition.languages'), ...issues('definition.defaultLanguage')]}
              onLanguages={(languages) => edit((d) => ({ ...d, definition: withDefaultTexts(setLanguages(d.definition, languages), d.definition.languages) }))}
              onDefault={(defaultLanguage) => edit((d) => ({ ...d, definition: { ...d.definition, defaultLanguage } }))}
            />
            <OptionalText summary={t('builder.addIntro')} label={t('builder.intro')} languages={def.languages} value={def.intro} testId="survey-intro"
              errors={issues('definition.intro')} onChange={(intro) => edit((d) => ({ ...d, definition: { ...d.definition, intro } }))} />
          </section>

          <h2 className="section-title">{t('builder.questions')}</h2>
          <div className="stack" data-testid="question-list">
            {def.questions.map((q, i) => (
              <QuestionEditor
                key={i}
                question={q}
                index={i}
                count={def.questions.length}
                languages={def.languages}
                takenIds={def.questions.map((x) => x.id)}
                targets={conditionTargets(def, i)}
                titleOf={titleOf}
                errors={errors}
                onChange={(next) => edit((d) => ({ ...d, definition: updateQuestion(d.definition, i, next) }))}
                onMove={(delta) => edit((d) => ({ ...d, definition: moveQuestion(d.definition, i, delta) }), { structural: true })}
                onRemove={() => edit((d) => ({ ...d, definition: removeQuestion(d.definition, i) }), { structural: true })}
              />
            ))}
          </div>
          <div className="add-question card">
            <label htmlFor="add-type" className="muted">{t('builder.addQuestionOfType')}</label>
            <select id="add-type" className="input select" value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)} data-testid="add-question-type">
              {QUESTION_TYPES.map((type) => <option key={type} value={type}>{t(`questionTypes.${type}`)}</option>)}
            </select>
            <Button variant="primary" icon={<Icon name="plus" />} onClick={onAdd} disabled={def.questions.length >= 100} testId="add-question">{t('builder.addQuestion')}</Button>
          </div>

          <section className="card" aria-label={t('builder.thankYou')}>
            <LocalizedInput label={t('builder.thankYou')} languages={def.languages} value={def.thankYou} multiline testId="thank-you"
              errors={issues('definition.thankYou')}
              onChange={(thankYou) => edit((d) => ({ ...d, definition: { ...d.definition, thankYou } }))} />
          </section>
        </fieldset>
        <SurveyPreview name={draft.name} definition={previewDefinition} />
      </div>
    </>
  );
}
