/**
 * The seal's look as PDF drawing operators in a `size`×`size` box: a red double ring, the
 * five-pointed star and the seal code under it. Vector, so no image or font needs embedding (the
 * code is ASCII in the standard Helvetica); the seal's Chinese name is in the signature itself.
 */
export const sealAppearance = (size: number, code: string): string => {
  const c = size / 2;
  const k = 0.5523;
  const circle = (r: number): string =>
    [
      `${c + r} ${c} m`,
      `${c + r} ${c + r * k} ${c + r * k} ${c + r} ${c} ${c + r} c`,
      `${c - r * k} ${c + r} ${c - r} ${c + r * k} ${c - r} ${c} c`,
      `${c - r} ${c - r * k} ${c - r * k} ${c - r} ${c} ${c - r} c`,
      `${c + r * k} ${c - r} ${c + r} ${c - r * k} ${c + r} ${c} c`,
    ].join('\n');
  const star: string[] = [];
  const outer = size * 0.16;
  const inner = outer * 0.382;
  for (let i = 0; i < 10; i += 1) {
    const r = i % 2 === 0 ? outer : inner;
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    star.push(
      `${(c + r * Math.cos(a)).toFixed(2)} ${(c + r * Math.sin(a)).toFixed(2)} ${i === 0 ? 'm' : 'l'}`,
    );
  }
  const fontSize = Math.max(5, size * 0.075);
  const safe = code.replace(/[^0-9A-Za-z-]/g, '');
  const textWidth = safe.length * fontSize * 0.556;
  return [
    'q',
    '0.8 0.1 0.1 RG 0.8 0.1 0.1 rg',
    `${(size * 0.035).toFixed(2)} w`,
    circle(size / 2 - size * 0.03),
    'S',
    `${(size * 0.01).toFixed(2)} w`,
    circle(size / 2 - size * 0.08),
    'S',
    ...star,
    'h f',
    `BT /F1 ${fontSize.toFixed(2)} Tf ${(c - textWidth / 2).toFixed(2)} ${(size * 0.22).toFixed(2)} Td (${safe}) Tj ET`,
    'Q',
  ].join('\n');
};
