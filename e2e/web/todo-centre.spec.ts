import { fileURLToPath } from 'node:url';
import { test, expect, platformEnv } from '../support/platform';
import { SignInPage, demo } from '../support/pages';
import { demoCompanies } from '../../server/seed/demo-data';

/**
 * The template data folder is seeded today (real clock) with the demo licences: 云帆餐饮's tobacco
 * retail licence expired 12 days before that, so its business scope must change within 30 days —
 * 18 days after the seeding day. The platform's test clock starts 13 days after the seeding day:
 * 5 days are left, inside the default 7-day lead time, so the reminder job (run once soon after
 * start) sends 陈志明 a reminder, shown as a desktop notification when he signs in.
 */
const DAY = 86_400_000;
const chinaDay = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const seededOn = chinaDay(Date.now());
const clockDay = chinaDay(Date.parse(`${seededOn}T00:00:00Z`) + 13 * DAY);
platformEnv(fileURLToPath(import.meta.url), { SHANGTONG_CLOCK_START: `${clockDay}T02:00:00Z` });

const FOOD = demoCompanies.find((c) => c.key === 'yunfan-food')!;

test.use({ permissions: ['notifications'] });

test('due items on the to-do page and the home page; a reminder appears as a desktop notification', async ({
  page,
}) => {
  // Record every `new Notification(...)` while keeping the browser's own permission state.
  await page.addInitScript(() => {
    const real = window.Notification;
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    // A stand-in for the Notification constructor: records, keeps the real permission state.
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class
    class Recorded {
      static get permission(): NotificationPermission {
        return real.permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        return real.requestPermission();
      }
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
  const shown = () =>
    page.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown);

  await new SignInPage(page).signIn(demo.chen);

  // The reminder: once, as a notification naming the company and the days left.
  await expect
    .poll(async () => (await shown()).map((n) => n.title), { timeout: 30_000 })
    .toContain('待办提醒：烟草专卖零售许可证已失效，须变更经营范围');
  const note = (await shown()).find((n) => n.title.includes('烟草'))!;
  expect(note.body).toContain(FOOD.name);
  expect(note.body).toContain('还有 5 天到期');

  // Home: the top items, the lapsed licence among them.
  const widget = page.getByTestId('todos-widget');
  const row = widget.getByTestId('todo-item').filter({ hasText: '烟草专卖零售许可证已失效' });
  await expect(row).toContainText(FOOD.name);
  await expect(row).toContainText('剩余 5 天');

  // The to-do page: grouped by client, filtered by kind, and the action opens the scope change.
  await page.getByTestId('nav-todos').click();
  await expect(page.getByRole('heading', { level: 1, name: '待办' })).toBeVisible();
  const group = page.getByRole('region', { name: FOOD.name });
  await expect(group.getByTestId('todo-item').filter({ hasText: '烟草专卖零售许可证' })).toBeVisible();
  await page.getByTestId('todo-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '证照失效须变更' }).click();
  await expect(page.getByTestId('todo-item')).toHaveCount(1);
  await expect(page.getByTestId('todo-total')).toHaveText('共 1 项');
  await page.getByTestId('todo-item').getByRole('button', { name: '变更经营范围' }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}\/changes\/new$/);

  // The next start of the event stream finds nothing pending: the reminder was marked shown.
  const pending = page.waitForResponse((r) => r.url().includes('/api/v1/todos/reminders/pending'));
  await page.goto('/todos/settings');
  expect(((await (await pending).json()) as { reminders: unknown[] }).reminders).toEqual([]);
  await expect(page.getByTestId('notify-granted')).toBeVisible();
});
