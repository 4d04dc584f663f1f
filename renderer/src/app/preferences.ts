import i18n from 'i18next';
import type { LocalPreferences } from '../../../shared/desktop-api';
import { identityApi } from '../../../shared/api/contracts/identity';
import { api, configureApi } from '../api/client';
import { desktop } from '../desktop';
import { useSession } from '../state/session';

/** Applies preferences now, keeps them on this machine, and (when signed in) on the account. */
export const savePreferences = async (prefs: LocalPreferences): Promise<void> => {
  useSession.getState().setPrefs(prefs);
  configureApi({ lang: prefs.lang });
  await i18n.changeLanguage(prefs.lang);
  document.documentElement.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
  await desktop.setPreferences(prefs);
  if (useSession.getState().token)
    await api.call(identityApi.preferences, { body: prefs }).catch(() => undefined);
};
