import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge, type Tone } from '../../ui/Badge';
import { openTextLimit } from './query-plan';
import type { TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';

const npsTone = (n: number): Tone => (n <= 6 ? 'danger' : n <= 8 ? 'warning' : 'success');

/** The newest free-text answers under the filters; text is rendered as text, in its own language. */
export function OpenTextTile({ tile, items }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!items) return null;
  if (!items.length) return <TileEmpty text={t('dashboards.empty.openText')} />;
  return (
    <ul className="comments" data-testid="open-text-list">
      {items.slice(0, openTextLimit(tile)).map((x) => (
        <li key={`${x.responseId}-${x.questionId}`} className="comment">
          <p className="comment-text" lang={x.language ?? undefined}>{x.text}</p>
          <p className="comment-meta small muted">
            {x.nps !== null && <Badge tone={npsTone(x.nps)} title={t('kpi.nps')}>NPS {x.nps}</Badge>}
            <span className="comment-survey">{x.surveyName}</span>
            <span>· {t(`channels.${x.channel}`, { defaultValue: x.channel })}</span>
            <time dateTime={x.createdAt} className="comment-time">{formatRelative(lang, x.createdAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
