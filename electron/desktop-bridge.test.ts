import { describe, expect, it, vi } from 'vitest';
import { createDesktopBridge, type RendererIpc } from './desktop-bridge';
import { DEEP_LINK_EVENT, IpcChannel } from './ipc-channels';

/** A stand-in for ipcRenderer that records calls and lets the test emit events. */
const fakeIpc = () => {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
  const ipc: RendererIpc = { invoke, on: (channel, listener) => listeners.set(channel, listener) };
  return {
    ipc,
    invoke,
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.({}, ...args),
  };
};

describe('the desktop bridge exposed by the preload', () => {
  it('has exactly the DesktopApi members and nothing that leaks an object', () => {
    const desktop = createDesktopBridge(fakeIpc().ipc);
    expect(Object.keys(desktop).sort()).toEqual(
      [
        'getPreferences',
        'getSessionToken',
        'kind',
        'notify',
        'onDeepLink',
        'openExternal',
        'setPreferences',
        'setSessionToken',
      ].sort(),
    );
    expect(desktop.kind).toBe('electron');
    expect(Object.values(desktop).some((v) => typeof v === 'object' && v !== null)).toBe(false);
  });

  it('maps each method to its own named channel', async () => {
    const { ipc, invoke } = fakeIpc();
    const desktop = createDesktopBridge(ipc);
    const calls: [() => Promise<unknown>, unknown[]][] = [
      [() => desktop.getSessionToken(), [IpcChannel.getSessionToken]],
      [() => desktop.setSessionToken('tok'), [IpcChannel.setSessionToken, 'tok']],
      [() => desktop.getPreferences(), [IpcChannel.getPreferences]],
      [
        () => desktop.setPreferences({ lang: 'en', elderMode: false }),
        [IpcChannel.setPreferences, { lang: 'en', elderMode: false }],
      ],
      [() => desktop.notify('t', 'b'), [IpcChannel.notify, 't', 'b']],
      [() => desktop.openExternal('https://www.gov.cn/'), [IpcChannel.openExternal, 'https://www.gov.cn/']],
    ];
    for (const [call, expected] of calls) {
      invoke.mockClear();
      await call();
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(...expected);
    }
    expect(new Set(Object.values(IpcChannel)).size).toBe(Object.values(IpcChannel).length);
  });

  it('holds deep links that arrive before anyone listens, then delivers live ones', () => {
    const { ipc, emit } = fakeIpc();
    const desktop = createDesktopBridge(ipc);
    emit(DEEP_LINK_EVENT, '/approve/abcdefgh12');
    emit(DEEP_LINK_EVENT, 42);
    const seen: string[] = [];
    const off = desktop.onDeepLink((path) => seen.push(path));
    emit(DEEP_LINK_EVENT, '/inbox');
    off();
    emit(DEEP_LINK_EVENT, '/');
    expect(seen).toEqual(['/approve/abcdefgh12', '/inbox']);
  });
});
