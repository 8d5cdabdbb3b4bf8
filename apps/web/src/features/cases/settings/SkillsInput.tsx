import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addSkills, MAX_SKILLS } from './agent-draft';

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  /** Skills other agents have, offered as the person types. */
  listId: string;
  label: string;
  readOnly: boolean;
  invalid: boolean;
}

/** Skills as tags: Enter or a comma adds what was typed, × or Backspace in an empty box removes. */
export function SkillsInput({ value, onChange, listId, label, readOnly, invalid }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const commit = () => { if (text.trim()) { onChange(addSkills(value, text)); setText(''); } };
  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') { e.preventDefault(); commit(); }
    else if (e.key === 'Backspace' && !text && value.length) onChange(value.slice(0, -1));
  }
  return (
    <div className="cases-skills" data-testid="agent-skills">
      {value.map((s) => (
        <span key={s} className="cases-chip" data-testid="agent-skill">
          {s}
          {!readOnly && <button type="button" className="icon-btn" aria-label={t('casesAdmin.agents.removeSkill', { skill: s })} onClick={() => onChange(value.filter((x) => x !== s))}>×</button>}
        </span>
      ))}
      {!readOnly && value.length < MAX_SKILLS && (
        <input className="input input-sm cases-skill-input" list={listId} value={text} placeholder="product:app" aria-label={label} aria-invalid={invalid || undefined}
          maxLength={60} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} onBlur={commit} data-testid="agent-skill-input" />
      )}
      {readOnly && !value.length && <span className="muted small">–</span>}
    </div>
  );
}
