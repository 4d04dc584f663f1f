import { sm3 } from 'sm-crypto-v2';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { bytesToHex } from './hex';
import {
  dictEnd,
  dictOf,
  objectBody,
  pagesOf,
  readPdf,
  refIn,
  refText,
  unsupportedPdf,
  type PdfFile,
  type Ref,
} from './pdf-objects';
import { sealAppearance } from './appearance';

/**
 * Signs a PDF with an incremental update (ISO 32000-1 §12.8): a signature field whose widget
 * shows the seal where the signer chose, a /Sig dictionary with /adbe.pkcs7.detached, and a
 * /ByteRange that covers the whole file except the /Contents hole. The original bytes are kept
 * as they were, so every earlier signature stays verifiable and any PDF reader still opens it.
 */

/** Room for the CMS in the /Contents hole, in bytes (hex doubles it). */
export const CONTENTS_BYTES = 8192;

export type Placement = {
  /** 1-based page number. */
  page: number;
  /** Lower-left corner, in PDF points from the page's lower-left corner. */
  x: number;
  y: number;
  size: number;
};

export type SealPdfInput = {
  pdf: Uint8Array;
  placement: Placement;
  /** ASCII only (the seal code), drawn under the star and named in /Name. */
  sealCode: string;
  fieldName: string;
  signedAt: Date;
  /** Makes the CMS from the SM3 digest (hex) of the signed byte ranges. */
  cms: (digestHex: string) => Uint8Array;
};

const enc = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

const pdfDate = (d: Date): string => {
  // China time, as the platform dates everything; written with its offset so readers convert.
  const cn = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `D:${cn.slice(0, 4)}${cn.slice(5, 7)}${cn.slice(8, 10)}${cn.slice(11, 13)}${cn.slice(14, 16)}${cn.slice(17, 19)}+08'00'`;
};

const outsidePage = (): DomainError =>
  new DomainError(
    'SEAL_POSITION_OUTSIDE_PAGE',
    text('印章位置超出页面范围。', 'The seal position lies outside the page.'),
    { field: 'placement' },
  );

/** Adds `ref` to the array value of `key` in `dict` (inline arrays only), or adds the key. */
const withArrayEntry = (
  pdf: PdfFile,
  dict: string,
  key: string,
  ref: Ref,
  updates: Map<number, string>,
): string => {
  const inline = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  if (inline) return dict.replace(inline[0], `/${key} [${inline[1]!.trim()} ${refText(ref)}]`);
  const indirect = refIn(dict, key);
  if (indirect) {
    const body = objectBody(pdf, indirect.num);
    if (!body?.startsWith('[')) throw unsupportedPdf(`/${key}`);
    updates.set(indirect.num, `${body.slice(0, body.lastIndexOf(']')).trim()} ${refText(ref)}]`);
    return dict;
  }
  return `${dict.slice(0, -2).trimEnd()} /${key} [${refText(ref)}] >>`;
};

/** The catalog with the field in its /AcroForm (made when missing) and /SigFlags 3. */
const withField = (pdf: PdfFile, catalog: string, field: Ref, updates: Map<number, string>): string => {
  const formRef = refIn(catalog, 'AcroForm');
  const sig = (d: string) =>
    /\/SigFlags/.test(d)
      ? d.replace(/\/SigFlags\s+\d+/, '/SigFlags 3')
      : `${d.slice(0, -2).trimEnd()} /SigFlags 3 >>`;
  if (formRef) {
    updates.set(formRef.num, sig(withArrayEntry(pdf, dictOf(pdf, formRef.num), 'Fields', field, updates)));
    return catalog;
  }
  const at = catalog.search(/\/AcroForm\s*<</);
  if (at >= 0) {
    const start = catalog.indexOf('<<', at);
    const end = dictEnd(catalog, start);
    const form = sig(withArrayEntry(pdf, catalog.slice(start, end), 'Fields', field, updates));
    return `${catalog.slice(0, start)}${form}${catalog.slice(end)}`;
  }
  return `${catalog.slice(0, -2).trimEnd()} /AcroForm << /Fields [${refText(field)}] /SigFlags 3 >> >>`;
};

const pad10 = (n: number): string => String(n).padStart(10, '0');

export type SealedPdf = { pdf: Uint8Array; digestHex: string; byteRange: [number, number, number, number] };

