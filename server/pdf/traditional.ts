import type { PdfWriter } from './document';
import { toTraditional as convertAll } from '../text/traditional';

/**
 * A writer that puts every text in 繁體 before drawing it: for the reader's own documents
 * (receipts) when they read zh-HK. Official records (licences, resolutions, articles) are never
 * written through it: they stay in 简体, as issued. `keep`: names written as registered.
 */
export const traditionalWriter = (doc: PdfWriter, keep: readonly string[] = []): PdfWriter => {
  // Registered names (the company, people) are written as registered, in whatever script.
  const names = keep.filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  const pattern = names.length
    ? new RegExp(`(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'u')
    : null;
  const toTraditional = (text: string): string =>
    pattern
      ? text
          .split(pattern)
          .map((part, i) => (i % 2 === 1 ? part : convertAll(part)))
          .join('')
      : convertAll(text);
  return {
    title: (text, subtitle) => doc.title(toTraditional(text), subtitle),
    heading: (text) => doc.heading(toTraditional(text)),
    paragraph: (text, options) => doc.paragraph(toTraditional(text), options),
    keyValueTable: (rows) =>
      doc.keyValueTable(rows.map(([k, v]) => [toTraditional(k), toTraditional(v)] as const)),
    table: (columns, rows) =>
      doc.table(
        columns.map((c) => ({ ...c, header: toTraditional(c.header) })),
        rows.map((r) => r.map(toTraditional)),
      ),
    qrCode: (payload, options) =>
      doc.qrCode(
        payload,
        options?.caption ? { ...options, caption: toTraditional(options.caption) } : options,
      ),
    footer: (text) => doc.footer(toTraditional(text)),
    space: (points) => doc.space(points),
    pageBreak: () => doc.pageBreak(),
  };
};
