import QRCode from 'qrcode';
import { type CjkFonts, type FontWeight, loadCjkFonts } from './cjk-font';
import { breakLines, type Line, TextMeasurer } from './line-breaker';

/** 全角空格 U+3000, as Chinese documents space a label from its text. */
const SP = '\u3000';

/**
 * A small flowing-layout API over pdfkit for the product's documents (licences, articles,
 * tax returns). We lay out lines ourselves because text is drawn in per-subset font runs; pdfkit
 * only places each run. Pages are A4 portrait, all sizes in points.
 */

export type Align = 'left' | 'center' | 'right';
export type ParagraphOptions = {
  size?: number;
  bold?: boolean;
  align?: Align;
  indent?: boolean;
  color?: string;
};
export type TableColumn = { header: string; width?: number; align?: Align };
export type QrOptions = { size?: number; caption?: string; align?: Align };

export interface PdfWriter {
  title(text: string, subtitle?: string): void;
  heading(text: string): void;
  paragraph(text: string, options?: ParagraphOptions): void;
  keyValueTable(rows: readonly (readonly [string, string])[]): void;
  /** `width` of a column is a share of the line (defaults to equal shares). */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void;
  /** A vector QR code (no raster image), so it stays sharp when printed. */
  qrCode(payload: string, options?: QrOptions): void;
  /** Text at the bottom of every page, followed by the page number. */
  footer(text: string): void;
  space(points: number): void;
  pageBreak(): void;
}

