// Simplified deregistration (简易注销): an ineligible company is refused with every reason and what
// fixes it; then 云帆餐饮 (no shareholders on record: its legal representative is the one investor),
// with its tax filed, is committed by a live face check (Chromium's fake camera, the real face engine,
// a fixed challenge the video answers — see delegation.spec.ts), shows its notice and objection
// form on the public disclosure page, and completes after the 20-day notice: the platform runs on
// a test clock that the test moves forward with the development clock control (refused in
// production), then it runs the scheduled deregistration.sweep job.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { generatedDir, templateDataDir } from '../support/paths';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { SignInPage, demo } from '../support/pages';
import { demoCompanies } from '../../server/seed/demo-data';
import { latestEndedPeriod, periodKey } from '../../shared/api/tax-period';
import { chinaToday } from '../../shared/time/china';
import type { TaxPeriod } from '../../shared/tax/period';

const TECH = demoCompanies.find((c) => c.key === 'yunfan-tech')!;
const FOOD = demoCompanies.find((c) => c.key === 'yunfan-food')!;

let platform: LaunchedPlatform;
let dataDir: string;
let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureFakeCamera();
  dataDir = mkdtempSync(join(generatedDir, 'data-dereg-'));
  cpSync(templateDataDir, dataDir, { recursive: true });
  platform = await launchPlatform(['--data', dataDir], {
    ...FIXED_CHALLENGE,
    // The test clock starts now and is moved on by the test; a 30-day session outlives the notice.
    SHANGTONG_CLOCK_START: new Date().toISOString(),
    SHANGTONG_SESSION_HOURS: String(24 * 30),
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

/** A quarterly small-scale company's returns of one quarter, with nothing to declare: VAT 零申报, CIT prepayment at zero. */
const fileQuarter = async (
  request: APIRequestContext,
  auth: Record<string, string>,
  companyId: string,
  period: TaxPeriod,
): Promise<void> => {
  const key = (what: string) => ({ 'idempotency-key': `${companyId}-${periodKey(period)}-${what}` });
  const vat = await request.post(`/api/v1/companies/${companyId}/tax/zero-returns`, {
    headers: { ...auth, ...key('vat') },
    data: { period },
  });
  expect(vat.status(), await vat.text()).toBe(201);
  const cit = await request.post(`/api/v1/companies/${companyId}/tax/returns`, {
    headers: { ...auth, ...key('cit') },
    data: {
      period,
      input: {
        form: 'cit-prepay',
        cumulativeProfit: '0',
        headcountByQuarter: [
          ['3', '3'],
          ['3', '3'],
          ['3', '3'],
        ],
        assetsByQuarter: [
          ['100000', '100000'],
          ['100000', '100000'],
          ['100000', '100000'],
        ],
        restrictedIndustry: false,
      },
      confirmedTotal: '0.00',
    },
  });
  expect(cit.status(), await cit.text()).toBe(201);
};

test('a deregistration refused with its reasons, then one completed after the notice period', async () => {
  test.setTimeout(420_000);
  const desk = await browser.newContext({
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  const page = await desk.newPage();
  await new SignInPage(page).signIn(demo.chen);
  const token = await page.evaluate(() => localStorage.getItem('shangtong.session'));
  const auth = { authorization: `Bearer ${token}` };
  const mine = (await (await page.request.get('/api/v1/companies', { headers: auth })).json()) as {
    companies: { id: string; name: string }[];
  };
  const idOf = (name: string) => mine.companies.find((c) => c.name === name)!.id;

  // 1. 云帆信息科技 has unfiled tax periods: every reason is listed with what fixes it, and the start is refused.
  await page.goto(`/companies/${idOf(TECH.name)}`);
  await page.getByTestId('dereg-panel').getByTestId('dereg-open').click();
  await expect(page.getByTestId('dereg-title')).toContainText(`简易注销 · ${TECH.name}`, { timeout: 60_000 });
  await expect(page.getByTestId('dereg-ineligible')).toContainText('暂不符合简易注销条件');
  const reason = page.getByTestId('dereg-reasons').locator('[data-code="UNFILED_TAX_PERIODS"]');
  await expect(reason).toContainText('有未申报的税款所属期');
  await expect(reason.getByRole('link', { name: '去申报' })).toHaveAttribute(
    'href',
    `/companies/${idOf(TECH.name)}`,
  );
  await expect(page.getByTestId('dereg-tax-open')).toContainText('未申报');
  await page.getByTestId('dereg-start').click();
  await expect(page.getByTestId('dereg-start-error')).toContainText(
    '不符合简易注销条件：有未申报的税款所属期',
  );
  await expect(page.getByTestId('dereg-start-error')).toContainText('DEREGISTRATION_INELIGIBLE');
  await expect(page.getByTestId('dereg-commitment')).toHaveCount(0);

  // 2. 云帆餐饮 files its returns of the last ended quarter and becomes eligible.
  const food = idOf(FOOD.name);
  // The test clock started at the real time, so the platform's quarter is the real one until it is moved.
  const before = latestEndedPeriod('quarter', chinaToday(new Date()));
  await fileQuarter(page.request, auth, food, before);
  await page.goto(`/companies/${food}/deregistration`);
  // The page chunk and the eligibility check can be slow on a loaded machine.
  await expect(page.getByTestId('dereg-eligible')).toHaveText('企业符合简易注销条件。', { timeout: 60_000 });
  await page.getByTestId('dereg-start').click();

  // 3. The commitment of all investors, confirmed by face; the 20-day notice starts.
  const commitment = page.getByTestId('dereg-commitment');
  await expect(commitment.getByTestId('dereg-commitment-text')).toContainText('连带责任');
  await expect(commitment.getByTestId('dereg-investors')).toContainText('陈志明');
  await expect(commitment.getByTestId('dereg-investor-waiting')).toHaveText('待确认');
  await page.getByTestId('dereg-face-start').click();
  await expect(commitment.getByTestId('dereg-investor-confirmed')).toContainText('已于', {
    timeout: 150_000,
  });
  await expect(page.getByTestId('dereg-status')).toHaveText('公示中');
  const period = (await page.getByTestId('dereg-notice-period').textContent()) ?? '';
  expect(period).toMatch(/^公示期：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}（20 日）$/);

  // 4. Anyone sees the notice on the disclosure page, with the objection form (checked, not sent).
  const visitor = await browser.newContext({
    baseURL: platform.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const pub = await visitor.newPage();
  await pub.goto(`/gs/${FOOD.uscc}`);
  const notice = pub.getByTestId('gs-dereg');
  await expect(notice.getByTestId('gs-dereg-period')).toHaveText(period, { timeout: 60_000 });
  await expect(notice.getByTestId('gs-dereg-status')).toHaveText('公示中');
  await expect(notice).toContainText('陈志明');
  await notice.getByTestId('gs-dereg-submit').click();
  await expect(notice.getByText('请填写此项。')).toHaveCount(3);

  // 5. 20 days later (the test clock moved on), the scheduled sweep completes it — after the returns
  // of any quarter that ended meanwhile are filed too, as tax clearance needs.
  const moved = await page.request.post('/api/v1/dev/clock', { data: { advanceDays: 20 } });
  expect(moved.status(), await moved.text()).toBe(200);
  const after = latestEndedPeriod(
    'quarter',
    chinaToday(new Date(((await moved.json()) as { now: string }).now)),
  );
  if (periodKey(after) !== periodKey(before)) await fileQuarter(page.request, auth, food, after);
  const sweep = await page.request.post('/api/v1/dev/deregistration/sweep');
  expect(await sweep.json()).toEqual({ completed: 1 });

  await page.reload();
  await expect(page.getByTestId('dereg-done')).toContainText('营业执照、电子证照和电子印章已吊销', {
    timeout: 60_000,
  });
  await pub.reload();
  await expect(pub.getByTestId('gs-dereg-status')).toContainText('已于', { timeout: 60_000 });
  await expect(pub.getByTestId('gs-registration')).toContainText('注销');
  await expect(pub.getByTestId('gs-dereg-object-form')).toHaveCount(0);
  await visitor.close();
  await desk.close();
});
