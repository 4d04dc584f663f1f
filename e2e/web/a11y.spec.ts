import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from '@playwright/test';
import { test, expect } from '../support/platform';
import { generatedDir, repoRoot } from '../support/paths';
import {
  a11yPages,
  resolveDemoIds,
  roleLogins,
  signInToken,
  type A11yRole,
  type DemoIds,
} from '../support/a11y-pages';

/**
 * The accessibility sweep: axe-core (WCAG 2.0/2.1/2.2 A+AA and best practices) over every page of
 * e2e/support/a11y-pages.ts in each language and in elder mode. Critical and serious violations
 * fail; moderate ones fail unless docs/accessibility.md lists the rule with a reason.
 * A11Y_ONLY=<names> limits the run to some pages; A11Y_SHOTS=1 also saves a screenshot of every page and mode under e2e/.generated/a11y/.
 */
const modes = [
  { name: 'zh-CN', prefs: { lang: 'zh', elderMode: false } },
  { name: 'en', prefs: { lang: 'en', elderMode: false } },
  { name: 'zh-HK', prefs: { lang: 'zh-HK', elderMode: false } },
  { name: 'elder', prefs: { lang: 'zh', elderMode: true } },
] as const;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rule ids from the "Accepted moderate findings" table of docs/accessibility.md. */
const acceptedModerate = (): Set<string> => {
  const doc = readFileSync(join(repoRoot, 'docs', 'accessibility.md'), 'utf8');
  const section = doc.split(/^## Accepted moderate findings/m)[1]?.split(/^## /m)[0] ?? '';
  const ids = [...section.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]*\S[^|]*)\|/gm)]
    .filter((m) => (m[2] ?? '').trim().length > 0)
    .map((m) => m[1] ?? '');
  return new Set(ids);
};

type Finding = { mode: string; page: string; rule: string; impact: string; nodes: number; target: string };

let ids: DemoIds | undefined;
let tokens: Record<Exclude<A11yRole, 'anon'>, string> | undefined;

const contextFor = async (
  browser: Browser,
  baseURL: string,
  role: A11yRole,
  prefs: (typeof modes)[number]['prefs'],
  phone: boolean,
): Promise<BrowserContext> => {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const token = role === 'anon' ? null : (tokens?.[role] ?? null);
  await context.addInitScript(
    ({ token, prefs }) => {
      if (token) localStorage.setItem('shangtong.session', token);
      localStorage.setItem('shangtong.preferences', JSON.stringify(prefs));
    },
    { token, prefs },
  );
  return context;
};

for (const mode of modes) {
  test(`axe: no serious violations in ${mode.name}`, async ({ browser, baseURL, request }) => {
    test.setTimeout(600_000);
    if (!tokens) {
      const entries = await Promise.all(
        Object.entries(roleLogins).map(async ([role, login]) => [
          role,
          await signInToken(request, baseURL, login),
        ]),
      );
      tokens = Object.fromEntries(entries) as Record<Exclude<A11yRole, 'anon'>, string>;
    }
    ids ??= await resolveDemoIds(request, baseURL, tokens);
    const accepted = acceptedModerate();
    const findings: Finding[] = [];
    const shots = process.env.A11Y_SHOTS === '1';
    // One context per role and viewport, reused across that role's pages.
    const contexts = new Map<string, BrowserContext>();
    try {
      // A11Y_ONLY=sign-in,home checks only those pages (while fixing one).
      const only = process.env.A11Y_ONLY?.split(',');
      for (const entry of a11yPages.filter((p) => !only || only.includes(p.name))) {
        const path = typeof entry.path === 'string' ? entry.path : entry.path(ids);
        if (!path) continue;
        const key = `${entry.role}/${entry.phone ? 'phone' : 'desk'}`;
        let context = contexts.get(key);
        if (!context) {
          context = await contextFor(browser, baseURL, entry.role, mode.prefs, entry.phone === true);
          contexts.set(key, context);
        }
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(path);
        try {
          await entry.ready?.(page);
        } catch (e) {
          findings.push({
            mode: mode.name,
            page: entry.name,
            rule: 'not-ready',
            impact: 'serious',
            nodes: 0,
            target: String(e).slice(0, 200),
          });
          continue;
        }
        if (shots) {
          mkdirSync(join(generatedDir, 'a11y'), { recursive: true });
          await page.screenshot({
            path: join(generatedDir, 'a11y', `${mode.name}-${entry.name}.png`),
            fullPage: true,
          });
        }
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of result.violations) {
          const impact = v.impact ?? 'minor';
          if (impact === 'minor') continue;
          if (impact === 'moderate' && accepted.has(v.id)) continue;
          findings.push({
            mode: mode.name,
            page: entry.name,
            rule: v.id,
            impact,
            nodes: v.nodes.length,
            target: v.nodes
              .slice(0, 3)
              .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
              .join(' | '),
          });
        }
        // Written as it goes, so a run that times out still shows what it found.
        mkdirSync(generatedDir, { recursive: true });
        writeFileSync(join(generatedDir, `a11y-${mode.name}.json`), `${JSON.stringify(findings, null, 2)}\n`);
      }
    } finally {
      await Promise.all([...contexts.values()].map((c) => c.close()));
    }
    mkdirSync(generatedDir, { recursive: true });
    writeFileSync(join(generatedDir, `a11y-${mode.name}.json`), `${JSON.stringify(findings, null, 2)}\n`);
    expect(findings.map((f) => `${f.impact} ${f.rule} on ${f.page} (${f.nodes}): ${f.target}`)).toEqual([]);
  });
}
