import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '@touchpoint/shared';
import { LANGUAGE_NAMES, currentUiLanguage, setUiLanguage } from '../lib/i18n';
import { Icon } from '../ui/icons';

/** A plain <select>: keyboard and screen-reader friendly with no extra code. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  return (
    <label className="lang-switch">
      <Icon name="globe" />
      <span className="sr-only">{t('shell.language')}</span>
      <select value={lang} onChange={(e) => setUiLanguage(e.target.value as UiLanguage)} data-testid="lang-switch">
        {UI_LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
      </select>
    </label>
  );
}
