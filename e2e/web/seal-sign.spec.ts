// A PDF signed with the company seal and verified on the public page. The legal representative
// claims the seals with a live face check (Chromium's fake camera, the real face engine on the
// platform, a fixed challenge the video answers — see delegation.spec.ts), sets the PIN, then signs
// with the PIN inside the re-verification window the platform is started with; a visitor with no
// account uploads the signed file to /verify-seal.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { generatedDir, templateDataDir } from '../support/paths';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { SignInPage, demo } from '../support/pages';
import { minimalPdf } from '../../shared/seals/testing';

let platform: LaunchedPlatform;
let dataDir: string;
let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureFakeCamera();
  dataDir = mkdtempSync(join(generatedDir, 'data-seal-'));
  cpSync(templateDataDir, dataDir, { recursive: true });
  platform = await launchPlatform(['--data', dataDir], {
    ...FIXED_CHALLENGE,
    SHANGTONG_REVERIFY_MINUTES: '60',
  });
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

test('a PDF signed with the company seal verifies on the public page', async () => {
  test.setTimeout(300_000);
  const desk = await browser.newContext({
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
    acceptDownloads: true,
  });
  const page = await desk.newPage();
  await new SignInPage(page).signIn(demo.chen);
  const token = await page.evaluate(() => localStorage.getItem('shangtong.session'));
  const mine = (await (
    await page.request.get('/api/v1/companies', { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    companies: { id: string; name: string }[];
  };
  const company = mine.companies.find((c) => c.name === '广州市云帆信息科技有限公司')!;
  await page.goto(`/companies/${company.id}/seals`);
  await expect(page.getByTestId('seals-title')).toContainText('电子印章');

  // Claim: the PIN, then the live face check.
  await page.getByTestId('seal-claim-pin').fill('246810');
  await page.getByTestId('seal-claim-face-start').click();
  await expect(page.getByTestId('seals-claimed')).toBeVisible({ timeout: 150_000 });

  // Sign an uploaded PDF with the 公章 at a chosen place, with the PIN (face checked just now).
  await page.getByTestId('seal-use-4401060012345').click();
  const sign = page.getByTestId('seal-sign');
  await sign
    .locator('input[type=file]')
    .setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from(minimalPdf()) });
  await page.getByTestId('seal-x').fill('400');
  await page.getByTestId('seal-y').fill('100');
  await page.getByTestId('seal-sign-pin').fill('246810');
  await page.getByTestId('seal-sign-submit').click();
  await expect(page.getByTestId('seal-signed')).toContainText('合同-signed.pdf');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('seal-download').click(),
  ]);
  const signed = readFileSync((await download.path())!);
  expect(signed.subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: join(generatedDir, 'seal-signed.png') });

  // Anyone verifies it, without an account.
  const visitor = await browser.newContext({
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const pub = await visitor.newPage();
  await pub.goto('/verify-seal');
  await expect(pub.getByTestId('seal-verify-title')).toHaveText('电子印章签章核验');
  await pub
    .locator('input[type=file]')
    .setInputFiles({ name: '合同-signed.pdf', mimeType: 'application/pdf', buffer: signed });
  await expect(pub.getByTestId('seal-verify-summary')).toContainText('全部 1 个签章验证通过');
  const sig = pub.getByTestId('seal-verify-signature-1');
  await expect(sig.getByTestId('seal-verify-signer')).toContainText('陈志明');
  await expect(sig.getByTestId('seal-check-seal-valid-at-signing')).toContainText('印章有效');
  await expect(sig.getByTestId('seal-check-signer-grant')).toContainText('持有该印章的使用授权');
  await pub.screenshot({ path: join(generatedDir, 'seal-verified.png'), fullPage: true });

  // A changed byte is caught.
  const tampered = Buffer.from(signed);
  tampered[30] = tampered[30]! ^ 1;
  await pub
    .locator('input[type=file]')
    .setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: tampered });
  await expect(pub.getByTestId('seal-check-document')).toContainText('不一致');
  await visitor.close();
  await desk.close();
});
