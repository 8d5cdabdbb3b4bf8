import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@touchpoint/shared';
import { formatDateTime } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { ResponseItem } from '../../../lib/types';
import { Badge, type Tone } from '../../../ui/Badge';
import { languageLabel, readerLanguage, textIn } from '../survey-text';

const npsTone = (n: number): Tone => (n <= 6 ? 'danger' : n <= 8 ? 'warning' : 'success');

/**
 * One response. Open text is rendered as React text children (escaped), in the language the
 * respondent answered in so CJK text gets the right font and line breaking.
 */
export function ResponseCard({ response: r, definition }: { response: ResponseItem; definition: SurveyDefinition }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const reader = readerLanguage(definition, lang);
  const title = (q: SurveyDefinition['questions'][number]) => textIn(q.title, reader, definition.defaultLanguage) || q.id;
  const texts = definition.questions.filter((q) => q.type === 'open_text' && typeof r.answers[q.id] === 'string' && (r.answers[q.id] as string).trim());
  const choices = definition.questions.filter((q) => q.options && r.answers[q.id] !== undefined);
  const optionLabel = (q: SurveyDefinition['questions'][number], id: string) => textIn(q.options?.find((o) => o.id === id)?.label, reader, definition.defaultLanguage) || id;

  return (
    <li className="response" data-testid="response-item">
      <div className="response-head">
        {r.nps !== null && <Badge tone={npsTone(r.nps)} testId="response-nps" title={t('kpi.nps')}>NPS {r.nps}</Badge>}
        {r.csat !== null && <Badge tone="info" title={t('kpi.csat')}>CSAT {r.csat}</Badge>}
        {r.ces !== null && <Badge tone="info" title={t('kpi.ces')}>CES {r.ces}</Badge>}
        {r.status === 'partial' && <Badge tone="warning">{t('responses.partial')}</Badge>}
        <span className="muted small">{t(`channels.${r.channel}`, { defaultValue: r.channel })}</span>
        {r.language && <span className="muted small">· {languageLabel(r.language)}</span>}
        {r.touchpoint && <span className="muted small">· {r.touchpoint}</span>}
        <time className="muted small response-time" dateTime={r.createdAt}>{formatDateTime(lang, r.createdAt)}</time>
      </div>
      {texts.map((q) => (
        <blockquote key={q.id} className="response-text">
          <span className="response-q">{title(q)}</span>
          <p lang={r.language ?? undefined} data-testid="response-text">{r.answers[q.id] as string}</p>
        </blockquote>
      ))}
      {choices.length > 0 && (
        <p className="response-choices small muted">
          {choices.map((q) => {
            const v = r.answers[q.id];
            const ids = Array.isArray(v) ? v : [String(v)];
            return <span key={q.id}><span className="response-choice-q">{title(q)}</span> <strong>{ids.map((id) => optionLabel(q, id)).join(', ')}</strong></span>;
          })}
        </p>
      )}
      {(r.customerExternalId || r.orderId) && (
        <p className="small muted mono">{[r.customerExternalId, r.orderId].filter(Boolean).join(' · ')}</p>
      )}
    </li>
  );
}
