/** A benchmark section: a title, a short note on method, and rows of figures. */
export type Section = { title: string; method: string; rows: [string, string][] };

export const fmtMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export const toMarkdown = (sections: Section[], meta: { date: string; machine: string }): string => {
  const out = [
    '# Performance',
    '',
    `Measured by \`npm run bench\` on ${meta.date}, ${meta.machine}. Figures are from one run on a shared 2-core build`,
    'machine; treat them as orders of magnitude, and re-run on the hardware that matters.',
    '',
  ];
  for (const s of sections) {
    out.push(`## ${s.title}`, '', s.method, '', '| measure | result |', '|---|---|');
    for (const [k, v] of s.rows) out.push(`| ${k} | ${v} |`);
    out.push('');
  }
  return out.join('\n');
};
