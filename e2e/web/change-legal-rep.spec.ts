import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { generatedDir } from '../support/paths';
import { fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { demoPeople } from '../../server/seed/demo-data';

// 陈志明 names 刘芳 manager and legal representative of 云帆信息科技. The new legal representative
// signs (CL §35): 刘芳 confirms by live face on her own computer — Chromium's fake camera shows
// photo A, the face the demo authority holds for her — then a reviewer approves.
platformEnv(fileURLToPath(import.meta.url), FIXED_CHALLENGE);
test.use({
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  },
  permissions: ['camera'],
});

const shots = join(generatedDir, 'screenshots', 'changes');
const shot = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

const liu = demoPeople.find((p) => p.key === 'liu')!;

test('a legal representative change is signed by the new legal representative’s face, then approved', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await new SignInPage(page).signIn(demo.chen);
  await page
    .getByTestId('company-row')
    .filter({ hasText: '广州市云帆信息科技有限公司' })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  await page.getByTestId('chg-start').click();
  await page.getByTestId('chg-item-legal-representative').click();
  await page.getByTestId('chg-item-officers').click();
  await page.getByTestId('chg-manager').fill(liu.name);
  await page.getByTestId('chg-rep-name').fill(liu.name);
  await page.getByTestId('chg-rep-id').fill(liu.residentId);
  await page.getByTestId('chg-rep-manager').click();
  await expect(page.getByTestId('chg-diff')).toContainText(liu.name);
  await shot(page, 'legal-rep-form');
  await page.getByTestId('chg-submit').click();

  await expect(page).toHaveURL(/\/changes\/[0-9a-f-]{36}$/);
  const changeUrl = page.url();
  await expect(page.getByTestId('chg-status')).toHaveText('待确认');
  await expect(page.getByTestId('chg-card')).toContainText(`新任法定代表人`);
  // The filer is not the signer: no face check is offered to him.
  await expect(page.getByTestId('chg-face')).toHaveCount(0);

  // 刘芳 signs on her computer.
  const liuContext = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  const liuPage = await liuContext.newPage();
  await new SignInPage(liuPage).signIn(demo.liu);
  await liuPage.goto('/changes/confirm');
  await expect(liuPage.getByTestId('chg-card')).toContainText('广州市云帆信息科技有限公司');
  await liuPage.getByTestId('chg-face-start').click();
  await expect(liuPage.getByTestId('chg-face-instruction')).toContainText('闭上眼睛');
  await expect(liuPage.getByTestId('chg-signed')).toContainText('审查中', { timeout: 150_000 });
  await shot(liuPage, 'legal-rep-signed');

  // A reviewer decides: a legal representative change is never 秒批.
  const zhaoContext = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const zhao = await zhaoContext.newPage();
  await new SignInPage(zhao).signIn(demo.zhao);
  await zhao.goto('/changes/review');
  await expect(zhao.getByTestId('chg-card')).toContainText(liu.name);
  await shot(zhao, 'legal-rep-review');
  await zhao.getByTestId('chg-approve').click();
  await expect(zhao.getByTestId('chg-card')).toHaveCount(0);

  await page.goto(changeUrl);
  await expect(page.getByTestId('chg-status')).toHaveText('已核准');
  // The licence wallet is now the new legal representative's: she sees the new version with her name.
  await liuPage.goto(changeUrl);
  await expect(liuPage.getByTestId('chg-status')).toHaveText('已核准');
  await liuPage.getByRole('button', { name: '查看电子证照' }).click();
  await liuPage
    .getByTestId('licence-card')
    .filter({ hasText: '营业执照' })
    .first()
    .locator('.ant-card-head')
    .click();
  await expect(liuPage.getByTestId('licence-fields')).toContainText(liu.name);
  await shot(liuPage, 'legal-rep-licence');
  await Promise.all([liuContext.close(), zhaoContext.close()]);
});