/** A file embedded in the PDF (e.g. the signed licence, so it can be verified offline from the PDF alone). */
export type PdfAttachment = { name: string; data: Buffer; type: string; description: string };
export type RenderOptions = {
  title?: string;
  author?: string;
  subject?: string;
  fonts?: CjkFonts;
  attachments?: readonly PdfAttachment[];
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 64, left: 62, right: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const LEADING = 1.55;
const INK = '#1f1f1f';
const MUTED = '#666666';
const RULE = '#9a9a9a';
const SHADE = '#f0f2f5';
const CELL_PAD = 4;

class Writer implements PdfWriter {
  private y = MARGIN.top;
  private footerText: string | undefined;
  private readonly m: TextMeasurer;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    fonts: CjkFonts,
  ) {
    this.m = new TextMeasurer(fonts);
    for (const face of fonts.faces) doc.registerFont(face.key, face.data);
  }

  private get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN.top) this.pageBreak();
  }

  private lines(text: string, width: number, weight: FontWeight, size: number, indent = 0): Line[] {
    return breakLines(text, width, this.m, weight, size, indent);
  }

  /** Draws one laid-out line with its left edge at `x` (alignment already applied). */
  private drawLine(line: Line, x: number, y: number, size: number, color: string): void {
    let cursor = x + line.indent;
    let i = 0;
    while (i < line.tokens.length) {
      const face = line.tokens[i]?.face;
      let text = '';
      let width = 0;
      while (i < line.tokens.length && line.tokens[i]?.face === face) {
        text += line.tokens[i]?.text ?? '';
        width += line.tokens[i]?.width ?? 0;
        i += 1;
      }
      if (!face) break;
      this.doc.font(face.key).fontSize(size).fillColor(color).text(text, cursor, y, { lineBreak: false });
      cursor += width;
    }
  }

  private block(
    text: string,
    x: number,
    width: number,
    o: Required<Omit<ParagraphOptions, 'indent'>> & { indent: number },
  ): void {
    const lineHeight = o.size * LEADING;
    for (const line of this.lines(text, width, o.bold ? 'bold' : 'regular', o.size, o.indent)) {
      this.ensure(lineHeight);
      const dx =
        o.align === 'center' ? (width - line.width) / 2 : o.align === 'right' ? width - line.width : 0;
      this.drawLine(line, x + Math.max(0, dx), this.y + (lineHeight - o.size * 1.2) / 2, o.size, o.color);
      this.y += lineHeight;
    }
  }

  title(text: string, subtitle?: string): void {
    this.block(text, MARGIN.left, CONTENT_WIDTH, {
      size: 19,
      bold: true,
      align: 'center',
      color: INK,
      indent: 0,
    });
    if (subtitle)
      this.block(subtitle, MARGIN.left, CONTENT_WIDTH, {
        size: 10,
        bold: false,
        align: 'center',
        color: MUTED,
        indent: 0,
      });
    this.y += 10;
  }

  heading(text: string): void {
    this.ensure(BODY * 5);
    this.y += 8;
    this.block(text, MARGIN.left, CONTENT_WIDTH, {
      size: 13,
      bold: true,
      align: 'left',
      color: INK,
      indent: 0,
    });
    this.y += 2;
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? BODY;
    this.block(text, MARGIN.left, CONTENT_WIDTH, {
      size,
      bold: options.bold ?? false,
      align: options.align ?? 'left',
      color: options.color ?? INK,
      indent: options.indent ? size * 2 : 0,
    });
    this.y += size * 0.35;
  }

  keyValueTable(rows: readonly (readonly [string, string])[]): void {
    this.grid(
      [0.3, 0.7],
      rows.map((r) => [...r]),
      { shadeFirstColumn: true },
    );
  }

  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((s, c) => s + (c.width ?? 1), 0);
    const shares = columns.map((c) => (c.width ?? 1) / total);
    this.grid(
      shares,
      rows.map((r) => [...r]),
      {
        header: columns.map((c) => c.header),
        aligns: columns.map((c) => c.align ?? 'left'),
      },
    );
  }

  private grid(
    shares: number[],
    rows: string[][],
    o: { header?: string[]; aligns?: Align[]; shadeFirstColumn?: boolean },
  ): void {
    const widths = shares.map((s) => s * CONTENT_WIDTH);
    const lineHeight = BODY * 1.45;
    const layout = (cells: string[], bold: boolean): Line[][] =>
      widths.map((w, c) => this.lines(cells[c] ?? '', w - 2 * CELL_PAD, bold ? 'bold' : 'regular', BODY));
    const heightOf = (laid: Line[][]): number =>
      Math.max(1, ...laid.map((l) => l.length)) * lineHeight + 2 * CELL_PAD;
    const drawRow = (laid: Line[][], height: number, header: boolean): void => {
      let x = MARGIN.left;
      laid.forEach((lines, c) => {
        const w = widths[c] ?? 0;
        if (header || (o.shadeFirstColumn && c === 0)) this.doc.rect(x, this.y, w, height).fill(SHADE);
        this.doc.rect(x, this.y, w, height).lineWidth(0.6).strokeColor(RULE).stroke();
        const align = header ? 'left' : (o.aligns?.[c] ?? 'left');
        lines.forEach((line, i) => {
          const inner = w - 2 * CELL_PAD;
          const dx =
            align === 'right' ? inner - line.width : align === 'center' ? (inner - line.width) / 2 : 0;
          const ty = this.y + CELL_PAD + i * lineHeight + (lineHeight - BODY * 1.2) / 2;
          this.drawLine(line, x + CELL_PAD + Math.max(0, dx), ty, BODY, INK);
        });
        x += w;
      });
      this.y += height;
    };
    const header = o.header ? layout(o.header, true) : undefined;
    const headerHeight = header ? heightOf(header) : 0;
    if (header) {
      this.ensure(headerHeight + lineHeight * 2);
      drawRow(header, headerHeight, true);
    }
    for (const row of rows) {
      const laid = layout(row, false);
      const h = heightOf(laid);
      if (this.y + h > this.bottom) {
        this.pageBreak();
        if (header) drawRow(header, headerHeight, true);
      }
      drawRow(laid, h, false);
    }
    this.y += 8;
  }

  qrCode(payload: string, options: QrOptions = {}): void {
    const size = options.size ?? 96;
    const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const quiet = 2;
    const cell = size / (n + 2 * quiet);
    const captionHeight = options.caption ? BODY * 1.6 : 0;
    this.ensure(size + captionHeight);
    const align = options.align ?? 'left';
    const x0 =
      MARGIN.left +
      (align === 'center' ? (CONTENT_WIDTH - size) / 2 : align === 'right' ? CONTENT_WIDTH - size : 0);
    this.doc.rect(x0, this.y, size, size).fill('#ffffff');
    // One rectangle per horizontal run of dark modules keeps the path small.
    for (let r = 0; r < n; r += 1) {
      let c = 0;
      while (c < n) {
        if (!qr.modules.get(r, c)) {
          c += 1;
          continue;
        }
        const start = c;
        while (c < n && qr.modules.get(r, c)) c += 1;
        this.doc.rect(x0 + (quiet + start) * cell, this.y + (quiet + r) * cell, (c - start) * cell, cell);
      }
    }
    this.doc.fill('#000000');
    this.y += size;
    if (options.caption) {
      const lines = this.lines(options.caption, size * 2, 'regular', 8);
      for (const line of lines) {
        const x = x0 + (size - line.width) / 2;
        this.drawLine(line, Math.max(MARGIN.left, x), this.y + 2, 8, MUTED);
        this.y += 8 * LEADING;
      }
    }
    this.y += 6;
  }

  footer(text: string): void {
    this.footerText = text;
  }

  space(points: number): void {
    this.y += points;
  }

  pageBreak(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Footers go on last, when the page count is known. */
  finish(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i += 1) {
      this.doc.switchToPage(range.start + i);
      const label = `${this.footerText ? `${this.footerText}${SP}` : ''}第 ${i + 1} 页 / 共 ${range.count} 页`;
      const y = PAGE.height - MARGIN.bottom + 24;
      this.doc
        .moveTo(MARGIN.left, y - 6)
        .lineTo(PAGE.width - MARGIN.right, y - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      for (const line of this.lines(label, CONTENT_WIDTH, 'regular', 8)) {
        this.drawLine(line, MARGIN.left + (CONTENT_WIDTH - line.width) / 2, y, 8, MUTED);
      }
    }
  }
}

/** Builds a PDF with the shipped CJK font embedded (subset to the glyphs used). */
export const renderPdf = async (
  build: (doc: PdfWriter) => void,
  options: RenderOptions = {},
): Promise<Buffer> => {
  const fonts = options.fonts ?? (await loadCjkFonts());
  // pdfkit (and fontkit with it) load on the first PDF, not at start.
  const { default: PDFKitDocument } = await import('pdfkit');
  const doc: PDFKit.PDFDocument = new PDFKitDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: options.title ?? '',
      Author: options.author ?? 'Shangtong 商通',
      Subject: options.subject ?? '',
      Creator: 'Shangtong 商通',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const a of options.attachments ?? [])
    doc.file(a.data, { name: a.name, type: a.type, description: a.description });
  const writer = new Writer(doc, fonts);
  build(writer);
  writer.finish();
  doc.end();
  return done;
};
