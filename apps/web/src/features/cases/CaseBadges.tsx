/** Small labels both case pages use: priority, status, and an SLA clock with its due time. */
import { useTranslation } from 'react-i18next';
import type { CasePriority, CaseSettings, SlaState } from '@touchpoint/shared';
import { formatDateTime, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';
import { CATEGORY_TONE, PRIORITY_TONE, SLA_TONE, categoryOf, statusLabel, type SlaClock } from './case-labels';

export function PriorityBadge({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return <Badge tone={PRIORITY_TONE[priority]} testId="case-priority">{t(`cases.priority.${priority}`)}</Badge>;
}

export function StatusBadge({ status, settings }: { status: string; settings?: Pick<CaseSettings, 'statuses'> }) {
  const { t } = useTranslation();
  const cat = categoryOf(status, settings);
  return <Badge tone={cat ? CATEGORY_TONE[cat] : 'neutral'} testId="case-status">{statusLabel(t, currentUiLanguage(), status, settings)}</Badge>;
}

interface SlaProps { clock?: SlaClock; state: SlaState; dueAt: string | null; paused: boolean; now: number; showClock?: boolean }

/**
 * "Due in 2 hours" / "Breached 3 hours ago" / "Paused" beside the state, with the exact time on
 * hover. A met clock shows only its state: its due time no longer matters.
 */
export function SlaBadge({ clock, state, dueAt, paused, now, showClock }: SlaProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const running = state === 'pending' || state === 'warning';
  const when = dueAt && state !== 'met' ? formatRelative(lang, dueAt, now) : null;
  return (
    <span className="case-sla" data-testid="case-sla" data-state={state} data-paused={paused || undefined}>
      <Badge tone={SLA_TONE[state]} title={dueAt ? formatDateTime(lang, dueAt) : undefined}>
        {showClock && clock ? `${t(`cases.sla.clock.${clock}`)}: ` : ''}{t(`cases.sla.state.${state}`)}
      </Badge>
      {paused && running ? <span className="muted small">{t('cases.sla.paused')}</span>
        : when && <span className={`small ${state === 'breached' ? 'text-danger' : 'muted'}`}>{state === 'breached' ? t('cases.sla.breachedAt', { when }) : t('cases.sla.dueAt', { when })}</span>}
    </span>
  );
}
