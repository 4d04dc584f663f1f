/**
 * npm run i18n:hk — writes renderer/src/i18n/zh-HK.generated.json: every zh-CN interface string
 * (common + every feature's messages) in Traditional Chinese (Hong Kong), converted with OpenCC
 * (opencc-js, cn → hk) after the reviewed overrides of shared/i18n/zh-hk-overrides.ts.
 * Rerun it whenever zh-CN keys change; the unit test i18n/keys.test.ts fails until it is.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { featureMessages } from '../renderer/src/i18n/feature-messages';
import { common } from '../renderer/src/i18n/common';
import { withOverrides } from '../shared/i18n/zh-hk-convert';

type Tree = { [key: string]: string | Tree };

const convert = withOverrides(OpenCC.Converter({ from: 'cn', to: 'hk' }));

const mapTree = (node: unknown): Tree | string => {
  if (typeof node === 'string') return convert(node);
  const out: Tree = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
    out[k] = mapTree(v);
  return out;
};

const zh = { ...common.zh, ...featureMessages.zh };
const file = join(import.meta.dirname, '..', 'renderer', 'src', 'i18n', 'zh-HK.generated.json');
writeFileSync(file, `${JSON.stringify(mapTree(zh), null, 2)}\n`);
console.log(`wrote ${file}`);
