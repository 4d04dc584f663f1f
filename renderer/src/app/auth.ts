import type { QueryClient } from '@tanstack/react-query';
import type { SignInResponse } from '../../../shared/api/identity';
import { identityApi } from '../../../shared/api/contracts/identity';
import { api, configureApi } from '../api/client';
import { desktop } from '../desktop';
import { useSession } from '../state/session';
import { savePreferences } from './preferences';

/** After sign-in: keep the token (safeStorage in Electron), adopt the account's saved preferences. */
export const completeSignIn = async (queryClient: QueryClient, res: SignInResponse): Promise<void> => {
  await desktop.setSessionToken(res.token);
  configureApi({ token: res.token });
  useSession.getState().setToken(res.token);
  queryClient.setQueryData(['me'], res.me);
  await savePreferences(res.me.preferences);
};

export const clearSession = async (queryClient: QueryClient): Promise<void> => {
  await desktop.setSessionToken(null);
  configureApi({ token: null });
  useSession.getState().setToken(null);
  queryClient.clear();
};

export const signOut = async (queryClient: QueryClient, everywhere: boolean): Promise<void> => {
  await api.call(everywhere ? identityApi.signOutAll : identityApi.signOut).catch(() => undefined);
  await clearSession(queryClient);
};
