import { zhHkOverrides } from './zh-hk-overrides';

type Convert = (text: string) => string;

/**
 * 简体 → 繁體 (Hong Kong): the reviewed overrides first, OpenCC's conversion for the rest. The
 * overrides' source terms are cut out before OpenCC sees the text, so the two never compound.
 */
export const withOverrides = (opencc: Convert): Convert => {
  const sources = [...zhHkOverrides].sort((a, b) => b[0].length - a[0].length).map(([s]) => s);
  const hk = new Map(zhHkOverrides.map(([s, h]) => [s, h]));
  const pattern = new RegExp(
    `(${sources.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'u',
  );
  return (text) =>
    text
      .split(pattern)
      .map((part, i) => (i % 2 === 1 ? (hk.get(part) ?? part) : part && opencc(part)))
      .join('');
};
