import { fileURLToPath } from 'node:url';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { demoPeople } from '../../server/seed/demo-data';

// 陈志明, sole shareholder of 云帆信息科技, first brings in 刘芳 (an outsider: no other shareholder
// to notify; she is verified by real name and signs by face as the new shareholder), then
// transfers to 王建国, another outsider: now 刘芳 is a shareholder and gets the CL §84 written
// notice with its 30 days, and waives early, so the application goes on to the signatures.
platformEnv(fileURLToPath(import.meta.url), FIXED_CHALLENGE);
test.use({
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  },
  permissions: ['camera'],
});

const liu = demoPeople.find((p) => p.key === 'liu')!;
const wang = demoPeople.find((p) => p.key === 'wang')!;

test('an equity transfer to an outsider: the other shareholder is notified and waives pre-emption early', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(420_000);
  await new SignInPage(page).signIn(demo.chen);
  await page
    .getByTestId('company-row')
    .filter({ hasText: '广州市云帆信息科技有限公司' })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  const companyUrl = page.url();
  const transfer = async (name: string, residentId: string, amount: string) => {
    await page.goto(companyUrl);
    await page.getByTestId('chg-start').click();
    await page.getByTestId('chg-item-shareholders').click();
    await expect(page.getByTestId('chg-register')).toContainText('陈志明', { timeout: 60_000 });
    await page.getByTestId('chg-transfer-to').fill(name);
    await page.getByTestId('chg-transfer-to-id').fill(residentId);
    await page.getByTestId('chg-transfer-amount').fill(amount);
    await expect(page.getByTestId('chg-diff')).toContainText(name);
    await page.getByTestId('chg-submit').click();
    await expect(page).toHaveURL(/\/changes\/[0-9a-f-]{36}$/);
  };

  // 1. To 刘芳: nobody else to notify; the filer and the new shareholder sign, a reviewer approves.
  await transfer(liu.name, liu.residentId, '300000');
  const first = page.url();
  await expect(page.getByTestId('chg-status')).toHaveText('待确认');
  await expect(page.getByTestId('chg-card')).toContainText('新股东');
  await page.getByTestId('chg-face-start').click();
  await expect(page.getByTestId('chg-card')).toContainText('已确认', { timeout: 150_000 });

  const liuContext = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  const liuPage = await liuContext.newPage();
  await new SignInPage(liuPage).signIn(demo.liu);
  await liuPage.goto('/changes/confirm');
  await expect(liuPage.getByTestId('chg-card')).toContainText('第八十八条', { timeout: 60_000 });
  await liuPage.getByTestId('chg-face-start').click();
  await expect(liuPage.getByTestId('chg-signed')).toContainText('审查中', { timeout: 150_000 });

  const zhaoContext = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const zhao = await zhaoContext.newPage();
  await new SignInPage(zhao).signIn(demo.zhao);
  await zhao.goto('/changes/review');
  await expect(zhao.getByTestId('chg-card')).toContainText(liu.name, { timeout: 60_000 });
  await zhao.getByTestId('chg-approve').click();
  await expect(zhao.getByTestId('chg-card')).toHaveCount(0);
  await page.goto(first);
  await expect(page.getByTestId('chg-status')).toHaveText('已核准');

  // 2. To 王建国: 刘芳 is told in writing, with 30 days to answer.
  await transfer(wang.name, wang.residentId, '100000');
  await expect(page.getByTestId('chg-status')).toHaveText('优先购买权通知期');
  await expect(page.getByTestId('chg-preemption')).toContainText(`${liu.name}：未答复`);
  await expect(page.getByTestId('chg-face-start')).toHaveCount(0);

  await liuPage.goto('/changes/equity-notices');
  await expect(liuPage.getByTestId('chg-card')).toContainText(wang.name, { timeout: 60_000 });
  await liuPage.getByTestId('chg-waive').click();
  await expect(liuPage.getByTestId('chg-answered')).toContainText('待确认');

  await page.reload();
  await expect(page.getByTestId('chg-status')).toHaveText('待确认');
  await expect(page.getByTestId('chg-preemption')).toContainText(`${liu.name}：放弃`);
  await Promise.all([liuContext.close(), zhaoContext.close()]);
});
