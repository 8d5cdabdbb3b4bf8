import { useTranslation } from 'react-i18next';
import { CASE_CUES, CASE_METRICS, type Theme } from '@touchpoint/shared';
import { errorsUnder } from '../../../lib/errors';
import { InlineError } from '../../../ui/Field';
import { issueText } from './issue-text';
import { META_OPS, type ConditionDraft } from './rule-draft';
import { METRIC_NAMES } from './rule-text';

interface Props {
  node: ConditionDraft;
  /** trigger.conditions[i]: where the server and the draft check name this row's problems. */
  path: string;
  errors: Record<string, string>;
  themes: Theme[];
  themeName: (id: string) => string;
  readOnly: boolean;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}

/** One condition of a rule: its kind, the fields of that kind, remove, and its errors. */
export function RuleConditionRow({ node, path, errors, themes, themeName, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const bad = (f: string) => !!errors[`${path}.${f}`];
  const messages = errorsUnder(errors, path).map((line) => {
    const at = line.indexOf(': ');
    return at < 0 ? issueText(t, line)! : `${t(`casesAdmin.condition.field.${line.slice(0, at).split(/[.[]/)[0]}`, { defaultValue: line.slice(0, at) })}: ${issueText(t, line.slice(at + 2))}`;
  });
  let fields;
  switch (node.kind) {
    case 'score':
      fields = (
        <>
          <select className="input input-sm select" aria-label={t('casesAdmin.condition.field.metric')} value={node.metric} disabled={readOnly} data-testid="cond-metric"
            onChange={(e) => onChange({ ...node, metric: e.target.value as typeof node.metric })}>
            {CASE_METRICS.map((m) => <option key={m} value={m}>{METRIC_NAMES[m]}</option>)}
          </select>
          <select className="input input-sm select" aria-label={t('casesAdmin.condition.field.op')} value={node.op} disabled={readOnly} data-testid="cond-op"
            onChange={(e) => onChange({ ...node, op: e.target.value as 'lte' | 'gte' })}>
            <option value="lte">≤</option>
            <option value="gte">≥</option>
          </select>
          <input className="input input-sm input-num" inputMode="numeric" aria-label={t('casesAdmin.condition.field.value')} value={node.value} disabled={readOnly}
            aria-invalid={bad('value') || undefined} data-testid="cond-value" onChange={(e) => onChange({ ...node, value: e.target.value })} />
        </>
      );
      break;
    case 'sentiment':
      fields = (
        <select className="input input-sm select" aria-label={t('casesAdmin.condition.field.theme')} value={node.theme} disabled={readOnly} data-testid="cond-theme"
          aria-invalid={bad('theme') || undefined} onChange={(e) => onChange({ ...node, theme: e.target.value })}>
          <option value="">{t('casesAdmin.condition.anyTheme')}</option>
          {/* A theme removed from the taxonomy since the rule was saved stays selectable by its id. */}
          {node.theme && !themes.some((th) => th.id === node.theme) && <option value={node.theme}>{node.theme}</option>}
          {themes.map((th) => <option key={th.id} value={th.id}>{themeName(th.id)}</option>)}
        </select>
      );
      break;
    case 'cue':
      fields = (
        <select className="input input-sm select" aria-label={t('casesAdmin.condition.field.cue')} value={node.cue} disabled={readOnly} data-testid="cond-cue"
          onChange={(e) => onChange({ ...node, cue: e.target.value as typeof node.cue })}>
          {CASE_CUES.map((c) => <option key={c} value={c}>{t(`casesAdmin.cue.${c}`)}</option>)}
        </select>
      );
      break;
    case 'metadata':
      fields = (
        <>
          <input className="input input-sm" aria-label={t('casesAdmin.condition.field.key')} placeholder="plan" value={node.key} disabled={readOnly} maxLength={64}
            aria-invalid={bad('key') || undefined} data-testid="cond-key" onChange={(e) => onChange({ ...node, key: e.target.value })} />
          <select className="input input-sm select" aria-label={t('casesAdmin.condition.field.op')} value={node.op} disabled={readOnly} data-testid="cond-meta-op"
            onChange={(e) => onChange({ ...node, op: e.target.value as typeof node.op })}>
            {META_OPS.map((op) => <option key={op} value={op}>{t(`casesAdmin.condition.meta.${op}`)}</option>)}
          </select>
          <input className="input input-sm" aria-label={t('casesAdmin.condition.field.value')} value={node.value} disabled={readOnly}
            placeholder={node.op === 'in' ? t('casesAdmin.condition.listPlaceholder') : 'pro'}
            aria-invalid={bad('value') || undefined} data-testid="cond-meta-value" onChange={(e) => onChange({ ...node, value: e.target.value })} />
        </>
      );
      break;
    case 'history':
      fields = (
        <span className="cases-inline">
          <span>{t('casesAdmin.condition.historyBefore')}</span>
          <input className="input input-sm input-num" inputMode="numeric" aria-label={t('casesAdmin.condition.field.count')} value={node.count} disabled={readOnly}
            aria-invalid={bad('count') || undefined} data-testid="cond-count" onChange={(e) => onChange({ ...node, count: e.target.value })} />
          <span>{t('casesAdmin.condition.historyMiddle')}</span>
          <input className="input input-sm input-num" inputMode="numeric" aria-label={t('casesAdmin.condition.field.days')} value={node.days} disabled={readOnly}
            aria-invalid={bad('days') || undefined} data-testid="cond-days" onChange={(e) => onChange({ ...node, days: e.target.value })} />
          <span>{t('casesAdmin.condition.historyAfter')}</span>
        </span>
      );
      break;
  }
  return (
    <li className="cases-condition" data-testid="rule-condition" data-kind={node.kind} data-path={path}>
      <div className="cases-condition-main">
        <span className="cases-condition-kind">{t(`casesAdmin.condition.kind.${node.kind}`)}</span>
        <div className="cases-condition-fields">{fields}</div>
        {!readOnly && <button type="button" className="icon-btn" onClick={onRemove} aria-label={t('casesAdmin.condition.remove')} data-testid="remove-condition">×</button>}
      </div>
      <InlineError messages={messages} />
    </li>
  );
}
