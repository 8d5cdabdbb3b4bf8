import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_METHODS, type Agent, type Team } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { errorsUnder, fieldErrors } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Modal } from '../../../ui/Modal';
import { useToast } from '../../../ui/Toast';
import { HolidaysEditor } from './HolidaysEditor';
import { issueText } from './issue-text';
import { browserTimeZone, checkTeam, emptyTeam, teamDraft, type TeamDraft } from './team-draft';
import { weekToHours, weeklyMinutes } from './team-hours';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

interface Props { wid: string; team: Team | null; agents: Agent[]; readOnly: boolean; onClose: () => void; onSaved: () => void }

/** A team: its zone, working week, days off, how its cases are handed out, and its lead. */
export function TeamFormModal({ wid, team, agents, readOnly, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [d, setD] = useState<TeamDraft>(() => (team ? teamDraft(team) : emptyTeam(browserTimeZone())));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TeamDraft>(k: K, v: TeamDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const zones = useMemo(() => { try { return Intl.supportedValuesOf('timeZone'); } catch { return ['UTC']; } }, []);
  const read = weekToHours(d.week);
  const hoursPerWeek = read.hours ? Math.round((weeklyMinutes(read.hours) / 60) * 10) / 10 : null;
  const err = (path: string) => issueText(t, errors[path]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = checkTeam(d);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy(true);
    try {
      if (team) await api(ws(wid, 'cases', 'teams', team.id), { method: 'PUT', body: c.body });
      else await api(ws(wid, 'cases', 'teams'), { method: 'POST', body: c.body });
      toast.success(team ? t('casesAdmin.teams.saved') : t('casesAdmin.teams.created'));
      onSaved();
      onClose();
    } catch (error) {
      setErrors(fieldErrors(error));
      toast.error(error);
    } finally { setBusy(false); }
  }

  return (
    <Modal open onClose={onClose} title={readOnly ? d.name : team ? t('casesAdmin.teams.editTitle') : t('casesAdmin.teams.createTitle')} testId="case-team-modal">
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-row">
          <Field label={t('casesAdmin.teams.name')} error={err('name')} className="grow">
            {(p) => <input {...p} className="input" value={d.name} maxLength={120} disabled={readOnly} onChange={(e) => set('name', e.target.value)} data-testid="team-name" />}
          </Field>
          <Field label={t('casesAdmin.teams.timeZone')} error={err('timeZone')}>
            {(p) => (
              <select {...p} className="input select" value={d.timeZone} disabled={readOnly} onChange={(e) => set('timeZone', e.target.value)} data-testid="team-zone">
                {[...new Set([d.timeZone, 'UTC', ...zones])].map((z) => <option key={z} value={z}>{z}</option>)}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="stack-sm cases-fieldset">
          <legend className="field-label">{t('casesAdmin.teams.hours')}</legend>
          <p className="field-hint">{t('casesAdmin.teams.hoursHint')}</p>
          <WeeklyHoursEditor value={d.week} onChange={(week) => set('week', week)} errors={errors} readOnly={readOnly} />
          {hoursPerWeek !== null && <p className="muted small" data-testid="hours-total">{t('casesAdmin.teams.perWeek', { hours: hoursPerWeek })}</p>}
        </fieldset>
        <HolidaysEditor value={d.holidays} onChange={(h) => set('holidays', h)} errors={errorsUnder(errors, 'holidays').map((m) => issueText(t, m)!)} readOnly={readOnly} />
        <fieldset className="stack-sm cases-fieldset">
          <legend className="field-label">{t('casesAdmin.teams.assignment')}</legend>
          {ASSIGNMENT_METHODS.map((m) => (
            <label key={m} className="cases-radio">
              <input type="radio" name="assignment" value={m} checked={d.assignment === m} disabled={readOnly} onChange={() => set('assignment', m)} data-testid={`team-assignment-${m}`} />
              <span><strong>{t(`casesAdmin.assignment.${m}`)}</strong><span className="muted small cases-radio-hint">{t(`casesAdmin.assignment.${m}Hint`)}</span></span>
            </label>
          ))}
        </fieldset>
        <Field label={t('casesAdmin.teams.lead')} hint={t('casesAdmin.teams.leadHint')} error={err('leadUserId')}>
          {(p) => (
            <select {...p} className="input select" value={d.leadUserId} disabled={readOnly} onChange={(e) => set('leadUserId', e.target.value)} data-testid="team-lead">
              <option value="">{t('casesAdmin.teams.noLead')}</option>
              {agents.map((a) => <option key={a.userId} value={a.userId}>{a.name || a.email}</option>)}
            </select>
          )}
        </Field>
        <div className="row-end">
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly && <Button type="submit" variant="primary" busy={busy} testId="team-save">{t('common.save')}</Button>}
        </div>
      </form>
    </Modal>
  );
}
