import { useTranslation } from 'react-i18next';
import type { TextAnalysisItem } from '@touchpoint/shared';
import { formatDate, formatNumber, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge, type Tone } from '../../ui/Badge';
import { highlightItem } from './highlight';
import { bandOf } from './url-state';

const SENTIMENT_TONE: Record<string, Tone> = { positive: 'success', neutral: 'neutral', negative: 'danger' };
const BAND_TONE: Record<string, Tone> = { promoter: 'success', passive: 'warning', detractor: 'danger' };
const CUES = ['anger', 'frustration', 'urgency'] as const;

/**
 * One analysed answer. The text is untrusted: it is rendered as React text nodes in <span>/<mark>
 * elements cut by highlight.ts, never as HTML.
 */
export function TextItem({ item, surveyName, onTheme }: { item: TextAnalysisItem; surveyName?: string; onTheme: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const band = bandOf(item.nps);
  return (
    <li className="text-item card" data-testid="text-item" data-sentiment={item.sentiment.label} data-language={item.language}>
      <p className="text-body" lang={item.language === 'other' ? undefined : item.language} data-testid="text-body">
        {highlightItem(item).map((s) => (s.mark
          ? <mark key={s.start} className={`hl hl-${s.mark.label ?? 'phrase'}`} data-testid="text-mark" data-kind={s.mark.kind} data-label={s.mark.label ?? ''}
              title={s.mark.kind === 'aspect' ? t('text.item.aspect', { label: t(`text.sentiment.${s.mark.label ?? 'neutral'}`) }) : t('text.item.keyPhrase')}>{s.text}</mark>
          : <span key={s.start}>{s.text}</span>))}
      </p>
      <div className="text-meta small">
        <Badge tone={SENTIMENT_TONE[item.sentiment.label]} testId="text-sentiment">
          {t(`text.sentiment.${item.sentiment.label}`)} {formatSigned(lang, item.sentiment.score, 2)}
        </Badge>
        <Badge testId="text-language">{t(`text.language.${item.language}`)}</Badge>
        {item.nps !== null && band && <Badge tone={BAND_TONE[band]} testId="text-nps" title={t(`text.band.${band}`)}>{t('text.item.nps', { n: formatNumber(lang, item.nps) })}</Badge>}
        {CUES.filter((c) => item.cues[c]).map((c) => <Badge key={c} tone="warning" testId={`text-cue-${c}`}>{t(`text.cue.${c}`)}</Badge>)}
        {item.themes.map((th) => (
          <button key={th.id} type="button" className="theme-tag" onClick={() => onTheme(th.id)} data-testid="text-theme" title={t('text.item.filterTheme')}>{th.name}</button>
        ))}
        <span className="text-date muted">
          {surveyName && <span className="text-survey">{surveyName} · </span>}
          <time dateTime={item.createdAt}>{formatDate(lang, item.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}
