import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { generatedDir } from '../support/paths';
import { fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

// 陈志明 moves 云帆信息科技 within 天河区 (the same registration authority): 秒批 once he signs by
// face. The desktop camera is Chromium's fake camera showing his enrolled face (photo A), checked
// by the real face engine.
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

const NEW_STREET = '体育西路 191 号中石化大厦 20 楼 2001 室';

test('an address change within the same authority is approved at once; the new licence version is in the wallet', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await new SignInPage(page).signIn(demo.chen);
  await page
    .getByTestId('company-row')
    .filter({ hasText: '广州市云帆信息科技有限公司' })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  await page.getByTestId('chg-start').click();
  await expect(page.getByRole('heading', { name: /变更登记 \/ 备案/ })).toBeVisible();

  await page.getByTestId('chg-item-address').click();
  // The form opens on today's facts.
  await expect(page.getByTestId('chg-street')).toHaveValue('天河路 385 号太古汇一座 18 楼 1806 室');
  await page.getByTestId('chg-street').fill(NEW_STREET);
  await expect(page.getByTestId('chg-diff')).toContainText(NEW_STREET);
  await expect(page.getByTestId('chg-deadline')).toContainText('决议后 30 日内');
  await shot(page, 'address-form');
  await page.getByTestId('chg-submit').click();

  await expect(page).toHaveURL(/\/changes\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('chg-status')).toHaveText('待确认');
  await expect(page.getByTestId('chg-diff-recorded')).toContainText(`广东省广州市天河区${NEW_STREET}`);
  await page.getByTestId('chg-face-start').click();
  await expect(page.getByTestId('chg-face-instruction')).toContainText('闭上眼睛');
  await expect(page.getByTestId('chg-status')).toHaveText('已核准', { timeout: 150_000 });
  const approved = page.getByTestId('chg-approved');
  await expect(approved).toContainText('营业执照已换发');
  const version = /第 (\d+) 版/.exec((await approved.textContent()) ?? '')?.[1];
  expect(version).toBeTruthy();
  await shot(page, 'address-approved');

  await approved.getByRole('button', { name: '查看电子证照' }).click();
  await expect(page.getByRole('heading', { name: '电子证照夹' })).toBeVisible();
  await page
    .getByTestId('licence-card')
    .filter({ hasText: '营业执照' })
    .first()
    .locator('.ant-card-head')
    .click();
  await expect(page.getByTestId('licence-title')).toHaveText('营业执照');
  await expect(page.getByText(`第 ${version} 版`).first()).toBeVisible();
  await expect(page.getByTestId('licence-fields')).toContainText(NEW_STREET);
  await shot(page, 'address-licence');

  // The public record shows the change, no sign-in needed.
  const uscc = (await page.getByTestId('licence-fields').textContent())?.match(/91[0-9A-Z]{16}/)?.[0];
  expect(uscc).toBeTruthy();
  await page.goto(`/gs/${uscc}`);
  await expect(page.getByTestId('gs-changes')).toContainText(NEW_STREET);
  await shot(page, 'address-disclosure');
});
