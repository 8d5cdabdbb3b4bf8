import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { addHoliday } from './team-hours';

/** Days off when no SLA clock runs: a date picker to add, a chip per day to remove. */
export function HolidaysEditor({ value, onChange, errors, readOnly }: { value: string[]; onChange: (next: string[]) => void; errors: string[]; readOnly: boolean }) {
  const { t } = useTranslation();
  // A holiday is a calendar day, not an instant: formatted in UTC so no zone moves it.
  const dayFormat = new Intl.DateTimeFormat(INTL_LOCALE[currentUiLanguage()], { dateStyle: 'medium', timeZone: 'UTC' });
  const [day, setDay] = useState('');
  // A form inside the team's form is not allowed, so Enter in the date box is handled by hand.
  function add(e?: FormEvent) {
    e?.preventDefault();
    if (!day) return;
    onChange(addHoliday(value, day));
    setDay('');
  }
  return (
    <fieldset className="stack-sm cases-fieldset" data-testid="holidays-editor">
      <legend className="field-label">{t('casesAdmin.teams.holidays')}</legend>
      <p className="field-hint">{t('casesAdmin.teams.holidaysHint')}</p>
      {value.length ? (
        <ul className="cases-chips">
          {value.map((d) => (
            <li key={d} className="cases-chip" data-testid="holiday">
              <time dateTime={d}>{dayFormat.format(Date.parse(`${d}T00:00:00Z`))}</time>
              {!readOnly && <button type="button" className="icon-btn" aria-label={t('casesAdmin.teams.removeHoliday', { day: d })} onClick={() => onChange(value.filter((x) => x !== d))}>×</button>}
            </li>
          ))}
        </ul>
      ) : <p className="muted small">{t('casesAdmin.teams.noHolidays')}</p>}
      {!readOnly && (
        <div className="row-wrap">
          <input type="date" className="input input-sm" value={day} aria-label={t('casesAdmin.teams.holidayDate')} data-testid="holiday-date"
            onChange={(e) => setDay(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') add(e); }} />
          <Button size="sm" onClick={() => add()} disabled={!day || value.includes(day)} testId="holiday-add">{t('casesAdmin.teams.addHoliday')}</Button>
        </div>
      )}
      <InlineError messages={errors} />
    </fieldset>
  );
}
