import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { generatedDir, repoRoot, templateDataDir } from '../support/paths';
import { SignInPage, demo } from '../support/pages';

/**
 * The report due now on a real calendar (as annual-report.spec.ts): the platform's clock is put on
 * 15 March of the filing year, 107 days before 30 June. Three synthetic clients are seeded into
 * this file's copy of the demo data (server/seed/firm-cli.ts --annual-reports: the firm's
 * authorization covers the annual report, every earlier report is on file), at that clock too.
 */
const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const thisYear = Number(chinaToday.slice(0, 4));
const reportYear = chinaToday.slice(5) <= '06-30' ? thisYear - 1 : thisYear;
const clock = { SHANGTONG_CLOCK_START: `${reportYear + 1}-03-15T02:00:00Z` };

const test = base.extend<{ baseURL: string }, { seeded: LaunchedPlatform }>({
  seeded: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(generatedDir, 'firm-annual-'));
      cpSync(templateDataDir, dir, { recursive: true });
      const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      execFileSync(
        process.execPath,
        [tsx, 'server/seed/firm-cli.ts', '--data', dir, '--seed', 'demo-firm-3', '--annual-reports'],
        { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...clock } },
      );
      const platform = await launchPlatform(['--data', dir], clock);
      await use(platform);
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    // Seeding plus a platform start, which a loaded machine slows (E2E_START_TIMEOUT_MS).
    { scope: 'worker', timeout: Number(process.env.E2E_START_TIMEOUT_MS ?? 60_000) + 120_000 },
  ],
  baseURL: async ({ seeded }, use) => {
    await use(seeded.url);
  },
});

/** The year's figures the firm supplies; every other item is prefilled by the platform. */
const figures: Record<string, string> = {
  headcount: '12',
  totalAssets: '1200000.00',
  totalLiabilities: '300000.00',
  guaranteesGiven: '0',
  ownersEquity: '900000.00',
  totalRevenue: '2400000.00',
  mainBusinessRevenue: '2300000.00',
  totalProfit: '200000.00',
  netProfit: '150000.00',
  totalTaxPaid: '36000.00',
};

test('a firm files annual reports for two clients in one batch, a flagged client left out', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await new SignInPage(page).signIn(demo.huang);
  await page.getByTestId('open-firm').click();
  await page.getByTestId('open-annual-batch').click();
  await page.getByTestId('annual-review').click();

  // The demo firm's own two clients cannot be filed (its authorization lacks the annual report);
  // the three seeded ones are prefilled and each misses the year's figures.
  await expect(page.getByTestId('annual-summary')).toContainText(
    '可直接报送 0 家；待补充 3 家；不能报送 2 家',
  );
  await expect(page.getByTestId('annual-review-table')).toContainText('SCOPE_NOT_GRANTED');
  const flagged = page.locator('[data-testid^="annual-row-"]').filter({ hasText: '待补充' });
  await expect(flagged).toHaveCount(3);
  await expect(flagged.first()).toContainText('剩余 107 天');
  const usccs: string[] = [];
  for (let i = 0; i < 3; i++)
    usccs.push(((await flagged.nth(i).getAttribute('data-testid')) ?? '').replace('annual-row-', ''));
  const row = (uscc: string) => page.getByTestId(`annual-row-${uscc}`);

  // Nothing can be ticked before it is complete.
  await expect(row(usccs[0]!).getByRole('checkbox')).toBeDisabled();
  await expect(page.getByTestId('annual-run')).toBeDisabled();

  for (const uscc of usccs.slice(0, 2)) {
    await page.getByTestId(`annual-expand-${uscc}`).click();
    const form = page.getByTestId(`annual-supply-${uscc}`);
    await expect(form).toContainText('平台预填');
    for (const [key, value] of Object.entries(figures)) await form.getByTestId(`supply-${key}`).fill(value);
    for (const i of ['pension', 'unemployment', 'medical', 'workInjury', 'maternity'])
      await form.getByTestId(`supply-si-${i}`).fill('12');
    await expect(row(uscc)).toContainText('可报送');
    await row(uscc).getByRole('checkbox').check();
  }
  // The third stays flagged and cannot be ticked: it is left out of the batch.
  await expect(row(usccs[2]!)).toContainText('待补充');
  await expect(row(usccs[2]!).getByRole('checkbox')).toBeDisabled();
  await expect(page.getByTestId('annual-run')).toHaveText('报送所选（2 家）');
  await page.getByTestId('annual-run').click();

  // Live progress, then the per-client results.
  await expect(page).toHaveURL(/\/firm\/[^/]+\/batches\/[^/]+$/);
  await expect(page.getByTestId('batch-title')).toContainText(`${reportYear}年度报告`);
  await expect(page.getByTestId('batch-status')).toContainText('已完成', { timeout: 60_000 });
  await expect(page.getByTestId('batch-counts')).toContainText('完成 2');
  const items = page.getByTestId('batch-items');
  await expect(items.getByText(`已报送${reportYear}年度报告并公示`)).toHaveCount(2);
  for (const uscc of usccs.slice(0, 2)) await expect(items).toContainText(uscc);
  await expect(items).not.toContainText(usccs[2]!);

  // Filed once: reviewing again offers only the client left out.
  await page.goto('/firm');
  await page.getByTestId('open-annual-batch').click();
  await page.getByTestId('annual-review').click();
  await expect(page.getByTestId('annual-summary')).toContainText('待补充 1 家');
  await expect(row(usccs[2]!)).toBeVisible();
  await expect(page.locator(`[data-testid="annual-row-${usccs[0]}"]`)).toHaveCount(0);
});
