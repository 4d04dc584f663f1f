import i18n from 'i18next';
import type { LocalPreferences } from '../../../shared/desktop-api';
import { localeOf } from '../../../shared/text';
import { identityApi } from '../../../shared/api/contracts/identity';
import { api, configureApi } from '../api/client';
import { desktop } from '../desktop';
import { useSession } from '../state/session';
import { loadHongKong } from '../i18n/hong-kong';

/** Makes a language ready to show: 繁體's messages and converter are fetched on first use. */
export const prepareLanguage = async (lang: LocalPreferences['lang']): Promise<void> => {
  if (lang === 'zh-HK') await loadHongKong();
  document.documentElement.lang = localeOf(lang);
};

/** Applies preferences now, keeps them on this machine, and (when signed in) on the account. */
export const savePreferences = async (prefs: LocalPreferences): Promise<void> => {
  await prepareLanguage(prefs.lang);
  useSession.getState().setPrefs(prefs);
  configureApi({ lang: prefs.lang });
  await i18n.changeLanguage(prefs.lang);
  await desktop.setPreferences(prefs);
  if (useSession.getState().token)
    await api.call(identityApi.preferences, { body: prefs }).catch(() => undefined);
};
