import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { FilingForm, ReturnView, TaxDue, YUNFAN_FOOD } from './tax-support';

test('a correction (更正申报) files version 2 and keeps version 1 in the history', async ({ page }) => {
  await new SignInPage(page).signIn(demo.chen);
  await page
    .getByTestId('company-row')
    .filter({ hasText: YUNFAN_FOOD })
    .getByRole('button', { name: /进\s*入/ })
    .click();
  await new TaxDue(page.getByTestId('tax-panel')).item('vat', '2026-Q3').getByTestId('file-return').click();

  const form = new FilingForm(page);
  await form.field('sales.general1pct').fill('320000');
  // Reaching the 300,000 threshold taxes the whole amount: 3,200.00 VAT + 192.00 surcharges.
  await expect(form.total).toHaveText('¥3,392.00');
  await form.field('sales.general1pct').fill('-1');
  await expect(page.getByTestId('computation-problem')).toContainText('不能为负数');
  await expect(form.field('sales.general1pct')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.submit).toBeDisabled();
  await form.field('sales.general1pct').fill('320000');
  await form.submit.click();
  await form.confirm.click();
  const ret = new ReturnView(page);
  await expect(ret.receipt).toBeVisible();

  await ret.correct.click();
  await expect(page.getByTestId('correction-note')).toContainText('第 2 版');
  await expect(form.field('sales.general1pct')).toHaveValue('320000');
  await form.field('sales.general1pct').fill('280000');
  await expect(form.total).toHaveText('¥0.00');
  await expect(page.getByTestId('relief').first()).toContainText('未达到起征点');
  await form.submit.click();
  await expect(form.declaration).toContainText('【更正申报】');
  await form.confirm.click();

  await expect(page.getByText('第 2 版').first()).toBeVisible();
  await expect(ret.versions.locator('tbody tr')).toHaveCount(2);
  await expect(ret.versions).toContainText('已被更正');
  await expect(page.getByTestId('bureau-note')).toContainText('申报已受理');
  await expect(page.getByTestId('payment-card')).toContainText('本次申报无需缴款');
});
