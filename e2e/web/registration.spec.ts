import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devices, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { generatedDir } from '../support/paths';
import { fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { demoPeople } from '../../server/seed/demo-data';
import { soleFounderApplication } from '../../server/test/registration-support';

// 陈志明 is the legal representative of what he files, so he confirms by face: the desktop camera is
// Chromium's fake camera showing his enrolled face (photo A), checked by the real face engine.
platformEnv(fileURLToPath(import.meta.url), FIXED_CHALLENGE);
test.use({
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  },
  permissions: ['camera'],
});

/** The registration wizard as a user drives it; every typed field goes through `type` and is counted. */
class Wizard {
  typed = 0;
  constructor(readonly page: Page) {}

  async type(target: Locator, value: string): Promise<void> {
    this.typed += 1;
    await target.fill(value);
  }
  async start(): Promise<void> {
    await this.page.getByTestId('reg-start').click();
    await expect(this.page).toHaveURL(/\/registration\/[0-9a-f-]{36}$/);
  }
  async next(): Promise<void> {
    await this.page.getByTestId('reg-next').click();
  }
  async name(value: string): Promise<void> {
    await this.type(this.page.getByLabel(/企业名称|Company name/), value);
  }
  async domicile(city: string, district: string, street: string): Promise<void> {
    await this.page.getByTestId('reg-division').click();
    await this.page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${city}$`) })
      .click();
    await this.page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${district}$`) })
      .click();
    await this.type(this.page.getByLabel(/详细地址|Street address/), street);
  }
  async pick(testId: string, option: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }
  async addScope(keyword: string, wording: string): Promise<void> {
    await this.type(this.page.getByLabel(/搜索经营范围|Search the catalogue/), keyword);
    await this.page.getByRole('button', { name: `添加 ${wording}`, exact: true }).click();
  }
}

const signIn = async (page: Page): Promise<void> => new SignInPage(page).signIn(demo.chen);

test('陈志明 registers a company from an empty form to an approved company with its licence on the home page', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const w = new Wizard(page);
  await w.start();

  await page.getByText('一人有限责任公司').click();
  await w.name('广州市青禾信息科技有限公司');
  await expect(page.getByTestId('name-ok')).toBeVisible();
  await w.next();

  await w.domicile('广州市', '天河区', '天河路 100 号 8 楼 801 室');
  await expect(page.getByTestId('reg-full-address')).toContainText('广东省广州市天河区天河路 100 号');
  await w.next();

  await w.type(page.getByLabel(/注册资本（元）/), '100000');
  await page.getByTestId('reg-add-me-shareholder').click();
  await expect(page.getByTestId('reg-capital-sum')).toContainText('100,000.00');
  await w.next();

  await page.getByTestId('reg-all-me').click();
  await page.getByTestId('reg-consent').click();
  await w.next();

  await w.addScope('软件开发', '软件开发');
  await w.addScope('食品销售', '食品销售');
  await expect(page.getByTestId('reg-licences-needed')).toContainText('食品经营许可证');
  await w.next();

  await w.pick('reg-bank', '工商银行');
  await w.pick('reg-branch', /天河支行/);
  await w.next();

  await expect(page.getByTestId('reg-no-problems')).toBeVisible();
  await page.getByTestId('reg-preview-articles').click();
  await expect(page.getByTestId('reg-articles')).toContainText('广州市青禾信息科技有限公司章程');
  await page.getByRole('button', { name: /关\s*闭/ }).click();
  await page.getByTestId('reg-request-confirm').click();

  await expect(page.getByTestId('reg-confirmation')).toHaveCount(1);
  await expect(page.getByTestId('reg-confirmation')).toContainText('刷脸确认');
  // The phone is offered too; here he uses the computer's camera.
  await expect(page.getByTestId('reg-face-phone-link-qr')).toBeVisible();
  await page.getByTestId('reg-face-start').click();
  await expect(page.getByTestId('reg-face-instruction')).toContainText('闭上眼睛');
  await expect(page.getByTestId('reg-confirmation')).toContainText('已确认', { timeout: 150_000 });
  await page.getByTestId('reg-submit').click();

  await expect(page.getByTestId('reg-status')).toHaveText('已核准');
  await expect(page.getByTestId('reg-uscc')).toHaveText(/^91440106MA[0-9A-Z]{8}$/);
  await expect(page.getByTestId('reg-record-business-licence')).toContainText('1.2.156.3005.2.');
  await expect(page.getByTestId('reg-timeline')).toContainText('核发电子营业执照');
  // The business licence itself, to download and to open.
  const [licencePdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('reg-download-licence').click(),
  ]);
  expect(licencePdf.suggestedFilename()).toBe('广州市青禾信息科技有限公司-营业执照-v1.pdf');
  await page.getByTestId('reg-view-licence').click();
  await expect(page.getByTestId('licence-title')).toHaveText('营业执照');
  await page.goBack();

  await page.getByRole('link', { name: /返回首页/ }).click();
  await expect(
    page.getByTestId('company-row').filter({ hasText: '广州市青禾信息科技有限公司' }),
  ).toContainText('法定代表人');
  await expect(
    page
      .getByTestId('reg-application')
      .filter({ hasText: '广州市青禾信息科技有限公司' })
      .getByTestId('reg-licence-id'),
  ).toContainText('1.2.156.3005.2.');

  expect(w.typed).toBeLessThanOrEqual(40);
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(
    join(generatedDir, 'registration-fields.json'),
    JSON.stringify(
      {
        flow: 'registration: empty form → approved company (陈志明, sole founder)',
        typedFields: w.typed,
        limit: 40,
      },
      null,
      2,
    ),
  );
});

