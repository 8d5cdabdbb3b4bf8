/**
 * UI translations. All three languages are bundled (they are small) so switching is instant and
 * works offline. The choice is kept in localStorage and mirrored to <html lang>, which also
 * picks the right CJK font (see styles.css :lang rules).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage } from '@touchpoint/shared/survey-logic';
import { UI_LANGUAGES, type UiLanguage } from '@touchpoint/shared';
import en from './locales/en.json';
import zhHant from './locales/zh-Hant.json';
import zhHans from './locales/zh-Hans.json';
import { withFeatureLocales } from './locales/feature-locales';
import { setRequestLanguage } from './api';

const STORAGE_KEY = 'touchpoint.language';

/** Names are written in their own language so people can find theirs. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

function storedLanguage(): UiLanguage | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : null;
  } catch {
    return null;
  }
}

export function initialLanguage(): UiLanguage {
  const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [navigator.language])];
  return storedLanguage() ?? (pickLanguage(UI_LANGUAGES, browser, 'en') as UiLanguage);
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: withFeatureLocales('en', en) }, 'zh-Hant': { translation: withFeatureLocales('zh-Hant', zhHant) }, 'zh-Hans': { translation: withFeatureLocales('zh-Hans', zhHans) } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes what it renders
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = lng;
  setRequestLanguage(lng);
  return i18next;
}

export function setUiLanguage(lng: UiLanguage): void {
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  setRequestLanguage(lng);
  try { localStorage.setItem(STORAGE_KEY, lng); } catch { /* private mode: the choice lasts this visit */ }
}

export function currentUiLanguage(): UiLanguage {
  const l = i18next.language;
  return (UI_LANGUAGES as readonly string[]).includes(l) ? (l as UiLanguage) : 'en';
}
