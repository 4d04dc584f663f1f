// First contentful paint of the sign-in page beside a minimal page (React and one antd Button),
// both built by vite the same way and served by the same static server in the same run.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section } from './report';
import { fmtMs } from './report';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves `/minimal/*` from the minimal build and everything else from the renderer (SPA fallback). */
const serve = (renderer: string, minimal: string): Promise<{ server: Server; base: string }> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.startsWith('/api/')) {
        res.writeHead(404).end();
        return;
      }
      const [root, rel] = path.startsWith('/minimal/')
        ? [minimal, path.slice('/minimal'.length)]
        : [renderer, path];
      let file = join(root, normalize(rel));
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
        file = join(root, 'index.html');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    });
  });

const buildMinimal = async (outDir: string): Promise<void> => {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    configFile: false,
    logLevel: 'silent',
    root: fileURLToPath(new URL('./fcp-minimal', import.meta.url)),
    base: '/minimal/',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** Runs alternate between the two pages, each in a fresh browser context (nothing cached). */
export const benchFirstPaint = async ({ runs }: { runs: number }): Promise<Section> => {
  const renderer = join(process.cwd(), 'dist', 'renderer');
  const minimal = mkdtempSync(join(tmpdir(), 'st-fcp-'));
  const { chromium } = await import('@playwright/test');
  const { chromiumPath, chromiumArgs } = await import('../playwright.config');
  await buildMinimal(minimal);
  const { server, base } = await serve(renderer, minimal);
  const browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: chromiumArgs,
  });
  const fcp = async (url: string): Promise<number> => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const found = performance.getEntriesByName('first-contentful-paint')[0];
          if (found) return resolve(found.startTime);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await context.close();
    return ms;
  };
  const signIn: number[] = [];
  const reference: number[] = [];
  try {
    // One warm-up of each (the browser's own first start), not counted.
    await fcp(`${base}/minimal/`);
    await fcp(`${base}/sign-in`);
    for (let i = 0; i < runs; i++) {
      reference.push(await fcp(`${base}/minimal/`));
      signIn.push(await fcp(`${base}/sign-in`));
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(minimal, { recursive: true, force: true });
  }
  const ratio = median(signIn) / median(reference);
  return {
    title: 'Sign-in page: first contentful paint',
    method: `Playwright's Chromium, a fresh context per load (no cache), ${runs} alternating loads of each page from one local static server; performance.getEntriesByName('first-contentful-paint'), median. The minimal page is React with one antd Button, built by vite like the renderer.`,
    rows: [
      ['minimal page (one antd Button), FCP median', fmtMs(median(reference))],
      [
        'sign-in page, FCP median',
        `${fmtMs(median(signIn))}, ${ratio.toFixed(2)}× the minimal page (goal ≤ 2×)`,
      ],
    ],
  };
};
