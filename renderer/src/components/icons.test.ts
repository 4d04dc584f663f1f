import { describe, expect, it } from 'vitest';

/**
 * @ant-design/icons name every icon in English (role="img" aria-label="plus"), so a Chinese
 * screen reader says "plus 开办新企业". An icon beside text is decoration: it carries aria-hidden;
 * an icon-only button is named by the button (aria-label through i18n), never by the icon.
 */
// Every component's source as text (Vite's glob import: renderer code may not use node:fs).
const sources: Record<string, string> = import.meta.glob(['../**/*.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('antd icons', () => {
  it('are aria-hidden wherever the renderer uses them', () => {
    const bare = Object.entries(sources).flatMap(([file, source]) =>
      [...source.matchAll(/<([A-Z]\w*(?:Outlined|Filled|TwoTone))\b([^>]*)>/g)]
        .filter((m) => !/aria-hidden/.test(m[2] ?? ''))
        .map((m) => `${file}: <${m[1]}${m[2]}>`),
    );
    expect(bare).toEqual([]);
  });

  it('finds the icons (the scan reads the renderer)', () => {
    const count = Object.values(sources)
      .map((source) => source.match(/<[A-Z]\w*Outlined\b/g)?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(count).toBeGreaterThan(20);
  });
});
