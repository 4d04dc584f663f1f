import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { test as base, expect, type Page } from '@playwright/test';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { generatedDir, repoRoot, templateDataDir } from '../support/paths';
import { SignInPage, demo } from '../support/pages';
import { syntheticClient } from '../../server/seed/firm-identities';
import { makeInvoiceRows, rowsToCsv } from '../../server/seed/invoice-fixtures';

/*
 * The firm files from invoices for many clients at once, and the pre-flight checks stop the costly
 * mistakes. The platform runs on a test clock (10 October 2026: 2026 Q3 has ended, its deadline
 * 26 October is ahead); the pages take their periods from it, so they are the same on every run. Ten
 * synthetic clients are seeded into this file's data folder (`demo-firm-10-mixed`): clients 0–2
 * are small-scale quarterly filers with authorizations in force, client 3's authorization ends
 * on 16 October, before the deadline.
 */
const CLOCK = '2026-10-10T04:00:00Z';
const CLOCK_ENV = { SHANGTONG_CLOCK_START: CLOCK };
const Q2 = { type: 'quarter', year: 2026, quarter: 2 } as const;
const Q3 = { type: 'quarter', year: 2026, quarter: 3 } as const;
const [c0, c1, c2, c3] = [syntheticClient(0), syntheticClient(1), syntheticClient(2), syntheticClient(3)];

const test = base.extend<{ baseURL: string }, { seeded: LaunchedPlatform }>({
  seeded: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(generatedDir, 'firm-invoices-'));
      cpSync(templateDataDir, dir, { recursive: true });
      const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      execFileSync(
        process.execPath,
        [tsx, 'server/seed/firm-cli.ts', '--data', dir, '--seed', 'demo-firm-10-mixed'],
        { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...CLOCK_ENV } },
      );
      const platform = await launchPlatform(['--data', dir], CLOCK_ENV);
      await use(platform);
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ seeded }, use) => {
    await use(seeded.url);
  },
});

/** One client's 数电票 export: last quarter's invoices and this quarter's (amounts × `scale`). */
const exportOf = (c: { uscc: string; name: string }, seed: number, scale = 1): Buffer => {
  const company = { uscc: c.uscc, name: c.name };
  const q2 = makeInvoiceRows({ company, rows: 20, seed, period: Q2, receivedShare: 0 });
  const q3 = makeInvoiceRows({
    company,
    rows: 20,
    seed: seed + 50,
    period: Q3,
    receivedShare: 0,
    amountScale: scale,
  });
  return rowsToCsv([...q2, ...q3.slice(1)], { bom: true });
};

const openFirm = async (page: Page): Promise<void> => {
  await new SignInPage(page).signIn(demo.huang);
  await page.getByTestId('open-firm').click();
  await expect(page.getByTestId('roster-count')).toContainText('共 12 家', { timeout: 60_000 });
};

/** Imports a zip of exports on the 按发票申报 tab and waits until all of them are matched. */
const importZip = async (page: Page, files: Record<string, Buffer>): Promise<void> => {
  await page.getByRole('tab', { name: '按发票申报' }).click();
  const zip = Buffer.from(zipSync(files));
  await page
    .getByTestId('invoice-filing')
    .locator('input[type=file]')
    .setInputFiles({ name: '发票.zip', mimeType: 'application/zip', buffer: zip });
  const n = Object.keys(files).length;
  await expect(page.getByTestId('invoice-import-summary')).toContainText(
    `已读取 ${n} 个文件，匹配到 ${n} 家客户`,
  );
};

