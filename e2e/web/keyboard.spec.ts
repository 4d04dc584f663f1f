// Keyboard only: after page.goto, every step is Tab / Shift+Tab / Enter / Space / arrows / typing.
// At each stop the focused element is the expected one, inside the viewport, with a visible focus
// indicator (e2e/support/keyboard.ts also checks every stop passed on the way).
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/platform';
import { demo } from '../support/pages';
import { expectFocusedVisibly, tabTo } from '../support/keyboard';
import { TaxDue, YUNFAN_FOOD, YUNFAN_TECH } from './tax-support';

// Starting this file's platform counts against the first test's time; a loaded machine needs long.
test.describe.configure({ timeout: 420_000 });

/** The dialog took focus (its keys, Escape and Tab, work from there). */
const expectFocusInside = async (dialog: Locator): Promise<void> => {
  await expect
    .poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { timeout: 20_000 })
    .toBe(true);
};

const signInByKeyboard = async (page: Page, login: string): Promise<void> => {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('手机号或身份证号'));
  await page.keyboard.type(login);
  await tabTo(page, page.getByLabel(/^密码$/));
  await page.keyboard.type('Demo@2026');
  await page.keyboard.press('Enter');
  // The home page's code loads after sign-in: on a loaded machine that takes a while.
  await expect(page.getByTestId('account-menu')).toBeVisible({ timeout: 60_000 });
};

const openCompanyByKeyboard = async (page: Page, name: string): Promise<void> => {
  const link = page.getByTestId('company-row').filter({ hasText: name }).getByRole('link', { name });
  await tabTo(page, link, { max: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('company-name')).toContainText(name, { timeout: 60_000 });
};

test('keyboard only: sign in, open a company, file a zero return', async ({ page }) => {
  await signInByKeyboard(page, demo.chen);
  await openCompanyByKeyboard(page, YUNFAN_FOOD);

  const item = new TaxDue(page.getByTestId('tax-panel')).item('vat', '2026-Q3');
  await expect(item).toContainText('已逾期');
  const opener = item.getByTestId('zero-filing');
  await tabTo(page, opener, { max: 60 });

  // Opened and closed with Escape: focus goes back to the button that opened the dialog.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('zero-declaration')).toContainText('【零申报】');
  await expectFocusInside(dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectFocusedVisibly(opener);

  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('zero-declaration')).toContainText(
    `为${YUNFAN_FOOD}申报2026年第3季度（2026-07-01 至 2026-09-30）`,
  );
  await expectFocusInside(dialog);
  await tabTo(page, dialog.getByTestId('zero-confirm'), { max: 10 });
  await page.keyboard.press('Enter');
  // The receipt is the result: it takes focus.
  await expect(dialog.getByTestId('zero-receipt')).toHaveText(/回执号 SB\d{18}/);
  await expectFocusedVisibly(dialog.locator('.st-result'));

  // The filed item is gone, so is the opener: focus lands on the company's tax panel heading.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(item).toHaveCount(0);
  await expectFocusedVisibly(page.getByTestId('tax-panel-title'));
});

test('keyboard only: an agent requests authorization', async ({ page }) => {
  await signInByKeyboard(page, demo.li);
  await openCompanyByKeyboard(page, YUNFAN_TECH);
  await expect(page.getByTestId('my-authority')).toContainText('尚未获得办理授权');

  const opener = page.getByTestId('delegation-request');
  await tabTo(page, opener, { max: 60 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('delegation-submit')).toBeDisabled();
  await expectFocusInside(dialog);
  // Closed with Escape: focus goes back to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocusedVisibly(opener);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('delegation-submit')).toBeDisabled();
  await expectFocusInside(dialog);

  const task = dialog.getByRole('checkbox', { name: '申报纳税', exact: true });
  await tabTo(page, task, { max: 10 });
  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('scope-tax.file')).toBeChecked();
  await expect(dialog.getByTestId('scope-tax.pay')).not.toBeChecked();

  // The validity is a radio group: Tab enters it on the chosen preset, arrows move the choice.
  const m3 = dialog.getByRole('radio', { name: '3 个月' });
  await tabTo(page, m3, { max: 20 });
  await page.keyboard.press('ArrowRight');
  const m6 = dialog.getByRole('radio', { name: '6 个月' });
  await expect(m6).toBeChecked();
  await expectFocusedVisibly(m6);
  await page.keyboard.press('ArrowLeft');
  await expect(m3).toBeChecked();
  await expectFocusedVisibly(m3);

  await tabTo(page, dialog.getByLabel('给法定代表人的说明（选填）'), { max: 5 });
  await page.keyboard.type('2026年第一季度增值税申报');
  await tabTo(page, dialog.getByTestId('delegation-submit'), { max: 10 });
  await page.keyboard.press('Enter');

  // The pending card with the approval link is the result: it takes focus.
  const pending = page.getByTestId('delegation-pending');
  await expect(page.getByTestId('approval-qr')).toBeVisible();
  await expectFocusedVisibly(pending);
  await tabTo(page, page.getByTestId('approval-link'), { max: 5 });
  await expect(page.getByTestId('approval-link')).toHaveValue(/\/a\/[A-Za-z0-9_-]{22}$/);
});
