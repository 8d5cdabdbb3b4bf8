import { useTranslation } from 'react-i18next';
import type { ChoiceOption } from '@touchpoint/shared';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { Icon } from '../../../ui/icons';
import { languageLabel } from '../survey-text';
import { newOption } from './builder-state';

interface Props {
  options: ChoiceOption[];
  languages: string[];
  onChange: (next: ChoiceOption[]) => void;
  errors: string[];
  questionNumber: number;
}

/** Options of a choice question: an id (what exports and the API see) and a label per language. */
export function ChoiceOptionsEditor({ options, languages, onChange, errors, questionNumber }: Props) {
  const { t } = useTranslation();
  // Every row shares one column template so ids and translations line up.
  const cols = { gridTemplateColumns: `minmax(5.5rem, 8rem) repeat(${languages.length}, minmax(7rem, 1fr)) 2rem` };
  const set = (i: number, o: ChoiceOption) => onChange(options.map((x, j) => (j === i ? o : x)));
  return (
    <fieldset className="options" data-testid="options-editor">
      <legend className="field-label">{t('builder.options')}</legend>
      <div className="option-grid">
        <div className="option-row option-head" style={cols} aria-hidden="true">
          <span>{t('builder.optionId')}</span>
          {languages.map((l) => <span key={l} lang={l}>{languageLabel(l)}</span>)}
          <span />
        </div>
        {options.map((o, i) => (
          <div key={i} className="option-row" style={cols} data-testid="option-row" role="group" aria-label={t('builder.optionN', { n: i + 1 })}>
            <input
              className="input input-mono"
              value={o.id}
              onChange={(e) => set(i, { ...o, id: e.target.value })}
              aria-label={t('builder.optionIdFor', { n: i + 1, q: questionNumber })}
              maxLength={40}
              data-testid="option-id"
            />
            {languages.map((l) => (
              <input
                key={l}
                className={['input', !o.label[l]?.trim() && 'input-missing'].filter(Boolean).join(' ')}
                lang={l}
                value={o.label[l] ?? ''}
                placeholder={t('builder.missingTranslation')}
                onChange={(e) => set(i, { ...o, label: { ...o.label, [l]: e.target.value } })}
                aria-label={`${t('builder.optionN', { n: i + 1 })} · ${languageLabel(l)}`}
                maxLength={2000}
                data-testid={`option-label-${l}`}
              />
            ))}
            <Button
              size="sm"
              variant="ghost"
              icon={<Icon name="trash" />}
              onClick={() => onChange(options.filter((_, j) => j !== i))}
              aria-label={t('builder.removeOption', { n: i + 1 })}
              testId="remove-option"
            />
          </div>
        ))}
      </div>
      <InlineError messages={errors} />
      <Button size="sm" variant="ghost" icon={<Icon name="plus" />} onClick={() => onChange([...options, newOption(options.map((o) => o.id))])} testId="add-option">
        {t('builder.addOption')}
      </Button>
    </fieldset>
  );
}
