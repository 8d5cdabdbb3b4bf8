import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { METHOD_TRAITS } from '@touchpoint/shared';
import { Button } from '../../ui/Button';
import { InlineError } from '../../ui/Field';
import { Menu } from '../../ui/Menu';
import { ConditionRow } from './ConditionRow';
import {
  appendTo, canNestIn, emptyGroup, newCondition, pathOf, removeAt, updateAt,
  type DraftNode, type GroupDraft, type PickerChoice,
} from './segment-draft';

interface BuilderProps {
  value: GroupDraft;
  onChange: (next: GroupDraft) => void;
  /** Messages by path (definition.conditions[0].value), from the draft's own checks and the server. */
  errors: Record<string, string>;
  readOnly: boolean;
  /** Keys of the workspace's declared traits, suggested beside each method's usual ones. */
  declaredTraits: string[];
}

/**
 * The definition as nested groups: the root group, and groups inside it down to three levels, each
 * matching all or any of its conditions. Every change makes a new tree (segment-draft's edits by
 * position), so the page can debounce the preview on it.
 */
export function SegmentBuilder({ value, onChange, errors, readOnly, declaredTraits }: BuilderProps) {
  const listId = useId();
  // One list of suggestions for every key box: the methods' usual attributes, then declared traits.
  const keys = [...new Set([...Object.values(METHOD_TRAITS).flat(), ...declaredTraits])];
  return (
    <div className="segment-builder" data-testid="segment-builder">
      <datalist id={listId}>{keys.map((k) => <option key={k} value={k} />)}</datalist>
      <GroupEditor group={value} indices={[]} root={value} onChange={onChange} errors={errors} readOnly={readOnly} listId={listId} />
    </div>
  );
}

interface GroupProps { group: GroupDraft; indices: number[]; root: GroupDraft; onChange: (next: GroupDraft) => void; errors: Record<string, string>; readOnly: boolean; listId: string }

function GroupEditor({ group, indices, root, onChange, errors, readOnly, listId }: GroupProps) {
  const { t } = useTranslation();
  const path = pathOf(indices);
  const nested = indices.length > 0;
  const edit = (at: number[], fn: (n: DraftNode) => DraftNode) => onChange(updateAt(root, at, fn));
  const own = [errors[path], errors[`${path}.conditions`]].filter((m): m is string => !!m);
  const headingId = `${listId}-g${indices.join('-')}`;
  return (
    <section className={nested ? 'segment-group segment-group-nested' : 'segment-group'} aria-labelledby={headingId} data-testid="segment-group" data-path={path}>
      <div className="segment-group-head">
        <label className="segment-match" id={headingId}>
          <span>{t('segments.builder.matchBefore')}</span>
          <select className="input input-sm select" value={group.match} disabled={readOnly} data-testid="segment-match"
            onChange={(e) => edit(indices, (g) => ({ ...(g as GroupDraft), match: e.target.value as 'all' | 'any' }))}>
            <option value="all">{t('segments.builder.all')}</option>
            <option value="any">{t('segments.builder.any')}</option>
          </select>
          <span>{t('segments.builder.matchAfter')}</span>
        </label>
        {nested && !readOnly && (
          <Button size="sm" variant="ghost" onClick={() => onChange(removeAt(root, indices))} testId="segment-remove-group">{t('segments.builder.removeGroup')}</Button>
        )}
      </div>
      <InlineError messages={own} />
      {group.conditions.length === 0 ? (
        <p className="muted small segment-empty">{nested ? t('segments.builder.emptyGroup') : t('segments.builder.emptyRoot')}</p>
      ) : (
        <ol className="segment-conditions">
          {group.conditions.map((c, i) => {
            const at = [...indices, i];
            const joiner = i > 0 && <span className="segment-joiner" aria-hidden="true">{group.match === 'all' ? t('segments.builder.and') : t('segments.builder.or')}</span>;
            if (c.kind === 'group') {
              return (
                <ConditionRowWithJoiner key={c.uid} joiner={joiner}>
                  <li className="segment-group-item"><GroupEditor group={c} indices={at} root={root} onChange={onChange} errors={errors} readOnly={readOnly} listId={listId} /></li>
                </ConditionRowWithJoiner>
              );
            }
            return (
              <ConditionRowWithJoiner key={c.uid} joiner={joiner}>
                <ConditionRow node={c} path={pathOf(at)} errors={errors} readOnly={readOnly} traitListId={listId}
                  onChange={(next) => edit(at, () => next)} onRemove={() => onChange(removeAt(root, at))} />
              </ConditionRowWithJoiner>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <div className="segment-group-actions">
          <ConditionPicker onPick={(choice) => onChange(appendTo(root, indices, newCondition(choice)))} testId={nested ? 'segment-add-nested' : 'segment-add'} />
          {canNestIn(indices) && (
            <Button size="sm" variant="ghost" onClick={() => onChange(appendTo(root, indices, emptyGroup(group.match === 'all' ? 'any' : 'all')))} testId="segment-add-group">
              {t('segments.builder.addGroup')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** The "and"/"or" between rows is decoration for sighted readers; the group's select says it. */
function ConditionRowWithJoiner({ joiner, children }: { joiner: ReactNode; children: ReactNode }) {
  return <>{joiner && <li className="segment-joiner-row" aria-hidden="true">{joiner}</li>}{children}</>;
}

const TRAIT_METHODS = ['demographic', 'psychographic', 'geographic'] as const;

/** "+ Condition": a menu organised by the four segmentation methods. */
function ConditionPicker({ onPick, testId }: { onPick: (c: PickerChoice) => void; testId: string }) {
  const { t } = useTranslation();
  const item = (close: () => void, choice: PickerChoice, label: string, id: string) => (
    <button key={id} type="button" role="menuitem" className="menu-item" data-testid={`segment-pick-${id}`} onClick={() => { onPick(choice); close(); }}>{label}</button>
  );
  return (
    <div className="segment-picker">
      <Menu button={<>+ {t('segments.builder.addCondition')}</>} testId={testId}>
        {(close) => (
          <div className="segment-picker-grid" role="menu" aria-label={t('segments.builder.addCondition')}>
            {TRAIT_METHODS.map((m) => (
              <div key={m} className="segment-picker-col" role="group" aria-label={t(`segments.method.${m}`)}>
                <p className="segment-picker-head" aria-hidden="true">{t(`segments.method.${m}`)}</p>
                {METHOD_TRAITS[m].map((key) => item(close, { kind: 'trait', method: m, key }, t(`segments.trait.${key}`), `${m}-${key}`))}
                {item(close, { kind: 'trait', method: m, key: '' }, t('segments.builder.otherTrait'), `${m}-other`)}
              </div>
            ))}
            <div className="segment-picker-col" role="group" aria-label={t('segments.method.behavioural')}>
              <p className="segment-picker-head" aria-hidden="true">{t('segments.method.behavioural')}</p>
              {item(close, { kind: 'event' }, t('segments.pick.event'), 'event')}
              {item(close, { kind: 'profile' }, t('segments.pick.profile'), 'profile')}
              {item(close, { kind: 'metric' }, t('segments.pick.metric'), 'metric')}
              {item(close, { kind: 'consent' }, t('segments.pick.consent'), 'consent')}
            </div>
          </div>
        )}
      </Menu>
    </div>
  );
}