test('a taken name is explained with alternatives, and a suggestion fixes it', async ({ page }) => {
  await signIn(page);
  const w = new Wizard(page);
  await w.start();
  await w.name('广州市云帆信息科技有限公司');
  await expect(page.getByText(/已有字号和行业相同的企业/)).toBeVisible();
  const suggestions = page.getByTestId('name-suggestions').getByRole('button');
  await expect(suggestions.first()).toBeVisible();
  await w.next();
  await expect(page.getByRole('alert').filter({ hasText: '请先修正本页标红的内容' })).toBeVisible();
  const chosen = (await suggestions.first().textContent()) ?? '';
  await suggestions.first().click();
  await expect(page.getByLabel(/企业名称/)).toHaveValue(chosen);
  await expect(page.getByTestId('name-ok')).toBeVisible();
  await w.next();
  await expect(page.getByLabel(/所在区县/)).toBeVisible();
});

test('the browser closes mid-wizard; signed in again elsewhere, the draft resumes where it was left', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page);
  const w = new Wizard(page);
  await w.start();
  const url = page.url();
  await w.name('广州市青岚信息科技有限公司');
  await expect(page.getByTestId('name-ok')).toBeVisible();
  await w.next();
  await w.domicile('广州市', '越秀区', '北京路 1 号 301 室');
  // Closed right after typing: what was typed is sent as the page goes away.
  await page.context().close();

  const other = await browser.newContext({ baseURL });
  const again = await other.newPage();
  await signIn(again);
  const row = again.getByTestId('reg-application').filter({ hasText: '广州市青岚信息科技有限公司' });
  await expect(row).toContainText('填写中');
  await row.getByRole('button', { name: /继续办理/ }).click();
  await expect(again).toHaveURL(url.replace(/^https?:\/\/[^/]+/, baseURL ?? ''));
  await expect(again.getByLabel(/详细地址/)).toHaveValue('北京路 1 号 301 室');
  await expect(again.getByText('行政区划代码 440104')).toBeVisible();
  await again.getByTestId('reg-next').click();
  await expect(again.getByLabel(/注册资本（元）/)).toBeVisible();
  await other.close();
});

test('刘芳 is named legal representative and confirms by face on her phone; the filer’s page flips live', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  // The form itself is driven in the first flow; here it is filled through the API as the wizard would.
  const token = await page.evaluate(() => localStorage.getItem('shangtong.session'));
  const headers = { authorization: `Bearer ${token}` };
  const created = await page.request.post('/api/v1/registration/applications', {
    headers: { ...headers, 'idempotency-key': `e2e-${Date.now()}` },
    data: {},
  });
  const view = (await created.json()) as { id: string; revision: number };
  const liu = demoPeople.find((p) => p.key === 'liu')!;
  const app = soleFounderApplication('chen', '广州市青梧信息科技有限公司');
  app.officers.people.push({ ref: 'p2', name: liu.name, residentId: liu.residentId, phone: liu.phone });
  app.officers.legalRepresentative = { ref: 'p2', capacity: 'manager' };
  app.officers.manager = 'p2';
  const saved = await page.request.put(`/api/v1/registration/applications/${view.id}/draft`, {
    headers,
    data: { step: 'services', revision: view.revision, draft: app },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/registration/${view.id}`);
  await page.getByTestId('reg-next').click();
  await expect(page.getByTestId('reg-no-problems')).toBeVisible();
  await page.getByTestId('reg-request-confirm').click();
  const liuRow = page.getByTestId('reg-confirmation').filter({ hasText: '刘芳' });
  await expect(liuRow).toContainText('刷脸确认');
  await expect(liuRow).toContainText('待确认');
  await expect(liuRow.getByTestId('reg-face-link-qr')).toBeVisible();
  const link = (await liuRow.getByTestId('reg-face-link').textContent()) ?? '';
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{22}$/);

  // 刘芳 also finds the request in the app (inbox → confirmation page): face check, or the phone.
  const asked = (await (
    await page.request.get(`/api/v1/registration/applications/${view.id}`, { headers })
  ).json()) as { confirmations: { id: string; name: string }[] };
  const liuRequest = asked.confirmations.find((c) => c.name === '刘芳')!;
  const desk = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const liuDesk = await desk.newPage();
  await new SignInPage(liuDesk).signIn(demo.liu);
  await liuDesk.goto(`/registration/confirm/${liuRequest.id}`);
  await expect(liuDesk.getByTestId('reg-face-start')).toBeEnabled();
  await expect(liuDesk.getByTestId('reg-face-phone-link-qr')).toBeVisible();
  await desk.close();

  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByText('广州市青梧信息科技有限公司').first()).toBeVisible();
  await expect(mobile.getByTestId('reg-face-attempts')).toContainText('还可尝试 5 次');
  // Nothing wider than the phone's screen.
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    devices['Pixel 7'].viewport.width,
  );
  await mobile.getByTestId('reg-face-start').click();
  await expect(mobile.getByTestId('reg-face-instruction')).toContainText('闭上眼睛');
  await expect(mobile.getByTestId('reg-confirm-done')).toBeVisible({ timeout: 150_000 });
  await phone.close();

  // The filer's page shows it without a reload; 陈志明 confirms his own part with his password.
  await expect(liuRow).toContainText('已确认', { timeout: 10_000 });
  const chenRow = page.getByTestId('reg-confirmation').filter({ hasText: '陈志明' });
  await chenRow.getByLabel(/^登录密码$/).fill('Demo@2026');
  await chenRow.getByTestId('reg-confirm-me').click();
  await expect(chenRow).toContainText('已确认');
  await page.getByTestId('reg-submit').click();
  await expect(page.getByTestId('reg-status')).toHaveText('已核准');
  await expect(page.getByTestId('reg-timeline')).toContainText('刘芳 已确认（刷脸核验）');
});
