import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkReply } from '@touchpoint/shared';
import { formatNumber } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { currentUiLanguage } from '../../lib/i18n';
import { FILLED_VARIABLES, replyLanguage } from './templates';

interface Props { text: string; language: string | null; customerName: string | null }

/**
 * The reply-quality help (the 5 Cs, empathy, positive language) as the agent types. Advice only:
 * it never stops a reply from being sent. The check runs on a deferred copy of the text, so typing
 * stays smooth on a long reply. Hints are in the UI language; the check itself follows the reply's.
 */
export function ReplyQualityPanel({ text, language, customerName }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const deferred = useDeferredValue(text);
  const replyLang = replyLanguage(language) ?? undefined;
  const result = useMemo(() => (deferred.trim()
    ? checkReply(deferred, { language: replyLang, customerName: customerName ?? undefined, filledOnSend: FILLED_VARIABLES })
    : null), [deferred, replyLang, customerName]);
  if (!result) return null;
  const allGood = result.checks.every((c) => c.ok);
  return (
    <section className="case-quality" aria-label={t('cases.quality.title')} data-testid="reply-quality">
      <div className="case-quality-head">
        <span className="case-quality-title">{t('cases.quality.title')}</span>
        <Badge tone={result.score >= 80 ? 'success' : result.score >= 50 ? 'warning' : 'danger'} testId="reply-quality-score">
          {t('cases.quality.score', { score: formatNumber(lang, result.score) })}
        </Badge>
      </div>
      <ul className="case-quality-list">
        {result.checks.map((c) => {
          const issues = c.evidence.filter((ev) => ev.kind === 'issue');
          return (
            <li key={c.key} className={c.ok ? 'case-quality-ok' : 'case-quality-tip'} data-testid="reply-quality-check" data-key={c.key} data-ok={c.ok}>
              <span className="case-quality-mark" aria-hidden="true">{c.ok ? '✓' : '!'}</span>
              <span className="case-quality-name">{t(`cases.quality.key.${c.key}`)}</span>
              <span className="sr-only">{c.ok ? t('cases.quality.passed') : t('cases.quality.failed')}</span>
              {!c.ok && c.hints.map((h) => (
                <span key={h} className="case-quality-hint" data-hint={h}>{t(`cases.quality.hint.${h}`, { defaultValue: t('cases.quality.hintFallback') })}</span>
              ))}
              {issues.length > 0 && (
                <span className="case-quality-evidence">
                  {issues.slice(0, 3).map((ev) => <q key={`${ev.start}:${ev.end}`}>{ev.text}</q>)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {allGood && <p className="muted small">{t('cases.quality.allGood')}</p>}
    </section>
  );
}
