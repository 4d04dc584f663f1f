import { fileURLToPath } from 'node:url';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { demoCompanies } from '../../server/seed/demo-data';

/**
 * The report due now on a real calendar: the year whose 1 Jan – 30 Jun window has not closed yet
 * (today's year once 30 June has passed, else the previous year). The template data folder was
 * seeded today, so every earlier year is filed; the platform's test clock is put inside that
 * report's window, on 15 March (107 days before 30 June), and runs on from there.
 */
const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const thisYear = Number(chinaToday.slice(0, 4));
const reportYear = chinaToday.slice(5) <= '06-30' ? thisYear - 1 : thisYear;
platformEnv(fileURLToPath(import.meta.url), {
  SHANGTONG_CLOCK_START: `${reportYear + 1}-03-15T02:00:00Z`,
});

const TECH = demoCompanies.find((c) => c.key === 'yunfan-tech')!;

test('an annual report filed from prefill is seen on the public disclosure page', async ({
  page,
  browser,
}) => {
  await new SignInPage(page).signIn(demo.chen);

  // Home: the report is due, with days left.
  const widget = page.getByTestId('annual-due-widget');
  const row = widget.getByRole('listitem').filter({ hasText: TECH.name });
  await expect(row).toContainText(`${reportYear}年度报告`);
  await expect(row).toContainText('剩余 107 天');
  await row.getByRole('link', { name: '填报年报' }).click();

  // The form is opened on what the platform knows; only the rest is asked.
  const form = page.getByTestId('annual-form');
  await expect(form).toContainText(`${reportYear}年度报告`);
  await expect(page.getByTestId('field-address')).toHaveValue(TECH.address);
  await expect(page.getByTestId('field-phone')).not.toHaveValue('');
  await expect(page.getByTestId('field-shareholders')).toContainText('陈志明');
  await expect(page.getByTestId('publish-socialInsurance')).toHaveAttribute('aria-checked', 'false');

  await page.getByTestId('field-headcount').fill('18');
  const figures: Record<string, string> = {
    totalAssets: '3200000.00',
    totalLiabilities: '900000.00',
    guaranteesGiven: '0',
    ownersEquity: '2300000.00',
    totalRevenue: '4100000.00',
    mainBusinessRevenue: '4000000.00',
    totalProfit: '520000.00',
    netProfit: '390123.45',
    totalTaxPaid: '88000.00',
  };
  for (const [key, value] of Object.entries(figures)) await page.getByTestId(`field-${key}`).fill(value);
  for (const i of ['pension', 'unemployment', 'medical', 'workInjury', 'maternity'])
    await page.getByTestId(`field-si-${i}`).fill('18');
  // The company chooses not to publish its net profit.
  await page.getByTestId('publish-netProfit').click();
  await expect(page.getByTestId('publish-netProfit')).toHaveAttribute('aria-checked', 'false');
  await page.getByTestId('annual-submit').click();

  await expect(page.getByTestId('annual-filed')).toContainText(`${reportYear}年度报告已报送并公示`);
  const link = page.getByTestId('annual-disclosure-link');
  await expect(link).toHaveAttribute('href', `/gs/${TECH.uscc}`);

  // Anyone, without signing in, sees the public items only.
  const visitor = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const pub = await visitor.newPage();
  await pub.goto(new URL(`/gs/${TECH.uscc}`, page.url()).toString());
  await expect(pub.getByTestId('gs-title')).toHaveText(TECH.name);
  await expect(pub.getByTestId('gs-registration')).toContainText(TECH.uscc);
  const report = pub.getByTestId(`gs-report-${reportYear}-v1`);
  await expect(report.getByTestId('gs-item-totalRevenue')).toHaveText('4,100,000.00');
  await expect(report.getByTestId('gs-item-netProfit')).toHaveText('企业选择不公示');
  await expect(report.getByTestId('gs-item-socialInsurance')).toHaveText('企业选择不公示');
  await expect(report).not.toContainText('390,123.45');
  await expect(pub.getByTestId('gs-abnormal')).toContainText('未列入经营异常名录');
  await visitor.close();

  // A correction before 30 June: a new version; both stay public.
  await page.getByTestId(`annual-correct-${reportYear}`).click();
  await page.getByTestId('field-headcount').fill('19');
  await page.getByTestId('annual-correction-note').fill('从业人数更正');
  await page.getByTestId('annual-submit').click();
  await expect(page.getByTestId('annual-filed')).toBeVisible();
  const again = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const pub2 = await again.newPage();
  await pub2.goto(new URL(`/gs/${TECH.uscc}`, page.url()).toString());
  await expect(pub2.getByTestId(`gs-report-${reportYear}-v2`).getByTestId('gs-item-headcount')).toHaveText(
    '19',
  );
  await expect(pub2.getByTestId(`gs-report-${reportYear}-v1`)).toContainText('已更正');
  await expect(pub2.getByTestId(`gs-report-${reportYear}-v2`).getByTestId('gs-item-netProfit')).toHaveText(
    '企业选择不公示',
  );
  await again.close();

  // Filed: the home page no longer lists it.
  await page.goto('/');
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await expect(page.getByTestId('annual-due-widget').getByText(TECH.name)).toHaveCount(0);
});
