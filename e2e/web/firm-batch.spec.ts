import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchPlatform, type LaunchedPlatform } from '../support/launch';
import { generatedDir, repoRoot, templateDataDir } from '../support/paths';
import { SignInPage, demo } from '../support/pages';

/*
 * 200 synthetic clients are seeded into this file's copy of the demo data folder before its
 * platform starts (server/seed/firm-cli.ts, the same seed as `--seed demo-firm-200`),
 * so the spec needs no test-only API.
 */
const test = base.extend<{ baseURL: string }, { seeded: LaunchedPlatform }>({
  seeded: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(generatedDir, 'firm-batch-'));
      cpSync(templateDataDir, dir, { recursive: true });
      const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      execFileSync(
        process.execPath,
        [tsx, 'server/seed/firm-cli.ts', '--data', dir, '--seed', 'demo-firm-200'],
        { cwd: repoRoot, stdio: 'inherit' },
      );
      const platform = await launchPlatform(['--data', dir]);
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

test('a batch zero filing over 200 seeded clients completes with a per-client report', async ({ page }) => {
  test.setTimeout(240_000);
  await new SignInPage(page).signIn(demo.huang);
  await page.getByTestId('open-firm').click();
  await expect(page.getByTestId('roster-count')).toContainText('共 202 家');

  // Instant search over the loaded roster, then back to everyone.
  await page.getByTestId('roster-search').fill('松湖');
  await expect(page.getByTestId('roster-count')).toContainText('显示 1 / 共 202 家');
  await page.getByTestId('roster-search').fill('');
  await expect(page.getByTestId('roster-count')).toContainText('显示 202 / 共 202 家');

  await page.getByTestId('select-shown').click();
  await expect(page.getByTestId('roster-count')).toContainText('已选 202 家');
  await page.getByTestId('open-zero-filing').click();
  await page.getByTestId('zero-preview').click();
  const summary = page.getByTestId('zero-summary');
  await expect(summary).toContainText('可以零申报');
  // The monthly VAT filers among them cannot file a quarterly nil return, and the preview says why.
  await expect(page.getByTestId('zero-preview-table')).toContainText(
    '该企业按月申报增值税，请选择月度期间。',
  );
  const eligible = Number(/可以零申报 (\d+) 家/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(eligible).toBeGreaterThan(150);
  await page.getByTestId('zero-run').click();

  await expect(page).toHaveURL(/\/firm\/[^/]+\/batches\/[^/]+$/);
  await expect(page.getByTestId('batch-title')).toContainText('零申报');
  await expect(page.getByTestId('batch-status')).toContainText('已完成', { timeout: 180_000 });
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('batch-counts')).toContainText(
    `完成 ${eligible} · 未办理 ${202 - eligible} · 失败 0 · 排队 0`,
  );
  await expect(page.getByTestId('batch-items')).toContainText('已零申报，回执号');

  // The per-client report: only the clients that were not filed, each with the reason.
  await page.getByText('只看失败和未办理').click();
  await expect(page.getByTestId('batch-items')).toContainText('该企业按月申报增值税');
  await expect(page.getByTestId('batch-items')).not.toContainText('已零申报，回执号');

  // Running it again files nobody twice: every client is now "already filed".
  await page.goto('/firm');
  await page.getByTestId('select-shown').click();
  await page.getByTestId('open-zero-filing').click();
  await page.getByTestId('zero-preview').click();
  // The second preview re-checks 202 filed clients against their returns: slower than the first.
  await expect(page.getByTestId('zero-summary')).toContainText('可以零申报 0 家', { timeout: 60_000 });
  await expect(page.getByTestId('zero-preview-table')).toContainText(
    '已有申报（已受理），如需修改请更正申报。',
  );
});
