import { ipcMain, Notification } from 'electron';
import type { LocalPreferences } from '../shared/desktop-api';
import { IpcChannel } from './ipc-channels';
import { guardedHandler } from './ipc-guard';
import { IpcArgs } from './ipc-schemas';
import type { PreferencesStore } from './preferences-store';
import type { OriginSource } from './security';
import { openExternalSafely } from './security';
import type { TokenStore } from './token-store';

export type IpcDeps = {
  origin: OriginSource;
  tokens: TokenStore;
  preferences: PreferencesStore;
  /** The menu follows the language the user picks in the app. */
  onPreferencesChanged: (prefs: LocalPreferences) => void;
};

/**
 * One handler per channel, each behind `guardedHandler`: the sender frame must be the app's main
 * frame and the arguments must pass the channel's zod tuple.
 */
export const registerIpc = ({ origin, tokens, preferences, onPreferencesChanged }: IpcDeps): void => {
  const getOrigin = (): string | null => origin.get();
  ipcMain.handle(
    IpcChannel.getSessionToken,
    guardedHandler(IpcChannel.getSessionToken, IpcArgs.none, getOrigin, () => tokens.get()),
  );
  ipcMain.handle(
    IpcChannel.setSessionToken,
    guardedHandler(IpcChannel.setSessionToken, IpcArgs.setSessionToken, getOrigin, (token) =>
      tokens.set(token),
    ),
  );
  ipcMain.handle(
    IpcChannel.getPreferences,
    guardedHandler(IpcChannel.getPreferences, IpcArgs.none, getOrigin, () => preferences.get()),
  );
  ipcMain.handle(
    IpcChannel.setPreferences,
    guardedHandler(IpcChannel.setPreferences, IpcArgs.setPreferences, getOrigin, (prefs) => {
      preferences.set(prefs);
      onPreferencesChanged(prefs);
    }),
  );
  ipcMain.handle(
    IpcChannel.notify,
    guardedHandler(IpcChannel.notify, IpcArgs.notify, getOrigin, (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    }),
  );
  ipcMain.handle(
    IpcChannel.openExternal,
    guardedHandler(IpcChannel.openExternal, IpcArgs.openExternal, getOrigin, async (url) => {
      await openExternalSafely(url);
    }),
  );
};
