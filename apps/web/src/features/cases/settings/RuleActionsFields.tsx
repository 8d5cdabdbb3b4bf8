import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, type Agent, type Team } from '@touchpoint/shared';
import { errorsUnder } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { newWebhookSecret } from '../../alerts/rule-form';
import { issueText } from './issue-text';
import type { RuleDraft } from './rule-draft';

interface Props {
  draft: RuleDraft;
  set: <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;
  errors: Record<string, string>;
  teams: Team[];
  agents: Agent[];
  /** Editing a rule that already has a secret: an empty box keeps it. */
  hasSecret: boolean;
  readOnly: boolean;
}

/** What a matching rule does: priority, team, owner, tags, and who hears of the new case. */
export function RuleActionsFields({ draft, set, errors, teams, agents, hasSecret, readOnly }: Props) {
  const { t } = useTranslation();
  const err = (path: string) => errorsUnder(errors, path).map((m) => issueText(t, m)!);
  return (
    <fieldset className="stack-sm cases-fieldset">
      <legend className="field-label">{t('casesAdmin.actions.title')}</legend>
      <div className="form-row">
        <Field label={t('casesAdmin.actions.priority')} error={err('actions.priority')}>
          {(p) => (
            <select {...p} className="input select" value={draft.priority} disabled={readOnly} onChange={(e) => set('priority', e.target.value as RuleDraft['priority'])} data-testid="rule-priority">
              {CASE_PRIORITIES.map((x) => <option key={x} value={x}>{t(`casesAdmin.priority.${x}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('casesAdmin.actions.team')} error={err('actions.teamId')}>
          {(p) => (
            <select {...p} className="input select" value={draft.teamId} disabled={readOnly} onChange={(e) => set('teamId', e.target.value)} data-testid="rule-team">
              <option value="">{t('casesAdmin.actions.noTeam')}</option>
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('casesAdmin.actions.assign')} error={err('actions.assign')}>
          {(p) => (
            <select {...p} className="input select" value={draft.assign} disabled={readOnly} onChange={(e) => set('assign', e.target.value as RuleDraft['assign'])} data-testid="rule-assign">
              <option value="auto">{t('casesAdmin.actions.assignAuto')}</option>
              <option value="none">{t('casesAdmin.actions.assignNone')}</option>
              <option value="user">{t('casesAdmin.actions.assignUser')}</option>
            </select>
          )}
        </Field>
        {draft.assign === 'user' && (
          <Field label={t('casesAdmin.actions.person')}>
            {(p) => (
              <select {...p} className="input select" value={draft.assignUserId} disabled={readOnly} onChange={(e) => set('assignUserId', e.target.value)} data-testid="rule-assign-user">
                <option value="">{t('casesAdmin.actions.choosePerson')}</option>
                {agents.map((a) => <option key={a.userId} value={a.userId}>{a.name || a.email}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      <p className="muted small">{t(`casesAdmin.actions.assignHint.${draft.assign}`)}</p>
      <Field label={t('casesAdmin.actions.tags')} hint={t('casesAdmin.actions.tagsHint')} error={err('actions.tags')}>
        {(p) => <input {...p} className="input" value={draft.tags} disabled={readOnly} placeholder="vip, billing" onChange={(e) => set('tags', e.target.value)} data-testid="rule-tags" />}
      </Field>
      <Field label={t('casesAdmin.actions.notify')} hint={t('casesAdmin.actions.notifyHint')} error={err('actions.notifyEmails')}>
        {(p) => <textarea {...p} className="input" rows={2} value={draft.emails} disabled={readOnly} onChange={(e) => set('emails', e.target.value)} data-testid="rule-emails" />}
      </Field>
      <Field label={t('casesAdmin.actions.webhookUrl')} hint={t('casesAdmin.actions.webhookHint')} error={err('actions.webhookUrl')}>
        {(p) => <input {...p} className="input" type="url" placeholder="https://" value={draft.webhookUrl} disabled={readOnly} onChange={(e) => set('webhookUrl', e.target.value)} data-testid="rule-webhook-url" />}
      </Field>
      {draft.webhookUrl.trim() && !readOnly && (
        <Field label={t('casesAdmin.actions.webhookSecret')} hint={hasSecret ? t('casesAdmin.actions.secretKeep') : t('casesAdmin.actions.secretHint')} error={err('actions.webhookSecret')}>
          {(p) => (
            <div className="copy-row">
              <input {...p} className="input input-mono" value={draft.webhookSecret} autoComplete="off" onChange={(e) => set('webhookSecret', e.target.value)} data-testid="rule-webhook-secret" />
              <Button onClick={() => set('webhookSecret', newWebhookSecret())} testId="rule-generate-secret">{t('casesAdmin.actions.generate')}</Button>
            </div>
          )}
        </Field>
      )}
    </fieldset>
  );
}
