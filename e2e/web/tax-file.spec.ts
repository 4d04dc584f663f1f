import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { FilingForm, ReturnView, TaxDue, YUNFAN_TECH, invoiceExportFile } from './tax-support';

test('import the invoices and file a quarterly small-scale return, then pay it (simulated)', async ({
  page,
}) => {
  const file = invoiceExportFile();
  await new SignInPage(page).signIn(demo.chen);
  await page
    .getByTestId('company-row')
    .filter({ hasText: YUNFAN_TECH })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  const due = new TaxDue(page.getByTestId('tax-panel'));
  // The Q3 return was due on 2026-10-26 (the official calendar); count the days as China's calendar does.
  const todayInChina = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const daysLate = (Date.parse(todayInChina) - Date.parse('2026-10-26')) / 86_400_000;
  await expect(due.item('vat', '2026-Q3')).toContainText(`已逾期 ${daysLate} 天`);
  await due.item('vat', '2026-Q3').getByTestId('file-return').click();

  const form = new FilingForm(page);
  await expect(form.title).toContainText('增值税及附加税费申报表（小规模纳税人适用）');
  await form.importInvoices(file);
  await expect(page.getByTestId('invoice-report')).toContainText('拒绝 2 行');
  await expect(page.getByTestId('invoice-panel')).toContainText('开票日期无效');
  await expect(page.getByTestId('invoice-totals')).toContainText('增值税专用发票');
  // The totals fill the form, and the engine computes beside it.
  await expect(form.field('sales.general1pct')).not.toHaveValue('');
  await expect(page.getByTestId('relief').first()).toBeVisible();
  await page.getByTestId('review-lines').click();
  await expect(page.getByTestId('invoice-lines').locator('tbody tr.ant-table-row').first()).toBeVisible();
  const total = (await form.total.textContent()) ?? '';
  expect(total).toMatch(/^¥[\d,]+\.\d{2}$/);

  await form.submit.click();
  await expect(form.declaration).toContainText(`为${YUNFAN_TECH}申报2026年第3季度`);
  await form.confirm.click();

  const ret = new ReturnView(page);
  await expect(ret.receipt).toHaveText(/^SB\d{18}$/);
  await expect(page.getByTestId('return-steps')).toContainText('已受理');
  await expect(page.getByTestId('signature-value')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(ret.amount).toHaveText(total);
  await expect(page.getByTestId('payment-card')).toContainText('模拟缴款');
  await ret.pay.click();
  await expect(ret.voucher).toHaveText(/^3\d{18}$/);
  await expect(ret.certificate).toHaveText(/^WS\d+/);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-receipt').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});

test('a year without the official calendar says so', async ({ page }) => {
  await new SignInPage(page).signIn(demo.chen);
  await page.goto('/tax/calendar?year=2027');
  await expect(page.getByTestId('calendar-warning')).toContainText('尚未');
  await expect(page.getByTestId('calendar-source')).toContainText('尚未正式公布');
  await page.goto('/tax/calendar?year=2026');
  await expect(page.getByTestId('calendar-source')).toContainText('税务总局正式公布');
  await expect(page.getByTestId('calendar-warning')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /10 月/ })).toContainText('2026-10-26');
});
