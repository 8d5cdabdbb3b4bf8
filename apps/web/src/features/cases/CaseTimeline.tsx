import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '@touchpoint/shared';
import { formatDateTime, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Icon } from '../../ui/icons';
import { actorName, eventView, type EventNames } from './case-events';

/**
 * Everything that happened to the case, oldest first (the composer follows the newest). A time a
 * little ahead of this browser's clock (the server's is another) reads as "now", never "in 2 seconds".
 */
export function CaseTimeline({ events, names, now }: { events: CaseEvent[]; names: EventNames; now: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const items = useMemo(() => events.map((e) => ({ e, v: eventView(t, e, names) })), [events, names, t]);
  return (
    <section className="card stack" aria-labelledby="case-timeline-title" data-testid="case-timeline">
      <h2 className="card-title" id="case-timeline-title">{t('cases.timeline.title')}</h2>
      {!items.length ? <p className="muted">{t('cases.timeline.empty')}</p> : (
        <ol className="case-timeline">
          {items.map(({ e, v }) => (
            <li key={e.id} className={`case-event case-event-${v.tone}${e.kind === 'note' ? ' case-event-note' : ''}`} data-testid="case-event" data-kind={e.kind}>
              <span className="case-event-icon" aria-hidden="true"><Icon name={v.icon} /></span>
              <div className="case-event-body">
                <div className="case-event-head">
                  <span className="case-event-text">{v.text}</span>
                  <span className="muted small nowrap">
                    {actorName(t, e.actor)} · <time dateTime={e.at} title={formatDateTime(lang, e.at)}>{formatRelative(lang, e.at, Math.max(now, Date.parse(e.at) || 0))}</time>
                  </span>
                </div>
                {v.subject && <p className="case-event-subject">{v.subject}</p>}
                {v.body && <div className="case-event-message" data-testid="case-event-body">{v.body}</div>}
                {v.error && <p className="field-error" data-testid="case-event-error">{t('cases.event.error', { error: v.error })}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