test('a zip of three clients’ invoices: the one with sales ×10 is flagged, the other two are filed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openFirm(page);
  // File names say nothing about the client: each file is matched by the USCC in its rows.
  await importZip(page, {
    '一月份导出.csv': exportOf(c0, 11, 10),
    '导出(1).csv': exportOf(c1, 12),
    'exports/导出(2).csv': exportOf(c2, 13),
  });
  const imported = page.getByTestId('invoice-import-table');
  for (const c of [c0, c1, c2]) await expect(imported).toContainText(c.uscc);

  await page.getByTestId('invoice-review').click();
  const table = page.getByTestId('invoice-review-table');
  const row = (c: { uscc: string }) => table.locator('tr').filter({ hasText: c.uscc });
  await expect(row(c0)).toContainText(/本期销售额 [\d.]+ 元是上期 [\d.]+ 元的 \d+\.\d 倍，请核对发票/);
  await expect(row(c1).getByTestId('invoice-flags')).not.toContainText('倍');
  await expect(row(c2).getByTestId('invoice-flags')).not.toContainText('倍');
  // The identity banner names exactly the clients about to be filed, by name and USCC.
  const banner = page.getByTestId('invoice-identity-banner');
  await expect(banner).toContainText('您正在为以下 2 家客户申报 2026年第3季度');
  await expect(banner).toContainText(`${c1.name}（${c1.uscc}）`);
  await expect(banner).toContainText(`${c2.name}（${c2.uscc}）`);
  await expect(banner).not.toContainText(c0.uscc);

  await page.getByTestId('invoice-file').click();
  await expect(page).toHaveURL(/\/firm\/[^/]+\/batches\/[^/]+$/);
  await expect(page.getByTestId('batch-status')).toContainText('已完成', { timeout: 120_000 });
  await expect(page.getByTestId('batch-counts')).toContainText('完成 2 · 未办理 0 · 失败 0 · 排队 0');
  // Per client: filed with the amount payable and the receipt. The items table is virtual: its
  // rows are not <tr> elements, but they carry antd's row class either way.
  const items = page.getByTestId('batch-items');
  for (const c of [c1, c2])
    await expect(items.locator('.ant-table-row').filter({ hasText: c.uscc })).toContainText(
      /已申报，应缴 [\d.]+ 元，回执号/,
    );
  await expect(items).not.toContainText(c0.uscc);
});

test('a nil return is refused for a client with invoices on file, and no note lets it pass', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openFirm(page);
  // Client 0's invoices are imported here, so the test stands alone (a fresh worker has none);
  // importing them again after the first test only finds them already on file.
  await importZip(page, { '导出.csv': exportOf(c0, 11, 10) });
  await page.getByRole('tab', { name: '客户名册' }).click();
  await page.getByTestId('roster-search').fill(c0.name);
  await expect(page.getByTestId('roster-count')).toContainText('显示 1 / 共 12 家', { timeout: 30_000 });
  await page.getByTestId('select-shown').click();
  await page.getByTestId('open-zero-filing').click();
  await page.getByTestId('zero-preview').click();
  await expect(page.getByTestId('zero-summary')).toContainText('可以零申报 0 家');
  const preview = page.getByTestId('zero-preview-table');
  await expect(preview).toContainText(c0.uscc);
  await expect(preview.getByTestId('zero-check-HAS_SALES')).toContainText(
    /2026年第3季度有开票记录（销售额 [\d.]+ 元），不能零申报/,
  );
  // Not overridable: no note to write, nothing to run.
  await expect(preview.getByTestId('zero-override-note')).toHaveCount(0);
  await expect(page.getByTestId('zero-run')).toBeDisabled();
});

test('an authorization ending before the deadline is let pass with a note, and the nil return is filed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openFirm(page);
  await page.getByTestId('roster-search').fill(c3.name);
  await expect(page.getByTestId('roster-count')).toContainText('显示 1 / 共 12 家', { timeout: 30_000 });
  await page.getByTestId('select-shown').click();
  await page.getByTestId('open-zero-filing').click();
  await page.getByTestId('zero-preview').click();
  await expect(page.getByTestId('zero-summary')).toContainText('可以零申报 0 家');
  const preview = page.getByTestId('zero-preview-table');
  await expect(preview.getByTestId('zero-check-DELEGATION_EXPIRING')).toContainText(
    '授权 2026-10-16 到期，早于申报期限 2026-10-26',
  );
  await expect(page.getByTestId('zero-run')).toBeDisabled();
  await preview.getByTestId('zero-override-note').fill('已与客户确认续期，本期先申报');
  await page.getByTestId('zero-preview').click();
  await expect(page.getByTestId('zero-summary')).toContainText('可以零申报 1 家');
  await expect(preview.getByTestId('zero-check-DELEGATION_EXPIRING')).toContainText('已说明放行');
  await page.getByTestId('zero-run').click();
  await expect(page).toHaveURL(/\/firm\/[^/]+\/batches\/[^/]+$/);
  await expect(page.getByTestId('batch-status')).toContainText('已完成', { timeout: 90_000 });
  await expect(page.getByTestId('batch-counts')).toContainText('完成 1 · 未办理 0 · 失败 0 · 排队 0');
  await expect(page.getByTestId('batch-items')).toContainText('已零申报，回执号');
});
