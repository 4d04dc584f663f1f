// Verified sign-up and one face check for many approvals, end to end with the real face engine and
// Chromium's fake camera (person A: the portrait of the newcomer 林晓东 and of 陈志明 in the demo
// identity authority). The SMS code is read from the development outbox the page shows.
// Screenshots at 1280 and at 390×844 go to e2e/.generated/screens/.
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { generatedDir, templateDataDir } from '../support/paths';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { SignInPage, demo } from '../support/pages';
import { demoNewcomers } from '../../server/seed/demo-data';

let platform: LaunchedPlatform;
let dataDir: string;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
const screens = join(generatedDir, 'screens');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureFakeCamera();
  mkdirSync(screens, { recursive: true });
  dataDir = mkdtempSync(join(generatedDir, 'data-sign-up-'));
  cpSync(templateDataDir, dataDir, { recursive: true });
  platform = await launchPlatform(['--data', dataDir], FIXED_CHALLENGE);
  browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  });
  const common = {
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  };
  desk = await browser.newContext({ ...common, viewport: { width: 1280, height: 860 } });
  phone = await browser.newContext({
    ...common,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
});

test.afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });

test('a newcomer signs up with the authority, the SMS code and a live face', async () => {
  test.setTimeout(180_000);
  const lin = demoNewcomers.find((n) => n.key === 'lin')!;
  const page = await desk.newPage();
  await page.goto('/sign-up');
  await page.getByLabel(/^姓名/).fill(lin.name);
  await page.getByLabel(/^身份证号/).fill(lin.residentId);
  await page.getByLabel(/^手机号/).fill('13912340001');
  await page.getByTestId('sign-up-consent').click();
  await shot(page, 'sign-up-1280');
  await page.getByRole('button', { name: /下一步/ }).click();
  const outbox = page.getByTestId('dev-sms-outbox');
  await expect(outbox).toContainText(/\d{6}/);
  const code = /\d{6}/.exec((await outbox.textContent()) ?? '')![0];
  await page.getByLabel(/验证码/).fill(code);
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByTestId('sign-up-password').fill('Newcomer@2026');
  await shot(page, 'sign-up-face-1280');
  await page.getByTestId('sign-up-face-start').click();
  await page.getByTestId('account-menu').waitFor({ timeout: 150_000 });
  await expect(page.getByTestId('account-menu')).toContainText(lin.name);
  await page.close();
  const small = await phone.newPage();
  await small.goto('/sign-up');
  await expect(small.getByTestId('sign-up-consent')).toBeVisible();
  await shot(small, 'sign-up-390');
  await small.close();
});

/** The agent asks, through the API, for tax filing in two of 陈志明's companies. */
const twoRequests = async (): Promise<void> => {
  const api = desk.request;
  const signIn = await api.post('/api/v1/auth/sign-in', { data: { login: demo.li, password: 'Demo@2026' } });
  const headers = { authorization: `Bearer ${(await signIn.json()).token as string}` };
  const { companies } = (await (await api.get('/api/v1/companies', { headers })).json()) as {
    companies: { id: string; name: string }[];
  };
  for (const name of ['广州市云帆信息科技有限公司', '广州市云帆餐饮管理有限公司']) {
    const company = companies.find((c) => c.name === name)!;
    const res = await api.post(`/api/v1/companies/${company.id}/delegations`, {
      headers: { ...headers, 'idempotency-key': `sign-up-spec-${company.id}` },
      data: { scopes: ['tax.file'], validity: { kind: 'months', months: 3 }, note: '季度申报' },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
};

test('the legal representative approves two requests with one face check on the phone', async () => {
  test.setTimeout(180_000);
  await twoRequests();
  const mobile = await phone.newPage();
  await new SignInPage(mobile).signIn(demo.chen);
  await expect(mobile.getByTestId('approvals-widget')).toContainText('2');
  await mobile.getByTestId('approvals-widget').getByRole('button').click();
  await expect(mobile.getByTestId('approval-item')).toHaveCount(2);
  await mobile.getByTestId('approvals-consent').click();
  await shot(mobile, 'approvals-390');
  const desktop = await desk.newPage();
  await new SignInPage(desktop).signIn(demo.chen);
  await desktop.goto('/approvals');
  await expect(desktop.getByTestId('approval-item')).toHaveCount(2);
  await shot(desktop, 'approvals-1280');
  await desktop.close();

  await mobile.getByTestId('approvals-face-start').click();
  await expect(mobile.getByTestId('approvals-result')).toContainText('已确认 2 项', { timeout: 150_000 });
  await expect(mobile.getByTestId('approvals-empty')).toBeVisible();
  await shot(mobile, 'approvals-done-390');
});
