import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLang } from '../../../shared/text';
import { common } from './common';

type Messages = { zh: Record<string, unknown>; en: Record<string, unknown> };

/**
 * One i18next instance; namespaces are registered here explicitly, not as import side effects.
 * It starts with the common messages (enough for the sign-in page); the features' messages come
 * with loadFeatureMessages(), or at once when given (component tests). zh-HK's messages are added
 * by loadHongKong() (i18n/hong-kong.ts) when someone chooses 繁體.
 */
export const initI18n = (lang: UiLang, features?: Messages): typeof i18n => {
  const resources = {
    zh: { translation: { ...common.zh, ...features?.zh } },
    en: { translation: { ...common.en, ...features?.en } },
  };
  void i18n.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
};

let features: Promise<void> | undefined;

/** Fetches every feature's messages once and adds them to the running instance. */
export const loadFeatureMessages = (): Promise<void> =>
  (features ??= import('./feature-messages')
    .then(({ featureMessages }) => {
      i18n.addResourceBundle('zh', 'translation', featureMessages.zh, true, true);
      i18n.addResourceBundle('en', 'translation', featureMessages.en, true, true);
    })
    .catch((error: unknown) => {
      // A failed download is retried by the next page that asks (the error page offers a reload).
      features = undefined;
      throw error;
    }));
