// Firm handover end to end: firm B (admin 孙浩, seeded as `demo-firm-b`) asks for 佛山美家, held by
// the demo firm A; the legal representative 刘芳 approves by face on a phone-sized page (390×844,
// Chromium's fake camera showing her reference person); A's staff lose the company at once, B's
// admin acts for it, and her ledger shows one entry, from A to B.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { generatedDir, repoRoot, templateDataDir } from '../support/paths';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { SignInPage, demo } from '../support/pages';
import { demoCompanies, demoFirm, demoSecondFirm } from '../../server/seed/demo-data';

const MEIJIA = demoCompanies.find((c) => c.key === 'meijia-home')!.name;

let platform: LaunchedPlatform;
let dataDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureFakeCamera();
  dataDir = mkdtempSync(join(generatedDir, 'data-handover-'));
  cpSync(templateDataDir, dataDir, { recursive: true });
  const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(
    process.execPath,
    [tsx, 'server/seed/firm-cli.ts', '--data', dataDir, '--seed', 'demo-firm-b'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  platform = await launchPlatform(['--data', dataDir], FIXED_CHALLENGE);
  browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const desk = async (who: string): Promise<Page> => {
  const context = await browser.newContext({
    baseURL: platform.url,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  contexts.push(context);
  const page = await context.newPage();
  await new SignInPage(page).signIn(who);
  return page;
};

test('firm B takes over a client from firm A once the legal representative approves by face', async () => {
  test.setTimeout(300_000);
  // B's admin: 佛山美家 is on the roster with no authorization yet; ask for a handover.
  const b = await desk(demo.sun);
  await b.getByTestId('open-firm').click();
  await expect(b.getByTestId('roster-count')).toContainText('共 1 家', { timeout: 60_000 });
  await b.getByTestId('request-auth').click();
  const dialog = b.getByRole('dialog');
  await dialog.getByTestId('request-handover').check();
  await dialog.getByRole('button', { name: /发送申请/ }).click();
  await expect(dialog).toContainText('申请已发送');
  const link = /https?:\/\/\S+?\/a\/[A-Za-z0-9_-]{22}/.exec((await dialog.textContent()) ?? '')?.[0];
  expect(link).toBeTruthy();
  await b.keyboard.press('Escape');

  // A's staff member still works on the company while the request waits.
  const a = await desk(demo.zhou);
  await a.getByTestId('open-firm').click();
  await a.getByTestId('roster-name').filter({ hasText: MEIJIA }).click();
  await expect(a.getByTestId('company-name')).toContainText(MEIJIA);
  const companyPath = new URL(a.url()).pathname;

  // The legal representative's phone: what B asks, what A holds, approve by face.
  const phoneContext = await browser.newContext({
    baseURL: platform.url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  contexts.push(phoneContext);
  const phone = await phoneContext.newPage();
  await phone.goto(link!);
  await expect(phone.getByTestId('approve-company')).toHaveText(MEIJIA);
  await expect(phone.getByTestId('approve-handover')).toContainText(
    `代理机构交接：${demoFirm.name} → ${demoSecondFirm.name}`,
  );
  await expect(phone.getByTestId('approve-handover')).toContainText('将立即终止');
  await phone.getByTestId('approve-agree').click();
  await expect(phone.getByTestId('approve-success')).toBeVisible({ timeout: 150_000 });

  // A loses access at once; B acts for the company.
  await a.reload();
  await expect(a.locator('.ant-result-403')).toBeVisible();
  await expect(a.getByTestId('company-name')).toHaveCount(0);
  await b.goto(companyPath);
  await expect(b.getByTestId('company-name')).toContainText(MEIJIA);

  // The legal representative's ledger: one entry, from A to B (not a revocation plus a grant).
  const rep = await desk(demo.liu);
  await rep.goto('/delegations');
  const rows = rep.getByTestId('granted-row').filter({ hasText: MEIJIA });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('handover-entry')).toHaveText(
    `从 ${demoFirm.name} 移交至 ${demoSecondFirm.name}`,
  );
  await expect(rows).toContainText('已生效');
});
