import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '@touchpoint/shared';
import { Field, InlineError } from '../../../ui/Field';
import { languageLabel } from '../survey-text';

interface Props {
  languages: string[];
  defaultLanguage: string;
  onLanguages: (next: string[]) => void;
  onDefault: (lang: string) => void;
  errors: string[];
}

/** Which languages respondents may answer in, and which one is the fallback. */
export function LanguageSettings({ languages, defaultLanguage, onLanguages, onDefault, errors }: Props) {
  const { t } = useTranslation();
  // Keep the canonical order (en, zh-Hant, zh-Hans) whatever order boxes are ticked in.
  const toggle = (lang: string, on: boolean) => {
    const next = UI_LANGUAGES.filter((l) => (l === lang ? on : languages.includes(l)));
    const extra = languages.filter((l) => !(UI_LANGUAGES as readonly string[]).includes(l));
    if (next.length + extra.length) onLanguages([...next, ...extra]);
  };
  return (
    <div className="lang-settings">
      <fieldset className="checks">
        <legend className="field-label">{t('builder.languages')}</legend>
        {UI_LANGUAGES.map((l) => (
          <label key={l} className="check" lang={l}>
            <input type="checkbox" checked={languages.includes(l)} disabled={languages.length === 1 && languages.includes(l)}
              onChange={(e) => toggle(l, e.target.checked)} data-testid={`survey-language-${l}`} />
            <span>{languageLabel(l)}</span>
          </label>
        ))}
        <InlineError messages={errors} />
      </fieldset>
      <Field label={t('builder.defaultLanguage')} hint={t('builder.defaultLanguageHint')}>
        {(p) => (
          <select {...p} className="input select" value={defaultLanguage} onChange={(e) => onDefault(e.target.value)} data-testid="default-language-select">
            {languages.map((l) => <option key={l} value={l}>{languageLabel(l)}</option>)}
          </select>
        )}
      </Field>
    </div>
  );
}
