import { useTranslation } from 'react-i18next';
import { SENTIMENT_LABELS, type CaseDetail, type CaseLinkedResponse, type Theme } from '@touchpoint/shared';
import { formatDateTime, formatNumber, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { Badge, type Tone } from '../../ui/Badge';
import { themeLabel } from './case-labels';
import { SlaBadge } from './CaseBadges';

/** Both SLA clocks: state, due time, and whether they stand still while waiting on the customer. */
export function SlaPanel({ c, now }: { c: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const rows = [
    { clock: 'firstResponse' as const, state: c.sla.firstResponse, dueAt: c.sla.firstResponseDueAt, doneAt: c.firstRespondedAt },
    { clock: 'resolution' as const, state: c.sla.resolution, dueAt: c.sla.resolutionDueAt, doneAt: c.resolvedAt ?? c.closedAt },
  ];
  return (
    <section className="card stack-sm" aria-labelledby="case-sla-title" data-testid="case-sla-panel">
      <h2 className="card-title" id="case-sla-title">{t('cases.sla.title')}</h2>
      {c.sla.paused && <p className="notice notice-warning small" data-testid="case-sla-paused">{t('cases.sla.pausedWaiting')}</p>}
      <dl className="case-facts">
        {rows.map((r) => (
          <div key={r.clock} data-testid={`case-sla-${r.clock}`}>
            <dt>{t(`cases.sla.clock.${r.clock}`)}</dt>
            <dd>
              <SlaBadge state={r.state} dueAt={r.dueAt} paused={c.sla.paused} now={now} />
              <span className="muted small">
                {r.doneAt ? t('cases.sla.doneAt', { time: formatDateTime(lang, r.doneAt) }) : r.dueAt ? t('cases.sla.dueTime', { time: formatDateTime(lang, r.dueAt) }) : t('cases.sla.noTarget')}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CustomerPanel({ wid, c }: { wid: string; c: CaseDetail }) {
  const { t } = useTranslation();
  const cu = c.customer;
  return (
    <section className="card stack-sm" aria-labelledby="case-customer-title" data-testid="case-customer">
      <h2 className="card-title" id="case-customer-title">{t('cases.customer.title')}</h2>
      <dl className="case-facts">
        <div><dt>{t('cases.customer.name')}</dt><dd data-testid="case-customer-name">{cu.name ?? <span className="muted">{t('cases.customer.noName')}</span>}</dd></div>
        <div><dt>{t('cases.customer.email')}</dt><dd>{cu.email ? <a href={`mailto:${cu.email}`}>{cu.email}</a> : <span className="muted">{t('cases.customer.noEmail')}</span>}</dd></div>
        <div><dt>{t('cases.customer.language')}</dt><dd>{c.language ? t(`cases.language.${c.language}`, { defaultValue: c.language }) : '–'}</dd></div>
      </dl>
      {cu.profileId && <Link to={`/w/${wid}/customers/${encodeURIComponent(cu.profileId)}`} data-testid="case-customer-link">{t('cases.customer.profile')} →</Link>}
    </section>
  );
}

const SENTIMENT_TONE: Record<(typeof SENTIMENT_LABELS)[number], Tone> = { negative: 'danger', neutral: 'neutral', positive: 'success' };

/** The answers behind the case (and the re-survey's, marked), with their scores and analysed texts. */
export function ResponsesPanel({ responses, themes }: { responses: CaseLinkedResponse[]; themes: Theme[] }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  return (
    <section className="card stack-sm" aria-labelledby="case-responses-title" data-testid="case-responses">
      <h2 className="card-title" id="case-responses-title">{t('cases.responses.title')}</h2>
      {!responses.length && <p className="muted small">{t('cases.responses.empty')}</p>}
      <ul className="case-responses">
        {responses.map((r) => (
          <li key={r.id} className="case-response" data-testid="case-response" data-resurvey={r.resurvey || undefined}>
            <div className="row-between">
              <span className="case-response-survey">{r.surveyName ?? t('cases.responses.survey')}</span>
              {r.resurvey && <Badge tone="accent" testId="case-response-resurvey">{t('cases.responses.resurvey')}</Badge>}
            </div>
            <span className="muted small">{formatDateTime(lang, r.createdAt)}</span>
            <span className="badge-list">
              {r.nps !== null && <Badge tone={r.nps >= 9 ? 'success' : r.nps >= 7 ? 'warning' : 'danger'}>NPS {formatNumber(lang, r.nps)}</Badge>}
              {r.csat !== null && <Badge tone={r.csat >= 4 ? 'success' : r.csat >= 3 ? 'warning' : 'danger'}>CSAT {formatNumber(lang, r.csat)}</Badge>}
              {r.ces !== null && <Badge tone={r.ces <= 3 ? 'success' : r.ces <= 4 ? 'warning' : 'danger'}>CES {formatNumber(lang, r.ces)}</Badge>}
            </span>
            {r.texts.map((x, i) => {
              const label = SENTIMENT_LABELS.find((s) => s === x.label);
              return (
                <blockquote key={i} className="case-response-text">
                  <p>{x.text}</p>
                  <span className="badge-list">
                    {label && <Badge tone={SENTIMENT_TONE[label]} testId="case-response-sentiment" title={x.sentiment !== null ? formatSigned(lang, x.sentiment, 2) : undefined}>{t(`cases.sentiment.${label}`)}</Badge>}
                    {x.themes.map((th) => <span key={th} className="case-tag case-tag-static">{themeLabel(t, lang, th, themes)}</span>)}
                  </span>
                </blockquote>
              );
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
