import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';

test('a legal representative signs in, sees their companies, opens and switches company, signs out', async ({
  page,
}) => {
  await new SignInPage(page).signIn(demo.chen);
  const rows = page.getByTestId('company-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('法定代表人');
  await rows
    .filter({ hasText: '广州市云帆信息科技有限公司' })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  await expect(page.getByTestId('company-name')).toContainText('广州市云帆信息科技有限公司');
  // The legal representative's resident ID is masked: 4 digits, 10 stars, 4 characters.
  await expect(page.getByTestId('legal-rep')).toHaveText(/陈志明（\d{4}\*{10}[0-9X]{4}）/);
  await page.getByTestId('company-switcher').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '广州市云帆餐饮管理有限公司' }).click();
  await expect(page.getByTestId('company-name')).toContainText('广州市云帆餐饮管理有限公司');
  await page.getByTestId('account-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an agent sees the companies they are connected to but may only view them', async ({ page }) => {
  await new SignInPage(page).signIn(demo.li);
  await expect(page.getByTestId('company-row')).toHaveCount(3);
  await page
    .getByTestId('company-row')
    .filter({ hasText: '深圳市启明贸易有限公司' })
    .getByRole('link', { name: '深圳市启明贸易有限公司' })
    .click();
  await expect(page.getByTestId('my-authority')).toContainText('尚未获得办理授权');
});

test('language and elder mode persist across restarts of the app', async ({ page, context }) => {
  await new SignInPage(page).signIn(demo.wang);
  await page.getByTestId('toggle-language').click();
  await expect(page.getByRole('heading', { name: 'My companies' })).toBeVisible();
  await page.getByTestId('toggle-elder').click();
  const fontSize = await page
    .locator('body')
    .evaluate((b) => getComputedStyle(b.querySelector('.ant-card-body') ?? b).fontSize);
  expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
  // A new page in the same profile is the app restarted: preferences come back from storage.
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('heading', { name: 'My companies' })).toBeVisible();
  await expect(again.getByTestId('toggle-elder')).toHaveAttribute('aria-checked', 'true');
});

test('a wrong password gets a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  const signIn = new SignInPage(page);
  await signIn.login.fill(demo.chen);
  await signIn.password.fill('not-the-password');
  await signIn.submit.click();
  await expect(page.getByRole('alert')).toContainText('账号或密码不正确');
});

test('the reference face comes from the identity authority: no upload, and the counter for those without a portrait', async ({
  page,
}) => {
  await new SignInPage(page).signIn(demo.li);
  await page.getByTestId('account-menu').hover();
  await page.getByText('人脸核验').click();
  await expect(page.getByTestId('face-status')).toContainText('身份信息库中没有您的证件照');
  await expect(page.getByTestId('face-status')).toContainText('窗口核验身份');
  await expect(page.locator('input[type=file]')).toHaveCount(0);
});
