/**
 * Well-known 字号 (famous marks) the product ships (lifecycle.md §2). A name using one, in any
 * industry, is warned that it may be refused for misleading use and goes to manual review.
 * Curated, not exhaustive: examiners still review names.
 */
export const famousTradeNames: readonly string[] = [
  '腾讯',
  '华为',
  '阿里巴巴',
  '阿里',
  '茅台',
  '格力',
  '美的',
  '比亚迪',
  '小米',
  '京东',
  '百度',
  '海尔',
  '联想',
  '娃哈哈',
  '五粮液',
  '中兴',
  '网易',
  '美团',
  '大疆',
  '顺丰',
];

/** The famous marks a 字号 uses (the longest when one contains another: 阿里巴巴, not 阿里). */
export const findFamousMarks = (tradeName: string): string[] => {
  const hits = famousTradeNames.filter((m) => tradeName.includes(m));
  return hits.filter((h) => !hits.some((o) => o !== h && o.includes(h)));
};
