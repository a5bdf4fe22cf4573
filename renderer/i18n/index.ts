// i18next set up with Chinese first and English available; components use keys, never literals.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;

const LANGUAGE_KEY = 'hws-language';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: localStorage.getItem(LANGUAGE_KEY) ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

// The page says which language it is in (screen readers, fonts and hyphenation follow it).
const markPage = (code: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
};
i18n.on('languageChanged', markPage);
markPage(i18n.language);

export function setLanguage(code: string): void {
  localStorage.setItem(LANGUAGE_KEY, code);
  void i18n.changeLanguage(code);
}

export { i18n };
