import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type Question, type QuestionType } from '@touchpoint/shared';
import { errorsUnder } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Icon } from '../../../ui/icons';
import { ChoiceOptionsEditor } from './ChoiceOptionsEditor';
import { FollowUpEditor } from './FollowUpEditor';
import { LocalizedInput } from './LocalizedInput';
import { OptionalText } from './OptionalText';
import { changeType, isChoice } from './builder-state';
import { issueLine, questionIssueLine } from './issue-text';

interface Props {
  question: Question;
  index: number;
  count: number;
  languages: string[];
  takenIds: string[];
  targets: Question[];
  titleOf: (q: Question) => string;
  /** Server validation errors keyed by path, e.g. definition.questions[2].options. */
  errors: Record<string, string>;
  onChange: (next: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function QuestionEditor({ question: q, index, count, languages, takenIds, targets, titleOf, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const at = `definition.questions[${index}]`;
  const under = (field: string) => errorsUnder(errors, `${at}.${field}`).map((line) => questionIssueLine(t, line));
  const claimed = ['type', 'id', 'title', 'options', 'scale', 'showIf', 'required', 'description'];
  const rest = errorsUnder(errors, at).filter((m) => !claimed.some((c) => m.startsWith(c))).map((line) => issueLine(t, line));

  return (
    <section className="card question-card" data-testid="question-card" aria-labelledby={`q-${index}-heading`}>
      <header className="question-head">
        <h3 className="question-number" id={`q-${index}-heading`} tabIndex={-1}>{t('builder.questionN', { n: index + 1 })}</h3>
        <div className="question-tools">
          <Button size="sm" variant="ghost" icon={<Icon name="up" />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('builder.moveUp')} testId="move-up" />
          <Button size="sm" variant="ghost" icon={<Icon name="down" />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('builder.moveDown')} testId="move-down" />
          <Button size="sm" variant="ghost" icon={<Icon name="trash" />} disabled={count === 1} onClick={onRemove} aria-label={t('builder.deleteQuestion')} testId="delete-question" />
        </div>
      </header>

      <div className="question-grid">
        <Field label={t('builder.type')} error={under('type')}>
          {(p) => (
            <select {...p} className="input select" value={q.type} data-testid="question-type-select"
              onChange={(e) => onChange(changeType(q, e.target.value as QuestionType, takenIds))}>
              {QUESTION_TYPES.map((type) => <option key={type} value={type}>{t(`questionTypes.${type}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('builder.questionId')} hint={t('builder.questionIdHint')} error={under('id')}>
          {(p) => <input {...p} className="input input-mono" value={q.id} maxLength={40} data-testid="question-id-input"
            onChange={(e) => onChange({ ...q, id: e.target.value.toLowerCase() })} />}
        </Field>
        <label className="check question-required">
          <input type="checkbox" checked={!!q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} data-testid="question-required" />
          <span>{t('builder.required')}</span>
        </label>
      </div>

      <LocalizedInput label={t('builder.questionTitle')} languages={languages} value={q.title} testId="question-title"
        errors={under('title')} onChange={(title) => onChange({ ...q, title })} />

      <OptionalText summary={t('builder.addDescription')} label={t('builder.description')} languages={languages} value={q.description}
        testId="question-description" errors={under('description')} onChange={(description) => onChange({ ...q, description })} />

      {q.type === 'rating' && (
        <div className="scale-row">
          <Field label={t('builder.scaleMin')} error={under('scale')}>
            {(p) => <input {...p} className="input input-num" type="number" min={0} max={9} value={q.scale?.min ?? 1} data-testid="scale-min"
              onChange={(e) => onChange({ ...q, scale: { min: Number(e.target.value), max: q.scale?.max ?? 5 } })} />}
          </Field>
          <Field label={t('builder.scaleMax')}>
            {(p) => <input {...p} className="input input-num" type="number" min={1} max={10} value={q.scale?.max ?? 5} data-testid="scale-max"
              onChange={(e) => onChange({ ...q, scale: { min: q.scale?.min ?? 1, max: Number(e.target.value) } })} />}
          </Field>
        </div>
      )}

      {isChoice(q.type) && (
        <ChoiceOptionsEditor options={q.options ?? []} languages={languages} questionNumber={index + 1}
          errors={under('options')} onChange={(options) => onChange({ ...q, options })} />
      )}

      <FollowUpEditor value={q.showIf} targets={targets} titleOf={titleOf} errors={under('showIf')}
        onChange={(showIf) => onChange({ ...q, showIf })} />

      {rest.length > 0 && <p className="field-error" role="alert">{rest.join(' · ')}</p>}
    </section>
  );
}
