import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@touchpoint/shared';
import { InlineError } from '../../../ui/Field';
import { languageLabel } from '../survey-text';

interface Props {
  label: string;
  languages: string[];
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText) => void;
  multiline?: boolean;
  /** data-testid prefix; each input gets `${testId}-${language}`. */
  testId: string;
  errors?: string[];
}

/**
 * One text in every offered language, stacked with the language as a prefix so translators see
 * all versions side by side. Missing translations are marked, not blocked: the respondent page
 * falls back to the default language.
 */
export function LocalizedInput({ label, languages, value, onChange, multiline = false, testId, errors = [] }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className={['localized', errors.length && 'field-invalid'].filter(Boolean).join(' ')}>
      <legend className="field-label">{label}</legend>
      {languages.map((lang) => {
        const text = value?.[lang] ?? '';
        const common = {
          id: `${id}-${lang}`,
          className: 'input',
          lang,
          value: text,
          maxLength: 2000,
          placeholder: t('builder.missingTranslation'),
          'aria-invalid': errors.length ? true : undefined,
          'data-testid': `${testId}-${lang}`,
          onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
        };
        return (
          <div key={lang} className={['localized-row', !text.trim() && 'localized-missing'].filter(Boolean).join(' ')}>
            <label htmlFor={`${id}-${lang}`} className="localized-lang">{languageLabel(lang)}</label>
            {multiline ? <textarea {...common} rows={2} /> : <input {...common} />}
          </div>
        );
      })}
      <InlineError messages={errors} />
    </fieldset>
  );
}
