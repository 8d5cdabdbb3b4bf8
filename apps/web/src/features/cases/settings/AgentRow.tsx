import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type Agent, type Team } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { LANGUAGE_NAMES, currentUiLanguage } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { useToast } from '../../../ui/Toast';
import { agentDraft, checkAgent, loadShare, sameDraft, toggleLanguage, type AgentDraft } from './agent-draft';
import { issueText } from './issue-text';
import { SkillsInput } from './SkillsInput';

interface Props {
  wid: string;
  agent: Agent;
  teams: Team[];
  /** Managers edit everything; an agent may switch only their own availability. */
  manage: boolean;
  isMe: boolean;
  skillListId: string;
  onSaved: (agent: Agent) => void;
}

/** One member who works cases: edits stay in the row until Save; availability saves at once. */
export function AgentRow({ wid, agent, teams, manage, isMe, skillListId, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const [d, setD] = useState<AgentDraft>(() => agentDraft(agent));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'availability' | null>(null);
  const dirty = !sameDraft(d, agentDraft(agent));
  const set = <K extends keyof AgentDraft>(k: K, v: AgentDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const name = agent.name || agent.email;

  async function save() {
    const c = checkAgent(d, agent.availability);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy('save');
    try {
      const saved = await api<Agent>(ws(wid, 'cases', 'agents', agent.userId), { method: 'PUT', body: c.body });
      onSaved(saved);
      setD(agentDraft(saved));
      toast.success(t('casesAdmin.agents.saved', { name }));
    } catch (err) { setErrors(fieldErrors(err)); toast.error(err); } finally { setBusy(null); }
  }

  async function switchAvailability() {
    const availability = agent.availability === 'online' ? 'away' : 'online';
    setBusy('availability');
    try {
      // The saved settings with only the availability changed: unsaved edits in the row stay unsaved.
      const saved = manage
        ? await api<Agent>(ws(wid, 'cases', 'agents', agent.userId), { method: 'PUT', body: { teamId: agent.teamId, languages: agent.languages, skills: agent.skills, capacity: agent.capacity, availability } })
        : await api<Agent>(ws(wid, 'cases', 'agents', 'me', 'availability'), { method: 'PUT', body: { availability } });
      onSaved(saved);
    } catch (err) { toast.error(err); } finally { setBusy(null); }
  }

  const share = loadShare(agent.openCases, agent.capacity);
  const over = agent.openCases >= agent.capacity;
  const messages = Object.entries(errors).map(([p, m]) => `${t(`casesAdmin.agents.field.${p.split(/[.[]/)[0]}`, { defaultValue: p })}: ${issueText(t, m)}`);
  return (
    <tr data-testid="agent-row" data-user={agent.userId}>
      <th scope="row" className="cases-agent-name">
        <div>{agent.name || agent.email}</div>
        {agent.name && <div className="muted small">{agent.email}</div>}
        <InlineError messages={messages} />
      </th>
      <td>
        <select className="input input-sm select" value={d.teamId} disabled={!manage} aria-label={t('casesAdmin.agents.teamFor', { name })} onChange={(e) => set('teamId', e.target.value)} data-testid="agent-team">
          <option value="">{t('casesAdmin.actions.noTeam')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </td>
      <td>
        <div className="cases-langs" role="group" aria-label={t('casesAdmin.agents.languagesFor', { name })}>
          {UI_LANGUAGES.map((l) => (
            <label key={l} className="check small">
              <input type="checkbox" checked={d.languages.includes(l)} disabled={!manage} onChange={(e) => set('languages', toggleLanguage(d.languages, l, e.target.checked))} data-testid={`agent-lang-${l}`} />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </div>
      </td>
      <td><SkillsInput value={d.skills} onChange={(s) => set('skills', s)} listId={skillListId} label={t('casesAdmin.agents.skillsFor', { name })} readOnly={!manage} invalid={Object.keys(errors).some((p) => p.startsWith('skills'))} /></td>
      <td>
        <input className="input input-sm input-num" inputMode="numeric" value={d.capacity} disabled={!manage} aria-label={t('casesAdmin.agents.capacityFor', { name })}
          aria-invalid={errors.capacity ? true : undefined} onChange={(e) => set('capacity', e.target.value)} data-testid="agent-capacity" />
      </td>
      <td>
        <div className="cases-load" data-testid="agent-load">
          <div className="cases-load-bar" role="img" aria-label={t('casesAdmin.agents.loadLabel', { open: agent.openCases, capacity: agent.capacity })}>
            <div className={over ? 'cases-load-fill cases-load-over' : 'cases-load-fill'} style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          <span className="small num">{formatNumber(lang, agent.openCases)} / {formatNumber(lang, agent.capacity)}</span>
        </div>
      </td>
      <td>
        <label className="check small">
          <input type="checkbox" role="switch" checked={agent.availability === 'online'} disabled={!(manage || isMe) || busy !== null}
            onChange={() => void switchAvailability()} aria-label={t('casesAdmin.agents.onlineFor', { name })} data-testid="agent-availability" />
          <span className={agent.availability === 'online' ? 'cases-online' : 'muted'}>{t(`casesAdmin.agents.${agent.availability}`)}</span>
        </label>
      </td>
      {manage && (
        <td className="right nowrap">
          {dirty && (
            <span className="row-actions">
              <Button size="sm" variant="ghost" onClick={() => { setD(agentDraft(agent)); setErrors({}); }} testId="agent-reset">{t('casesAdmin.agents.reset')}</Button>
              <Button size="sm" variant="primary" busy={busy === 'save'} onClick={() => void save()} testId="agent-save">{t('common.save')}</Button>
            </span>
          )}
        </td>
      )}
    </tr>
  );
}
