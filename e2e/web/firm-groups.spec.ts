import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../support/platform';
import { SignInPage, demo } from '../support/pages';

/** A fresh browser context per person: two people at two desks. */
const signedIn = async (browser: Browser, baseURL: string, phone: string): Promise<Page> => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new SignInPage(page).signIn(phone);
  return page;
};

const openRoster = async (page: Page): Promise<void> => {
  await page.getByTestId('open-firm').click();
  await expect(page.getByTestId('firm-name')).toContainText('广州诚信财税代理有限公司');
  await expect(page.getByTestId('roster-count')).toBeVisible();
};

test('an admin forms a group; a staff member sees only the clients of their groups', async ({
  browser,
  baseURL,
}) => {
  const zhou = await signedIn(browser, baseURL, demo.zhou);
  await openRoster(zhou);
  await expect(zhou.getByTestId('roster-count')).toContainText('显示 1 / 共 1 家');
  await expect(zhou.getByTestId('roster-name')).toHaveText(['佛山市顺德区美家家居有限公司']);
  // Staff cannot manage groups.
  await zhou.getByRole('tab', { name: '人员与分组' }).click();
  await expect(zhou.getByText('只有管理员可以管理人员与分组。')).toBeVisible();

  const huang = await signedIn(browser, baseURL, demo.huang);
  await openRoster(huang);
  await expect(huang.getByTestId('roster-count')).toContainText('共 2 家');
  await huang.getByRole('tab', { name: '人员与分组' }).click();
  await huang.getByTestId('group-name').fill('莞城组');
  await huang.getByTestId('group-create').click();
  const card = huang.getByTestId('group-card').filter({ hasText: '莞城组' });
  await expect(card).toBeVisible();
  await card.getByTestId('group-staff').click();
  await huang.locator('.ant-select-item-option').filter({ hasText: '周伟' }).click();
  await expect(huang.getByText('已保存')).toBeVisible();

  // Put 东莞松湖智造 into the new group from the roster.
  await huang.getByRole('tab', { name: '客户名册' }).click();
  await huang.getByTestId('roster-search').fill('松湖');
  await expect(huang.getByTestId('roster-count')).toContainText('显示 1 / 共 2 家');
  await huang.getByTestId('select-shown').click();
  await huang.getByTestId('to-group').click();
  await huang.locator('.ant-dropdown-menu-item').filter({ hasText: '莞城组' }).click();
  await expect(huang.getByText('已将 1 家客户加入“莞城组”')).toBeVisible();

  await zhou.getByRole('tab', { name: '客户名册' }).click();
  await zhou.reload();
  await expect(zhou.getByTestId('roster-count')).toContainText('显示 2 / 共 2 家');
  await expect(zhou.getByTestId('roster-name')).toHaveText([
    '东莞市松湖智造科技有限公司',
    '佛山市顺德区美家家居有限公司',
  ]);
});

test('at 1440 px in English the roster scrolls to its last column and identifiers stay on one line', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(demo.huang);
  await page.getByTestId('toggle-language').click();
  await page.getByTestId('open-firm').click();
  await expect(page.getByTestId('roster-count')).toBeVisible();
  const table = page.getByTestId('roster-table');
  const header = table.locator('.ant-table-thead th').filter({ hasText: 'Actions' });
  await table.locator('.ant-table-tbody-virtual-holder').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await table.locator('.ant-table-header').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const box = await header.boundingBox();
  const frame = await table.boundingBox();
  expect(box && frame && box.x + box.width <= frame.x + frame.width + 1).toBe(true);
  await page.screenshot({ path: test.info().outputPath('roster-1440-en.png') });

  await page.getByTestId('roster-name').first().click();
  const uscc = page.getByTestId('company-uscc');
  await expect(uscc).toHaveText(/^[0-9A-Z]{18}$/);
  const lineHeight = await uscc.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 22);
  expect((await uscc.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await page.screenshot({ path: test.info().outputPath('company-1440-en.png') });
  await context.close();
});
