// Delegated authorization end to end: the agent asks on the desktop, the legal representative
// approves on a phone (second browser context, mobile viewport) through Chromium's fake camera fed
// with a video made from a test photo, and the agent's page flips without a reload. The face check
// is the real one (@vladmandic/human on the platform). The fake camera loops neutral → eyes closed
// → neutral → mirrored; the platform runs with SHANGTONG_FACE_FIXED_CHALLENGE (a test-only
// setting) so the challenge asks for what the video shows, and liveness is still judged on the frames.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  devices,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { generatedDir, templateDataDir } from '../support/paths';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { SignInPage, demo } from '../support/pages';

let platform: LaunchedPlatform;
let dataDir: string;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let agent: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureFakeCamera();
  // A data folder of our own: a copy of the seeded template, so no other spec can disturb it.
  dataDir = mkdtempSync(join(generatedDir, 'data-delegation-'));
  cpSync(templateDataDir, dataDir, { recursive: true });
  platform = await launchPlatform(['--data', dataDir], FIXED_CHALLENGE);
  browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  });
  desk = await browser.newContext({
    baseURL: platform.url,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Record desktop notifications instead of showing them.
  await desk.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    // A constructor function: the app calls `new Notification(title, {body})`.
    function FakeNotification(title: string, options?: { body?: string }): void {
      shown.push({ title, body: options?.body ?? '' });
    }
    Object.assign(FakeNotification, {
      permission: 'granted',
      requestPermission: async (): Promise<string> => 'granted',
    });
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
  });
  phone = await browser.newContext({
    ...devices['Pixel 7'],
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  agent = await desk.newPage();
  await new SignInPage(agent).signIn(demo.li);
});

test.afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const openCompany = async (name: string): Promise<void> => {
  await agent.goto('/');
  await agent.getByTestId('company-row').filter({ hasText: name }).getByRole('link', { name }).click();
  await expect(agent.getByTestId('company-name')).toContainText(name);
};

/** The agent asks for tax filing for 3 months; returns the approval link shown with the QR code. */
const requestAuthorization = async (): Promise<string> => {
  await agent.getByTestId('delegation-request').click();
  const dialog = agent.getByRole('dialog');
  await dialog.getByText('申报纳税', { exact: true }).click();
  // The smallest scope for filing is suggested: tax filing only.
  await expect(dialog.getByTestId('scope-tax.file')).toBeChecked();
  await expect(dialog.getByTestId('scope-tax.pay')).not.toBeChecked();
  await expect(dialog.getByTestId('scope-company.view')).not.toBeChecked();
  // 仅本次 needs the matter: the dialog says so while the button waits.
  await dialog.getByText('仅本次（一次性）', { exact: true }).click();
  await expect(dialog.getByTestId('delegation-submit')).toBeDisabled();
  await expect(dialog.getByTestId('matter-required')).toContainText('须写明办理的事项');
  await dialog.getByLabel('办理的事项').fill('2026年第一季度增值税申报');
  await expect(dialog.getByTestId('matter-required')).toHaveCount(0);
  await expect(dialog.getByTestId('delegation-submit')).toBeEnabled();
  await dialog.getByText('3 个月', { exact: true }).click();
  await expect(dialog.getByTestId('validity-m3')).toBeChecked();
  await dialog.getByLabel('给法定代表人的说明（选填）').fill('2026年第一季度增值税申报');
  await dialog.getByTestId('delegation-submit').click();
  await expect(agent.getByTestId('delegation-pending')).toBeVisible();
  await expect(agent.getByTestId('approval-qr')).toBeVisible();
  const link = await agent.getByTestId('approval-link').inputValue();
  expect(link).toMatch(/\/a\/[A-Za-z0-9_-]{22}$/);
  return link;
};

