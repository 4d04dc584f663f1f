import { mkdirSync, writeFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { join } from 'node:path';
import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { generatedDir } from '../support/paths';
import { TaxDue, YUNFAN_FOOD } from './tax-support';

test('zero filing from the dashboard to accepted in at most 3 clicks', async ({ page }) => {
  await new SignInPage(page).signIn(demo.chen);
  // The dashboard is where the person lands after signing in; clicks are counted from here.
  let clicks = 0;
  const click = async (target: Locator): Promise<void> => {
    clicks += 1;
    await target.click();
  };
  const widget = new TaxDue(page.getByTestId('tax-due-widget'));
  const item = widget.item('vat', '2026-Q3', YUNFAN_FOOD);
  await expect(item).toContainText('已逾期');

  await click(item.getByTestId('zero-filing'));
  const declaration = page.getByTestId('zero-declaration');
  await expect(declaration).toContainText('【零申报】');
  await expect(declaration).toContainText(`为${YUNFAN_FOOD}申报2026年第3季度（2026-07-01 至 2026-09-30）`);
  await expect(declaration).toContainText('增值税及附加税费申报表（小规模纳税人适用）');
  await expect(declaration).toContainText('销售额 0.00 元，应缴税费合计 0.00 元');

  await click(page.getByTestId('zero-confirm'));
  await expect(page.getByTestId('zero-receipt')).toHaveText(/回执号 SB\d{18}/);

  expect(clicks).toBeLessThanOrEqual(3);
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(
    join(generatedDir, 'zero-filing-clicks.json'),
    `${JSON.stringify({ clicks, from: 'dashboard', to: 'accepted', limit: 3, measuredAt: new Date().toISOString() }, null, 2)}\n`,
  );

  await page
    .getByRole('button', { name: /关\s*闭|取\s*消/ })
    .first()
    .click();
  await expect(widget.item('vat', '2026-Q3', YUNFAN_FOOD)).toHaveCount(0);
});
