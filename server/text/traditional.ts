import * as OpenCC from 'opencc-js';
import { withOverrides } from '../../shared/i18n/zh-hk-convert';

let convert: ((text: string) => string) | undefined;

/**
 * 简体 → 繁體 (Hong Kong) with the same reviewed overrides and OpenCC conversion as the interface
 * (`npm run i18n:hk`), built on first use: most platforms never write a Traditional document.
 */
export const toTraditional = (text: string): string => {
  convert ??= withOverrides(OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return convert(text);
};
