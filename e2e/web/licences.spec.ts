// E-licences end to end: the wallet, a PDF download with the Chinese font, the public QR
// verification page (no sign-in), a 用证授权 share link revoked, and licence-free processing
// (免证办) with auto-attached licences, evidence, and a reviewer's approval issuing the new version.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';

const hasPdftotext = (): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return !(e instanceof Error && 'code' in e && e.code === 'ENOENT');
  }
};

const openWallet = async (page: Page, company: string): Promise<void> => {
  await page
    .getByTestId('company-row')
    .filter({ hasText: company })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  await page.getByTestId('open-wallet').click();
  await expect(page.getByRole('heading', { name: '电子证照夹' })).toBeVisible();
};

test('the wallet shows licences as cards with validity countdowns and an expiry radar', async ({ page }) => {
  await new SignInPage(page).signIn(demo.chen);
  await openWallet(page, '广州市云帆餐饮管理有限公司');
  const cards = page.getByTestId('licence-card');
  await expect(cards).toHaveCount(6);
  const food = cards.filter({ hasText: '食品经营许可证' });
  await expect(food.getByTestId('licence-state')).toHaveText('即将到期');
  await expect(food.getByTestId('countdown')).toHaveText('剩余 40 天');
  await expect(cards.filter({ hasText: '烟草专卖零售许可证' }).getByTestId('licence-state')).toHaveText(
    '已过期',
  );
  const radar = page.getByTestId('expiry-radar');
  await expect(radar.getByTestId('radar-item')).toHaveCount(2);
  await expect(
    radar.getByTestId('radar-item').filter({ hasText: '食品经营许可证' }).getByTestId('radar-renew'),
  ).toHaveText(/办理延续/);
});

test('a licence downloads as a PDF with its Chinese name, and its QR code verifies on any phone without signing in', async ({
  page,
  browser,
  baseURL,
}) => {
  await new SignInPage(page).signIn(demo.chen);
  await openWallet(page, '广州市云帆餐饮管理有限公司');
  await page
    .getByTestId('licence-card')
    .filter({ hasText: '食品经营许可证' })
    .locator('.ant-card-head')
    .click();
  await expect(page.getByTestId('licence-title')).toHaveText('食品经营许可证');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-pdf').click(),
  ]);
  // Named by the platform with the licence's name, not its type code.
  expect(download.suggestedFilename()).toMatch(/^广州市云帆餐饮管理有限公司-食品经营许可证-v\d+\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  if (hasPdftotext()) {
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('食品经营许可证');
    expect(text).toContain('广州市云帆餐饮管理有限公司');
  } else console.warn('pdftotext not installed: PDF text not checked');

  await page.getByTestId('verify-offline').click();
  await expect(page.getByTestId('offline-result-verdict')).toHaveText('有效');

  // The QR is short (a code on the public host); the seal itself is in the offline link.
  const qr = await page.getByTestId('qr-link').getAttribute('href');
  expect(qr).toMatch(/\/v\/[A-Za-z0-9_-]{20}$/);
  expect(qr!.length).toBeLessThan(80);
  const seal = await page.getByTestId('seal-link').getAttribute('href');
  expect(seal).toMatch(/\/v\/#1\./);
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const mobile = await phone.newPage();
  await mobile.goto(new URL(qr!).pathname + new URL(qr!).hash);
  await expect(mobile.getByTestId('offline-result-verdict')).toHaveText('有效');
  await expect(mobile.getByTestId('online-result-verdict')).toHaveText('有效');
  await expect(mobile.getByTestId('verify-facts')).toContainText('广州市云帆餐饮管理有限公司');
  // A damaged code is explained, not crashed on.
  await mobile.getByTestId('verify-paste').fill(seal!.slice(0, -8));
  await mobile.getByTestId('verify-check').click();
  await expect(mobile.getByTestId('online-result-verdict')).toHaveText('格式错误');
  await phone.close();
});

test('a share link (用证授权) shows the licence to a third party until it is revoked, and every opening is logged', async ({
  page,
  browser,
  baseURL,
}) => {
  await new SignInPage(page).signIn(demo.chen);
  await openWallet(page, '广州市云帆餐饮管理有限公司');
  await page.getByTestId('licence-card').filter({ hasText: '营业执照' }).locator('.ant-card-head').click();
  await page.getByTestId('share-recipient').fill('中国工商银行广州分行');
  await page.getByTestId('share-purpose').fill('开立一般存款账户');
  await page.getByTestId('share-create').click();
  const row = page.getByTestId('share-row').first();
  const url = (await row.getByTestId('share-url').textContent()) ?? '';
  expect(url).toMatch(/\/shared\/[A-Za-z0-9_-]{20,}$/);
  const bank = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const third = await bank.newPage();
  await third.goto(new URL(url).pathname);
  await expect(third.getByTestId('shared-title')).toHaveText('营业执照');
  await expect(third.getByTestId('shared-verdict-verdict')).toHaveText('有效');
  await row.getByTestId('share-revoke').click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(row).toContainText('已撤销');
  await third.reload();
  await expect(third.getByTestId('shared-error')).toContainText('撤销');
  await page.reload();
  await expect(page.getByTestId('share-row').first()).toContainText('已查看');
  await expect(page.getByTestId('share-row').first()).toContainText('链接已撤销');
  await bank.close();
});

