import i18n from 'i18next';
import type { LocalPreferences } from '../../../shared/desktop-api';
import { localeOf } from '../../../shared/text';
import { configureApi } from '../api/client';
import { desktop } from '../desktop';
import { useSession } from '../state/session';
import { loadHongKong } from '../i18n/hong-kong';
import { loadAntdLocale } from './antd-locales';

/** Makes a language ready to show: 繁體's messages and converter are fetched on first use. */
export const prepareLanguage = async (lang: LocalPreferences['lang']): Promise<void> => {
  await Promise.all([lang === 'zh-HK' ? loadHongKong() : undefined, loadAntdLocale(lang)]);
  document.documentElement.lang = localeOf(lang);
};

/** Applies preferences now, keeps them on this machine, and (when signed in) on the account. */
export const savePreferences = async (prefs: LocalPreferences): Promise<void> => {
  await prepareLanguage(prefs.lang);
  useSession.getState().setPrefs(prefs);
  configureApi({ lang: prefs.lang });
  await i18n.changeLanguage(prefs.lang);
  await desktop.setPreferences(prefs);
  if (useSession.getState().token) {
    // The contract (zod) is fetched when it is needed, not with the first screen.
    const [{ identityApi }, { api }] = await Promise.all([
      import('../../../shared/api/contracts/identity'),
      import('../api/client'),
    ]);
    await api.call(identityApi.preferences, { body: prefs }).catch(() => undefined);
  }
};
