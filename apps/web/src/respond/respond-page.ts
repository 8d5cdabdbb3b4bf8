/**
 * Entry of the public survey page /s/:publicId (built to dist/public/respond.js). The server
 * embeds the survey as JSON in #tp-survey; this reads it plus the link parameters and mounts.
 */
import { pickLanguage } from '@touchpoint/shared/survey-logic';
import type { PublicSurvey } from '@touchpoint/shared';
import { cleanContext, mergeContext } from './context';
import { applyStyles } from './dom';
import { parseLinkParams } from './link-params';
import { RESPOND_CSS } from './respond.css';
import { mountSurvey } from './runner';

function start(): void {
  const data = document.getElementById('tp-survey');
  const root = document.getElementById('tp-root');
  if (!data || !root) return;
  const { survey, context } = JSON.parse(data.textContent || '{}') as { survey: PublicSurvey; context?: Record<string, unknown> };
  const link = parseLinkParams(location.href);
  const def = survey.definition;
  const language = pickLanguage(
    def.languages,
    [link.lang, ...(navigator.languages ?? [navigator.language])].filter((l): l is string => !!l),
    def.defaultLanguage,
  );
  // What the server put in the page (e.g. from a verified invite) wins over the raw link.
  const ctx = mergeContext(link.context, cleanContext(context ?? {}));
  applyStyles(document, RESPOND_CSS);
  root.removeAttribute('aria-busy');
  document.documentElement.lang = language;
  mountSurvey(root, { survey, language, context: ctx });
}

start();