test('the agent requests, the legal representative approves by face on the phone, the agent’s page flips live', async () => {
  test.setTimeout(240_000);
  await openCompany('广州市云帆信息科技有限公司');
  await expect(agent.getByTestId('my-authority')).toContainText('尚未获得办理授权');
  const link = await requestAuthorization();
  // Marks this document: if the page reloaded, the mark would be gone.
  await agent.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    const w = window as unknown as { __flippedAt?: number };
    new MutationObserver(() => {
      if (w.__flippedAt === undefined && document.querySelector('[data-testid="delegation-active"]'))
        w.__flippedAt = Date.now();
    }).observe(document.body, { childList: true, subtree: true });
  });

  const mobile = await phone.newPage();
  mobile.on('pageerror', (e) => console.log('PHONE PAGE ERROR', e.message));
  await mobile.goto(link);
  await expect(mobile.getByTestId('approve-company')).toHaveText('广州市云帆信息科技有限公司');
  await expect(mobile.getByTestId('approve-asks')).toContainText(/李晓红（身份证 \d{4}\*{10}[0-9X]{4}）/);
  await expect(mobile.getByText('税费申报')).toBeVisible();
  await expect(mobile.getByTestId('approve-until')).toContainText('3 个月');
  await mobile.getByTestId('approve-agree').click();
  await expect(mobile.getByTestId('approve-instruction')).toContainText('闭上眼睛');
  await expect(mobile.getByTestId('approve-success')).toBeVisible({ timeout: 150_000 });

  await expect(agent.getByTestId('delegation-active')).toContainText('已获授权，有效期至', {
    timeout: 5_000,
  });
  await expect(agent.getByTestId('my-authority')).toContainText('您已获授权');
  expect(await agent.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
  await expect
    .poll(() =>
      agent.evaluate(() =>
        (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title),
      ),
    )
    .toContain('授权已生效');

  // Approval (server decision) → the agent's page showing it, on the same machine clock.
  const flippedAt = await agent.evaluate(
    () => (window as unknown as { __flippedAt?: number }).__flippedAt ?? NaN,
  );
  const companyId = agent.url().split('/companies/')[1]!;
  const token = await agent.evaluate(() => localStorage.getItem('shangtong.session'));
  const list = (await (
    await agent.request.get(`/api/v1/companies/${companyId}/delegations`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as {
    delegations: { status: string; decidedAt: string }[];
  };
  const decidedAt = Date.parse(list.delegations.find((d) => d.status === 'approved')!.decidedAt);
  const latency = flippedAt - decidedAt;
  console.log(`approval → agent screen: ${latency} ms`);
  test.info().annotations.push({ type: 'approval-to-screen-ms', description: String(latency) });
  expect(latency).toBeGreaterThanOrEqual(0);
  expect(latency).toBeLessThan(1_000);

  // The spent link cannot be used again.
  await mobile.reload();
  await expect(mobile.getByTestId('approve-final')).toContainText('该授权已确认');
});

test('the legal representative sees it, its audit trail, and revokes it; the agent’s page flips back', async () => {
  // Another browser profile: the session lives in localStorage, shared by a context's pages.
  const repContext = await browser.newContext({
    baseURL: platform.url,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const rep = await repContext.newPage();
  await new SignInPage(rep).signIn(demo.chen);
  await rep.goto('/delegations');
  const row = rep.getByTestId('granted-row').filter({ hasText: '李晓红' }).filter({ hasText: '已生效' });
  await expect(row).toHaveCount(1);
  await row.getByTestId('delegation-trail').click();
  await expect(rep.getByTestId('audit-entry')).toHaveText([/提出申请/, /刷脸确认授权/]);
  await rep.keyboard.press('Escape');
  await row.getByTestId('delegation-revoke').click();
  await rep
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /撤\s*销/ })
    .click();
  await expect(rep.getByTestId('granted-row').filter({ hasText: '李晓红' }).first()).toContainText('已撤销');
  await expect(agent.getByTestId('delegation-request')).toBeVisible({ timeout: 5_000 });
  await expect(agent.getByTestId('my-authority')).toContainText('尚未获得办理授权');
  await repContext.close();
});

test('the wrong face is refused and the request stays pending', async () => {
  test.setTimeout(240_000);
  // 王建国's reference is person B; the phone's camera shows person A.
  await openCompany('深圳市启明贸易有限公司');
  const link = await requestAuthorization();
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByTestId('approve-company')).toHaveText('深圳市启明贸易有限公司');
  await mobile.getByTestId('approve-agree').click();
  await expect(mobile.getByTestId('approve-failure')).toContainText('人脸与法定代表人登记的照片不一致', {
    timeout: 150_000,
  });
  await expect(mobile.getByTestId('approve-failure')).toContainText('FACE_MISMATCH');
  await expect(mobile.getByText('还可尝试 4 次', { exact: true })).toBeVisible();
  await expect(mobile.getByTestId('approve-agree')).toHaveText(/重新刷脸/);
  await expect(agent.getByTestId('delegation-pending')).toBeVisible();
  await expect(agent.getByTestId('delegation-active')).toHaveCount(0);
});
