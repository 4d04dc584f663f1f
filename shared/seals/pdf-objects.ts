import { DomainError } from '../domain-error';
import { text } from '../text';

/**
 * Just enough PDF reading to add an incremental update: the trailer, the page tree and plain
 * (not compressed) object dictionaries. Objects are found by scanning for `n g obj`; the last
 * definition of a number wins, as in an incrementally updated file. A page kept inside a
 * compressed object stream (PDF 1.5 object streams) is refused as unsupported.
 */

export const notPdf = (): DomainError =>
  new DomainError(
    'SEAL_NOT_PDF',
    text('文件不是有效的 PDF 文档。', 'The file is not a valid PDF document.'),
    { field: 'contentBase64' },
  );

export const unsupportedPdf = (why: string): DomainError =>
  new DomainError(
    'SEAL_PDF_UNSUPPORTED',
    text(
      `暂不支持此 PDF 的结构（${why}），请另存为标准 PDF 后重试。`,
      `This PDF's structure is not supported (${why}); save it as a standard PDF and try again.`,
    ),
    { field: 'contentBase64' },
  );

export const latin1 = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);

/** The end (exclusive) of the dictionary that starts with `<<` at `start`. */
export const dictEnd = (s: string, start: number): number => {
  let depth = 0;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '(') {
      let nest = 0;
      for (; i < s.length; i += 1) {
        if (s[i] === '\\') i += 1;
        else if (s[i] === '(') nest += 1;
        else if (s[i] === ')' && --nest === 0) break;
      }
      i += 1;
    } else if (c === '<' && s[i + 1] === '<') {
      depth += 1;
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else if (c === '<') {
      i = s.indexOf('>', i) + 1;
      if (i === 0) break;
    } else i += 1;
  }
  throw unsupportedPdf('dictionary not closed');
};

export type Ref = { num: number; gen: number };
export const refText = (r: Ref): string => `${r.num} ${r.gen} R`;
export const refIn = (dict: string, key: string): Ref | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : undefined;
};
export const refsIn = (array: string): Ref[] =>
  [...array.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => ({ num: Number(m[1]), gen: Number(m[2]) }));

export type PdfFile = {
  bytes: Uint8Array;
  text: string;
  /** Offset of the last cross-reference section (the next update's /Prev). */
  startxref: number;
  trailer: string;
  size: number;
  root: Ref;
  /** The object body (after `obj`) of each number's last definition. */
  objectAt: Map<number, { gen: number; bodyAt: number }>;
};

export const readPdf = (bytes: Uint8Array): PdfFile => {
  const head = latin1(bytes.subarray(0, 8));
  if (!head.startsWith('%PDF-')) throw notPdf();
  const s = latin1(bytes);
  if (s.lastIndexOf('%%EOF') < 0) throw notPdf();
  const sx = /startxref\s+(\d+)/g;
  let startxref = -1;
  for (const m of s.matchAll(sx)) startxref = Number(m[1]);
  if (startxref < 0 || startxref >= s.length) throw notPdf();
  const dictAt = s.startsWith('xref', startxref)
    ? s.indexOf('<<', s.indexOf('trailer', startxref))
    : s.indexOf('<<', startxref);
  if (dictAt < 0) throw notPdf();
  const trailer = s.slice(dictAt, dictEnd(s, dictAt));
  if (/\/Encrypt\b/.test(trailer))
    throw new DomainError(
      'SEAL_PDF_ENCRYPTED',
      text(
        'PDF 已加密，请先解除密码保护再签章。',
        'The PDF is encrypted; remove its password protection before sealing.',
      ),
      { field: 'contentBase64' },
    );
  const root = refIn(trailer, 'Root');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? NaN);
  if (!root || !Number.isInteger(size)) throw notPdf();
  const objectAt = new Map<number, { gen: number; bodyAt: number }>();
  for (const m of s.matchAll(/(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g))
    objectAt.set(Number(m[1]), { gen: Number(m[2]), bodyAt: m.index + m[0].length });
  return { bytes, text: s, startxref, trailer, size, root, objectAt };
};

/** The body of an object up to `endobj` (trimmed), or undefined when it is not a plain object. */
export const objectBody = (pdf: PdfFile, num: number): string | undefined => {
  const at = pdf.objectAt.get(num);
  if (!at) return undefined;
  const start = pdf.text.slice(at.bodyAt).search(/\S/) + at.bodyAt;
  if (pdf.text.startsWith('<<', start)) return pdf.text.slice(start, dictEnd(pdf.text, start));
  const end = pdf.text.indexOf('endobj', start);
  return end < 0 ? undefined : pdf.text.slice(start, end).trim();
};

export const dictOf = (pdf: PdfFile, num: number): string => {
  const body = objectBody(pdf, num);
  if (!body?.startsWith('<<')) throw unsupportedPdf(`object ${num}`);
  return body;
};

export type PageInfo = { ref: Ref; dict: string; mediaBox: [number, number, number, number] };

const boxIn = (dict: string): [number, number, number, number] | undefined => {
  const m = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(dict);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : undefined;
};

/** The pages in order, each with its (possibly inherited) media box. */
export const pagesOf = (pdf: PdfFile): PageInfo[] => {
  const catalog = dictOf(pdf, pdf.root.num);
  const top = refIn(catalog, 'Pages');
  if (!top) throw unsupportedPdf('no page tree');
  const out: PageInfo[] = [];
  const seen = new Set<number>();
  const walk = (ref: Ref, inherited: [number, number, number, number] | undefined): void => {
    if (seen.has(ref.num)) throw unsupportedPdf('page tree loops');
    seen.add(ref.num);
    const dict = dictOf(pdf, ref.num);
    const box = boxIn(dict) ?? inherited;
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
      for (const k of refsIn(kids ?? '')) walk(k, box);
    } else {
      out.push({ ref, dict, mediaBox: box ?? [0, 0, 595.28, 841.89] });
    }
  };
  walk(top, undefined);
  return out;
};