export const sealPdf = (input: SealPdfInput): SealedPdf => {
  const pdf = readPdf(input.pdf);
  const pages = pagesOf(pdf);
  const page = pages[input.placement.page - 1];
  if (!page)
    throw new DomainError(
      'SEAL_PAGE_OUT_OF_RANGE',
      text(`页码超出范围（共 ${pages.length} 页）。`, `No such page (the document has ${pages.length}).`),
      { field: 'placement.page' },
    );
  const { x, y, size } = input.placement;
  const [bx0, by0, bx1, by1] = page.mediaBox;
  if (x < bx0 || y < by0 || x + size > bx1 || y + size > by1 || size <= 0) throw outsidePage();

  let next = pdf.size;
  const font: Ref = { num: next++, gen: 0 };
  const look: Ref = { num: next++, gen: 0 };
  const sigRef: Ref = { num: next++, gen: 0 };
  const widget: Ref = { num: next++, gen: 0 };
  const updates = new Map<number, string>();
  const appearance = sealAppearance(size, input.sealCode);
  updates.set(font.num, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  updates.set(
    look.num,
    `<< /Type /XObject /Subtype /Form /BBox [0 0 ${size} ${size}] /Resources << /Font << /F1 ${refText(font)} >> >> /Length ${appearance.length} >>\nstream\n${appearance}\nendstream`,
  );
  const rangeHole = `[0 ${pad10(0)} ${pad10(0)} ${pad10(0)}]`;
  updates.set(
    sigRef.num,
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange ${rangeHole} /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}> /M (${pdfDate(input.signedAt)}) /Name (${input.sealCode}) /Reason (Shangtong e-seal) >>`,
  );
  updates.set(
    widget.num,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${input.fieldName}) /V ${refText(sigRef)} /F 132 /P ${refText(page.ref)} /Rect [${x} ${y} ${x + size} ${y + size}] /AP << /N ${refText(look)} >> >>`,
  );
  updates.set(page.ref.num, withArrayEntry(pdf, page.dict, 'Annots', widget, updates));
  updates.set(pdf.root.num, withField(pdf, dictOf(pdf, pdf.root.num), widget, updates));

  // Serialize the update after the original bytes.
  const original = pdf.text;
  let body = /[\r\n]$/.test(original) ? '' : '\n';
  const offsets = new Map<number, number>();
  const gens = (n: number) => pdf.objectAt.get(n)?.gen ?? 0;
  for (const [num, content] of [...updates].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, original.length + body.length);
    body += `${num} ${gens(num)} obj\n${content}\nendobj\n`;
  }
  const xrefAt = original.length + body.length;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j += 1;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1)
      xref += `${pad10(offsets.get(nums[k]!)!)} ${String(gens(nums[k]!)).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  const info = refIn(pdf.trailer, 'Info');
  const id = /\/ID\s*\[[^\]]*\]/.exec(pdf.trailer)?.[0];
  xref += `trailer\n<< /Size ${next} /Root ${refText(pdf.root)}${info ? ` /Info ${refText(info)}` : ''}${id ? ` ${id}` : ''} /Prev ${pdf.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const whole = original + body + xref;

  // Fill the byte range, then the signature.
  const sigAt = offsets.get(sigRef.num)!;
  const rangeAt = whole.indexOf(rangeHole, sigAt);
  const contentsAt = whole.indexOf('/Contents <', sigAt) + '/Contents '.length;
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const byteRange: [number, number, number, number] = [
    0,
    contentsAt,
    contentsEnd,
    whole.length - contentsEnd,
  ];
  const out = enc(whole);
  out.set(input.pdf.subarray(0, original.length), 0);
  out.set(enc(`[0 ${pad10(byteRange[1])} ${pad10(byteRange[2])} ${pad10(byteRange[3])}]`), rangeAt);
  const signed = new Uint8Array(byteRange[1] + byteRange[3]);
  signed.set(out.subarray(0, byteRange[1]), 0);
  signed.set(out.subarray(byteRange[2]), byteRange[1]);
  const digestHex = sm3(signed);
  const cms = input.cms(digestHex);
  if (cms.length > CONTENTS_BYTES) throw new Error('seal signature larger than its room');
  out.set(
    enc(
      bytesToHex(cms)
        .toUpperCase()
        .padEnd(CONTENTS_BYTES * 2, '0'),
    ),
    contentsAt + 1,
  );
  return { pdf: out, digestHex, byteRange };
};
