import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@touchpoint/shared';
import { mountSurvey } from '../../../respond/runner';
import { applyStyles } from '../../../respond/dom';
import { RESPOND_CSS } from '../../../respond/respond.css';
import { languageLabel } from '../survey-text';

let stylesAdded = false;
/** Rebuilding the preview on every keystroke would flicker and steal nothing but CPU: wait a beat. */
const PREVIEW_DELAY_MS = 250;

/**
 * The respondent experience, live: the same runner as the public page and the widget, in
 * preview mode (no network). Remounts when the definition or the chosen language changes.
 */
export function SurveyPreview({ name, definition }: { name: string; definition: SurveyDefinition }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [language, setLanguage] = useState(definition.defaultLanguage);
  const [failed, setFailed] = useState(false);
  const lang = definition.languages.includes(language) ? language : definition.defaultLanguage;

  useEffect(() => {
    if (!stylesAdded) { applyStyles(document, RESPOND_CSS); stylesAdded = true; }
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el || !definition.questions.length) return;
    let mounted: { destroy(): void } | null = null;
    const timer = setTimeout(() => {
      try {
        mounted = mountSurvey(el, { survey: { publicId: 'preview', name: name || t('builder.untitled'), status: 'live', definition }, language: lang, preview: true, embedded: true });
        setFailed(false);
      } catch {
        // An half-edited survey (e.g. a follow-up naming a deleted question) may not render yet.
        setFailed(true);
      }
    }, PREVIEW_DELAY_MS);
    return () => { clearTimeout(timer); mounted?.destroy(); };
  }, [name, definition, lang, t]);

  return (
    <aside className="preview" aria-label={t('builder.preview')} data-testid="survey-preview">
      <div className="preview-bar">
        <h2 className="preview-title">{t('builder.preview')}</h2>
        <label className="sr-only" htmlFor="preview-language">{t('builder.previewLanguage')}</label>
        <select id="preview-language" className="input select input-sm" value={lang} onChange={(e) => setLanguage(e.target.value)} data-testid="preview-language">
          {definition.languages.map((l) => <option key={l} value={l}>{languageLabel(l)}</option>)}
        </select>
      </div>
      <div className="preview-frame">
        {!definition.questions.length ? <p className="muted center">{t('builder.previewEmpty')}</p>
          : failed ? <p className="muted center">{t('builder.previewFailed')}</p> : null}
        <div ref={host} hidden={failed || !definition.questions.length} />
      </div>
    </aside>
  );
}