test('licence-free processing: the checklist attaches licences, the applicant consents, the evidence is recorded, approval issues the new version', async ({
  page,
  browser,
  baseURL,
}) => {
  await new SignInPage(page).signIn(demo.chen);
  await openWallet(page, '广州市云帆餐饮管理有限公司');
  await page
    .getByTestId('radar-item')
    .filter({ hasText: '食品经营许可证' })
    .getByTestId('radar-renew')
    .click();
  const items = page.getByTestId('checklist-item');
  await expect(items.filter({ hasText: '营业执照' })).toHaveAttribute('data-status', 'auto');
  await expect(items.filter({ hasText: '食品经营许可证' }).first()).toHaveAttribute('data-status', 'auto');
  await expect(page.getByTestId('submit-application')).toBeDisabled();
  await page
    .getByTestId('upload-application-form')
    .locator('input[type=file]')
    .setInputFiles({
      name: '延续申请书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%e2e\n%%EOF\n'),
    });
  await expect(page.getByTestId('upload-application-form').getByTestId('uploaded')).toContainText(
    '延续申请书.pdf',
  );
  const preview = page.getByTestId('attachment-preview');
  await expect(preview.locator('tbody tr.ant-table-row')).toHaveCount(2);
  const identifiers = await preview.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
  await page.getByTestId('consent').click();
  await page.getByTestId('submit-application').click();

  await expect(page.getByTestId('application-title')).toHaveText('食品经营许可证延续');
  await expect(page.getByTestId('application-status')).toHaveText('已提交');
  // The service by its name (the code only as a detail), the promised date and where it stands.
  await expect(page.getByTestId('application-service')).toHaveText('食品经营许可证延续');
  await expect(page.getByTestId('promised-by')).toContainText(/\d{4}-\d{2}-\d{2} 前（5 个工作日）/);
  await expect(page.getByTestId('application-timeline')).toContainText('提交申请');
  await expect(page.getByTestId('application-timeline')).toContainText('受理 · 等待中');
  const evidence = page.getByTestId('evidence');
  for (const id of identifiers) await expect(evidence).toContainText(id);
  const applicationUrl = page.url();

  const desk = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const reviewer = await desk.newPage();
  await new SignInPage(reviewer).signIn(demo.zhao);
  await reviewer.getByTestId('review-widget').getByRole('button').click();
  const row = reviewer.getByTestId('review-row').filter({ hasText: '广州市云帆餐饮管理有限公司' });
  await expect(row).toHaveCount(1);
  await row.click();
  await reviewer.getByTestId('review-accept').click();
  await expect(row).toContainText('已受理');
  await reviewer.getByTestId('review-approve').click();
  await expect(reviewer.getByTestId('review-row')).toHaveCount(0);
  await desk.close();

  await page.goto(new URL(applicationUrl).pathname);
  await expect(page.getByTestId('application-status')).toHaveText('已办结（准予）');
  await expect(page.getByTestId('issued-licence')).toContainText('第 2 版');
  await page.getByTestId('issued-licence').getByRole('button').click();
  await expect(page.getByTestId('licence-title')).toHaveText('食品经营许可证');
  await expect(page.getByTestId('licence-state')).toHaveText('有效');
});

test('a 新办 application for a licence already held valid warns, and so does the same file given twice', async ({
  page,
}) => {
  await new SignInPage(page).signIn(demo.chen);
  await openWallet(page, '广州市云帆餐饮管理有限公司');
  const walletUrl = new URL(page.url()).pathname;
  await page.goto(`${walletUrl}/apply/public-place-hygiene.new`);
  await expect(page.getByTestId('already-held')).toContainText('贵企业已持有有效的公共场所卫生许可证');
  const file = {
    name: '报告.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%same\n%%EOF\n'),
  };
  await page.getByTestId('upload-hygiene-test-report').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('upload-hygiene-test-report').getByTestId('uploaded')).toBeVisible();
  await expect(page.getByTestId('same-file')).toHaveCount(0);
  await page.getByTestId('upload-health-certificates').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('same-file')).toContainText('卫生检测报告、从业人员健康合格证明');
});

test('a reviewer lands on her review queues with counts, not on a company user’s home', async ({ page }) => {
  await new SignInPage(page).signIn(demo.zhao);
  await expect(page.getByTestId('reviewer-home')).toContainText('审核工作台');
  await expect(page.getByTestId('reg-review-widget')).toContainText(/待人工审核 \d+ 件/);
  await expect(page.getByTestId('review-widget')).toContainText(/有 \d+ 件免证办申请等待审核/);
  await expect(page.getByText('我的企业')).toHaveCount(0);
  await expect(page.getByTestId('company-row')).toHaveCount(0);
});
