import { SignInPage, demo } from '../support/pages';
import { expect, test } from './electron-app';

test('the desktop app starts its platform, signs a demo person in and keeps the shell locked down', async ({
  appWindow,
  electronApp,
}) => {
  test.setTimeout(180_000);
  // Loaded from the embedded platform's origin, never file://.
  await expect(appWindow).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/sign-in/, { timeout: 90_000 });

  const signIn = new SignInPage(appWindow);
  await signIn.login.fill(demo.chen);
  await signIn.password.fill('Demo@2026');
  await signIn.submit.click();
  await expect(appWindow.getByTestId('account-menu')).toBeVisible();
  await expect(appWindow.getByTestId('company-row')).toHaveCount(2);

  // The page sees exactly the typed facade and no Node.
  const surface = await appWindow.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & {
      desktop?: { kind: string; getSessionToken(): Promise<string | null> };
    };
    return {
      kind: w.desktop?.kind,
      hasRequire: typeof w.require !== 'undefined',
      hasProcess: typeof w.process !== 'undefined',
      hasIpc: typeof w.ipcRenderer !== 'undefined' || typeof w.electron !== 'undefined',
    };
  });
  expect(surface).toEqual({ kind: 'electron', hasRequire: false, hasProcess: false, hasIpc: false });
  expect(
    await appWindow.evaluate(() =>
      (
        window as unknown as { desktop: { getSessionToken(): Promise<string | null> } }
      ).desktop.getSessionToken(),
    ),
  ).toBeTruthy();

  // A page-initiated navigation off the app origin is blocked (ftp: is not even handed to the OS).
  // Wait for the shell to decide on it: the guard's will-navigate handler runs before this
  // listener, which the main process installs before the page tries to leave.
  const before = appWindow.url();
  await electronApp.evaluate(({ webContents }) => {
    (globalThis as { navigationTried?: Promise<string> }).navigationTried = new Promise((resolve) => {
      for (const contents of webContents.getAllWebContents())
        contents.once('will-navigate', (event) => resolve(event.url));
    });
  });
  await appWindow.evaluate(() => {
    window.location.href = 'ftp://evil.example/';
  });
  const tried = await electronApp.evaluate(
    () => (globalThis as { navigationTried?: Promise<string> }).navigationTried,
  );
  expect(tried).toBe('ftp://evil.example/');
  expect(appWindow.url()).toBe(before);
});
