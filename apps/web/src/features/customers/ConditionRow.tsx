import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAIT_OPS, type TraitOp } from '@touchpoint/shared';
import { errorsUnder } from '../../lib/errors';
import { Badge } from '../../ui/Badge';
import { InlineError } from '../../ui/Field';
import { BehaviourFields } from './BehaviourFields';
import { RowInput, RowSelect, type RowProps } from './segment-inputs';
import { TRAIT_VALUE_SHAPE, type TraitDraft } from './segment-draft';

/** One condition: the method it belongs to, its fields, a remove button and the errors at its path. */
export function ConditionRow({ onRemove, traitListId, ...props }: RowProps & { onRemove: () => void; traitListId: string }) {
  const { t } = useTranslation();
  const { node, path, errors, readOnly } = props;
  const method = node.kind === 'trait' ? node.method : 'behavioural';
  const messages = errorsUnder(errors, path).map((m) => m.replace(/^(value|key|name|count|days|band|min|max|currency|field|op): /, (_, f: string) => `${t(`segments.field.${f}`, { defaultValue: f })}: `));
  let fields: ReactNode;
  if (node.kind === 'trait') fields = <TraitFields {...props} node={node} onChange={props.onChange as (n: TraitDraft) => void} listId={traitListId} />;
  else fields = <BehaviourFields {...props} />;
  return (
    <li className="segment-condition" data-testid="segment-condition" data-kind={node.kind} data-path={path}>
      <div className="segment-condition-main">
        <Badge tone={METHOD_TONE[method]}>{t(`segments.method.${method}`)}</Badge>
        <div className="segment-fields">{fields}</div>
        {!readOnly && (
          <button type="button" className="icon-btn" onClick={onRemove} aria-label={t('segments.builder.removeCondition')} data-testid="segment-remove-condition">×</button>
        )}
      </div>
      <InlineError messages={messages} />
    </li>
  );
}

export const METHOD_TONE = { demographic: 'info', behavioural: 'accent', psychographic: 'warning', geographic: 'success' } as const;

function TraitFields({ node, path, errors, onChange, readOnly, listId }: RowProps<TraitDraft> & { listId: string }) {
  const { t } = useTranslation();
  const shape = TRAIT_VALUE_SHAPE[node.op];
  const set = (patch: Partial<TraitDraft>) => onChange({ ...node, ...patch });
  const bad = (f: string) => !!errors[`${path}.${f}`];
  const value = (testId: string, label: string, v: string, key: 'text' | 'text2', placeholder?: string) => (
    <RowInput label={label} value={v} onChange={(x) => set({ [key]: x })} invalid={bad('value')} disabled={readOnly} testId={testId} placeholder={placeholder} wide={shape === 'list'} />
  );
  return (
    <>
      <RowInput label={t('segments.field.key')} value={node.key} onChange={(key) => set({ key })} invalid={bad('key')} disabled={readOnly} list={listId} testId="segment-trait-key" />
      <RowSelect<TraitOp> label={t('segments.field.op')} value={node.op} disabled={readOnly} testId="segment-trait-op"
        options={TRAIT_OPS.map((op) => ({ value: op, label: t(`segments.op.${op}`) }))}
        // Moving between one value and a list keeps what was typed; "between" starts its second box empty.
        onChange={(op) => set({ op, text2: op === 'between' ? node.text2 : '' })} />
      {shape === 'one' && value('segment-trait-value', t('segments.field.value'), node.text, 'text')}
      {shape === 'date' && value('segment-trait-value', t('segments.field.value'), node.text, 'text', 'YYYY-MM-DD')}
      {shape === 'list' && value('segment-trait-value', t('segments.field.list'), node.text, 'text', t('segments.builder.listPlaceholder'))}
      {shape === 'two' && (
        <>
          {value('segment-trait-value', t('segments.field.low'), node.text, 'text')}
          <span className="muted">{t('segments.builder.and')}</span>
          {value('segment-trait-value2', t('segments.field.high'), node.text2, 'text2')}
        </>
      )}
      {shape === 'days' && (
        <span className="segment-unit">
          <RowInput kind="number" label={t('segments.field.days')} value={node.text} onChange={(text) => set({ text })} invalid={bad('value')} disabled={readOnly} testId="segment-trait-value" />
          <span className="muted">{t('segments.builder.days')}</span>
        </span>
      )}
    </>
  );
}
