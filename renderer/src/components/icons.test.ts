import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * @ant-design/icons name every icon in English (role="img" aria-label="plus"), so a Chinese
 * screen reader says "plus 开办新企业". An icon beside text is decoration: it carries aria-hidden;
 * an icon-only button is named by the button (aria-label through i18n), never by the icon.
 */
const root = join(__dirname, '..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });

describe('antd icons', () => {
  it('are aria-hidden wherever the renderer uses them', () => {
    const bare = sources(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<([A-Z]\w*(?:Outlined|Filled|TwoTone))\b([^>]*)>/g)]
        .filter((m) => !/aria-hidden/.test(m[2] ?? ''))
        .map((m) => `${relative(root, file)}: <${m[1]}${m[2]}>`),
    );
    expect(bare).toEqual([]);
  });

  it('finds the icons (the scan reads the renderer)', () => {
    const count = sources(root)
      .map((file) => readFileSync(file, 'utf8').match(/<[A-Z]\w*Outlined\b/g)?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(count).toBeGreaterThan(20);
  });
});
