// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { common } from './common';
import { featureMessages } from './feature-messages';
import hk from './zh-HK.generated.json' with { type: 'json' };

/** Every key path to a string of a message tree (`nav.home`, `tax.form.title`…). */
const keys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'string'
    ? [prefix]
    : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
        keys(v, prefix ? `${prefix}.${k}` : k),
      );

const zh = new Set(keys({ ...common.zh, ...featureMessages.zh }));
const en = new Set(keys({ ...common.en, ...featureMessages.en }));
const zhHK = new Set(keys(hk));
const missing = (from: Set<string>, to: Set<string>): string[] => [...from].filter((k) => !to.has(k)).sort();

describe('every interface string exists in zh-CN, en and zh-HK', () => {
  it('en has every zh-CN key and no other', () => {
    expect(missing(zh, en)).toEqual([]);
    expect(missing(en, zh)).toEqual([]);
  });
  it('zh-HK has every zh-CN key (rerun `npm run i18n:hk` after adding zh-CN keys)', () => {
    expect(missing(zh, zhHK)).toEqual([]);
    expect(missing(zhHK, zh)).toEqual([]);
  });
  // 税 and 説 are Hong Kong's standard forms (OpenCC's HK variants), so they are not in the list.
  it('zh-HK is in Traditional characters', () => {
    const text = JSON.stringify(hk);
    for (const simplified of ['们', '这', '请', '时', '证', '号', '务', '业', '发', '国'])
      expect(text).not.toContain(simplified);
  });
});
