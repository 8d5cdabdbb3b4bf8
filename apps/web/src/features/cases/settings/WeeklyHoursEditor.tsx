import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { issueText } from './issue-text';
import { MAX_SPANS, copyMondayToWeekdays, normaliseTime, weekdayName, type WeekDraft } from './team-hours';

interface Props {
  value: WeekDraft;
  onChange: (next: WeekDraft) => void;
  /** Keyed hours[d][i].from like the server's paths. */
  errors: Record<string, string>;
  readOnly: boolean;
}

/** Seven rows, Sunday first as the contract stores them, each with up to four from–to spans. */
export function WeeklyHoursEditor({ value, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const locale = INTL_LOCALE[currentUiLanguage()];
  const setDay = (d: number, spans: WeekDraft[number]) => onChange(value.map((x, i) => (i === d ? spans : x)));
  const time = (d: number, i: number, field: 'from' | 'to', label: string) => {
    const path = `hours[${d}][${i}].${field}`;
    return (
      <input className="input input-sm cases-time" inputMode="numeric" placeholder={field === 'from' ? '09:00' : '18:00'} value={value[d][i][field]}
        aria-label={label} aria-invalid={errors[path] ? true : undefined} disabled={readOnly} maxLength={5} data-testid={`hours-${d}-${i}-${field}`}
        onChange={(e) => setDay(d, value[d].map((s, j) => (j === i ? { ...s, [field]: e.target.value } : s)))}
        // Tidy what was typed ("9" → "09:00") when leaving the box; leave nonsense for the error to name.
        onBlur={(e) => { const n = normaliseTime(e.target.value); if (n && n !== e.target.value) setDay(d, value[d].map((s, j) => (j === i ? { ...s, [field]: n } : s))); }} />
    );
  };
  return (
    <div className="stack-sm" data-testid="hours-editor">
      <table className="cases-hours">
        <tbody>
          {value.map((spans, d) => {
            const day = weekdayName(locale, d);
            const messages = Object.entries(errors).filter(([p]) => p.startsWith(`hours[${d}]`)).map(([, m]) => issueText(t, m)!);
            return (
              <tr key={d} data-testid={`hours-day-${d}`}>
                <th scope="row" className="cases-hours-day">{day}</th>
                <td>
                  <div className="row-wrap">
                    {spans.length === 0 && <span className="muted small" data-testid={`hours-closed-${d}`}>{t('casesAdmin.teams.closed')}</span>}
                    {spans.map((_, i) => (
                      <span key={i} className="cases-span">
                        {time(d, i, 'from', t('casesAdmin.teams.spanFrom', { day, n: i + 1 }))}
                        <span aria-hidden="true">–</span>
                        {time(d, i, 'to', t('casesAdmin.teams.spanTo', { day, n: i + 1 }))}
                        {!readOnly && (
                          <button type="button" className="icon-btn" aria-label={t('casesAdmin.teams.removeSpan', { day, n: i + 1 })} data-testid={`hours-remove-${d}-${i}`}
                            onClick={() => setDay(d, spans.filter((__, j) => j !== i))}>×</button>
                        )}
                      </span>
                    ))}
                    {!readOnly && spans.length < MAX_SPANS && (
                      <Button size="sm" variant="ghost" testId={`hours-add-${d}`} aria-label={t('casesAdmin.teams.addSpanFor', { day })}
                        onClick={() => setDay(d, [...spans, spans.length ? { from: spans[spans.length - 1].to, to: '' } : { from: '09:00', to: '18:00' }])}>
                        + {t('casesAdmin.teams.addSpan')}
                      </Button>
                    )}
                  </div>
                  <InlineError messages={messages} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly && (
        <div>
          <Button size="sm" onClick={() => onChange(copyMondayToWeekdays(value))} testId="hours-copy-monday">{t('casesAdmin.teams.copyMonday')}</Button>
        </div>
      )}
    </div>
  );
}
