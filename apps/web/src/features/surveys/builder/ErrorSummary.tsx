import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { friendlyField, issueText } from './issue-text';

/** "definition.questions[2].options" → "Question 3 · options" (what a person can find on screen). */
export function describePath(t: TFunction, path: string): string {
  const q = /^definition\.questions\[(\d+)\]\.?(.*)$/.exec(path);
  if (q) return [t('builder.questionN', { n: Number(q[1]) + 1 }), q[2] && friendlyField(t, q[2])].filter(Boolean).join(' · ');
  if (path === 'name') return t('builder.surveyName');
  if (path.startsWith('definition.thankYou')) return t('builder.thankYou');
  if (path.startsWith('definition.languages') || path.startsWith('definition.defaultLanguage')) return t('builder.languages');
  return path || t('builder.survey');
}

export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" data-testid="builder-errors">
      <p className="error-summary-title">{t('builder.fixErrors', { count: entries.length })}</p>
      <ul>
        {entries.map(([path, message]) => {
          const q = /^definition\.questions\[(\d+)\]/.exec(path);
          const where = <strong>{describePath(t, path)}</strong>;
          // A link to the question card: keyboard users land on it, sighted ones see it scroll into view.
          return <li key={path}>{q ? <a href={`#q-${q[1]}-heading`}>{where}</a> : where}: {issueText(t, message)}</li>;
        })}
      </ul>
    </div>
  );
}
