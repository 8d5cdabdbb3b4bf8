import { useTranslation } from 'react-i18next';
import type { ReviewSentiment } from '@touchpoint/shared';
import { formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';
import { sentimentKey, sentimentTone } from './competitors-data';

/** Overall sentiment of a set of reviews: a word and the mean score (−1…+1). */
export function SentimentBadge({ s, testId }: { s: ReviewSentiment; testId?: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const key = sentimentKey(s.mean);
  return (
    <Badge tone={sentimentTone(s)} testId={testId} title={t('competitors.sentiment.hint', { n: s.n })}>
      {t(`competitors.sentiment.${key}`)}{s.mean !== null && ` ${formatSigned(lang, s.mean, 2)}`}
    </Badge>
  );
}
