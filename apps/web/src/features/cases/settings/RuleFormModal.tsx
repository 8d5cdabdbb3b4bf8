import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, CaseDryRun, CaseRule, Team, Theme } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Field, InlineError } from '../../../ui/Field';
import { Menu } from '../../../ui/Menu';
import { Modal } from '../../../ui/Modal';
import { useToast } from '../../../ui/Toast';
import { DryRunPanel } from './DryRunPanel';
import { issueText } from './issue-text';
import { RuleActionsFields } from './RuleActionsFields';
import { RuleConditionRow } from './RuleConditionRow';
import {
  CONDITION_KINDS, SCORE_PRESETS, checkRule, emptyRule, newCondition, presetCondition, ruleDraft, type ConditionDraft, type RuleDraft,
} from './rule-draft';
import { METRIC_NAMES } from './rule-text';

interface Props {
  wid: string;
  rule: CaseRule | null;
  teams: Team[];
  agents: Agent[];
  themes: Theme[];
  themeName: (id: string) => string;
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const MAX_CONDITIONS = 20;

/** Create, edit (or, read-only, inspect) a case rule, and try it on the last 30 days before saving. */
export function RuleFormModal({ wid, rule, teams, agents, themes, themeName, readOnly, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [d, setD] = useState<RuleDraft>(() => (rule ? ruleDraft(rule) : emptyRule()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'dry' | null>(null);
  const [dryRun, setDryRun] = useState<CaseDryRun | null>(null);
  const set = <K extends keyof RuleDraft>(k: K, v: RuleDraft[K]) => { setD((prev) => ({ ...prev, [k]: v })); setDryRun(null); };
  const setConditions = (fn: (list: ConditionDraft[]) => ConditionDraft[]) => set('conditions', fn(d.conditions));

  /** The checked body, or null with the problems shown at their fields. */
  function checked() {
    const c = checkRule(d);
    setErrors(c.errors);
    return c.body;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = checked();
    if (!body) return;
    setBusy('save');
    try {
      if (rule) await api(ws(wid, 'cases', 'rules', rule.id), { method: 'PUT', body });
      else await api(ws(wid, 'cases', 'rules'), { method: 'POST', body });
      toast.success(rule ? t('casesAdmin.rules.saved') : t('casesAdmin.rules.created'));
      onSaved();
      onClose();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(null); }
  }

  async function runDry() {
    const body = checked();
    if (!body) return;
    setBusy('dry');
    try {
      setDryRun(await api<CaseDryRun>(ws(wid, 'cases', 'rules', 'dry-run'), { method: 'POST', body }));
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(null); }
  }

  const full = d.conditions.length >= MAX_CONDITIONS;
  return (
    <Modal open onClose={onClose} title={readOnly ? d.name : rule ? t('casesAdmin.rules.editTitle') : t('casesAdmin.rules.createTitle')} testId="case-rule-modal">
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-row">
          <Field label={t('casesAdmin.rules.name')} error={issueText(t, errors.name)} className="grow">
            {(p) => <input {...p} className="input" value={d.name} maxLength={120} disabled={readOnly} placeholder={t('casesAdmin.rules.namePlaceholder')} onChange={(e) => set('name', e.target.value)} data-testid="rule-name" />}
          </Field>
          <label className="check form-row-button">
            <input type="checkbox" checked={d.enabled} disabled={readOnly} onChange={(e) => set('enabled', e.target.checked)} data-testid="rule-enabled" />
            <span>{t('casesAdmin.rules.enabled')}</span>
          </label>
        </div>
        <fieldset className="stack-sm cases-fieldset">
          <legend className="field-label">{t('casesAdmin.rules.when')}</legend>
          <label className="cases-inline">
            <span>{t('casesAdmin.rules.matchBefore')}</span>
            <select className="input input-sm select" value={d.match} disabled={readOnly} onChange={(e) => set('match', e.target.value as 'all' | 'any')} data-testid="rule-match">
              <option value="all">{t('casesAdmin.rules.matchAll')}</option>
              <option value="any">{t('casesAdmin.rules.matchAny')}</option>
            </select>
            <span>{t('casesAdmin.rules.matchAfter')}</span>
          </label>
          <InlineError messages={[errors.trigger, errors['trigger.conditions']].filter((m): m is string => !!m).map((m) => issueText(t, m)!)} />
          <ol className="cases-conditions">
            {d.conditions.map((c, i) => (
              <RuleConditionRow key={c.uid} node={c} path={`trigger.conditions[${i}]`} errors={errors} themes={themes} themeName={themeName} readOnly={readOnly}
                onChange={(next) => setConditions((list) => list.map((x, j) => (j === i ? next : x)))}
                onRemove={() => setConditions((list) => list.filter((_, j) => j !== i))} />
            ))}
          </ol>
          {!readOnly && (
            <div className="row-wrap">
              <Menu button={<>+ {t('casesAdmin.condition.add')}</>} testId="rule-add-condition">
                {(close) => (
                  <div role="menu" aria-label={t('casesAdmin.condition.add')}>
                    {CONDITION_KINDS.map((k) => (
                      <button key={k} type="button" role="menuitem" className="menu-item" disabled={full} data-testid={`rule-add-${k}`}
                        onClick={() => { setConditions((list) => [...list, newCondition(k)]); close(); }}>
                        {t(`casesAdmin.condition.kind.${k}`)}
                      </button>
                    ))}
                  </div>
                )}
              </Menu>
              <span className="muted small">{t('casesAdmin.condition.presets')}</span>
              {SCORE_PRESETS.map((p) => (
                <button key={p.metric} type="button" className="chip" disabled={full} data-testid={`rule-preset-${p.metric}`}
                  onClick={() => setConditions((list) => [...list, presetCondition(p)])}>
                  {METRIC_NAMES[p.metric]} {p.op === 'lte' ? '≤' : '≥'} {p.value}
                </button>
              ))}
            </div>
          )}
        </fieldset>
        <RuleActionsFields draft={d} set={set} errors={errors} teams={teams} agents={agents} hasSecret={!!rule?.actions.hasWebhookSecret} readOnly={readOnly} />
        {!readOnly && (
          <div className="stack-sm">
            <div className="row-wrap">
              <Button onClick={() => void runDry()} busy={busy === 'dry'} disabled={busy === 'save'} testId="rule-dry-run">{t('casesAdmin.dryRun.button')}</Button>
              <span className="muted small">{t('casesAdmin.dryRun.hint')}</span>
            </div>
            {dryRun && <DryRunPanel result={dryRun} themeName={themeName} />}
          </div>
        )}
        <div className="row-end">
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly && <Button type="submit" variant="primary" busy={busy === 'save'} disabled={busy === 'dry'} testId="rule-save">{t('common.save')}</Button>}
        </div>
      </form>
    </Modal>
  );
}
