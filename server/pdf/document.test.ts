import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApplication } from '../../shared/registration/demo-application';
import { articlesPdf } from './articles-pdf';
import { type CjkFonts, defaultFontDir, loadCjkFonts } from './cjk-font';
import { renderPdf } from './document';
import { breakLines, TextMeasurer } from './line-breaker';
import { isWoff, woffToSfnt } from './woff';

const hasTool = (tool: string): boolean => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return !(e instanceof Error && 'code' in e && e.code === 'ENOENT');
  }
};
const poppler = hasTool('pdftotext') && hasTool('pdffonts');
if (!poppler)
  console.warn('SKIPPED: pdftotext/pdffonts (poppler-utils) not installed; PDF text and font checks not run');

const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const pdfFonts = (pdf: Buffer): string[] =>
  execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8').split('\n').slice(2).filter(Boolean);

let fonts: CjkFonts;
beforeAll(async () => {
  fonts = await loadCjkFonts();
});

describe('CJK fonts from @fontsource/noto-sans-sc', () => {
  it('loads both weights once and routes each character to a subset that has its glyph', async () => {
    expect(await loadCjkFonts()).toBe(fonts);
    expect(fonts.faces.some((f) => f.weight === 'regular')).toBe(true);
    expect(fonts.faces.some((f) => f.weight === 'bold')).toBe(true);
    expect(fonts.stats.codePoints).toBeGreaterThan(10_000);
    const text = '营业执照 增值税及附加税费申报表 VAT return 2025（第一季度）：¥1,234.56。鍀';
    expect(fonts.missing(text)).toEqual([]);
    expect(fonts.missing(text, 'bold')).toEqual([]);
    for (const weight of ['regular', 'bold'] as const) {
      const runs = fonts.runs(text, weight);
      expect(runs.map((r) => r.text).join('')).toBe(text);
      for (const run of runs) {
        expect(run.face.weight).toBe(weight);
        for (const ch of run.text)
          expect(run.face.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0), ch).toBe(true);
      }
    }
    // Common text needs few subsets: the most frequent characters come first.
    expect(
      new Set(fonts.runs('广州市云帆信息科技有限公司营业执照', 'regular').map((r) => r.face.key)).size,
    ).toBeLessThanOrEqual(6);
    expect(fonts.missing('𠀀')).toEqual(['𠀀']);
  });

  it('unpacks WOFF to an sfnt that fontkit reads with the same characters', () => {
    const file = join(defaultFontDir(), 'noto-sans-sc-latin-400-normal.woff');
    const woff = readFileSync(file);
    expect(isWoff(woff)).toBe(true);
    const sfnt = woffToSfnt(woff);
    expect(isWoff(sfnt)).toBe(false);
    const a = fontkit.create(woff);
    const b = fontkit.create(sfnt);
    if (!('characterSet' in a) || !('characterSet' in b)) throw new Error('expected single fonts');
    expect(b.characterSet).toEqual(a.characterSet);
    expect(b.glyphForCodePoint(65).advanceWidth).toBe(a.glyphForCodePoint(65).advanceWidth);
    expect(() => woffToSfnt(sfnt)).toThrow(/WOFF/);
  });
});

describe('line breaking', () => {
  it('fits lines to the width, never starts a line with closing punctuation nor ends one with opening', () => {
    const m = new TextMeasurer(fonts);
    const text =
      '股东应当按期足额缴纳各自所认缴的出资额，股东未按期足额缴纳出资的（包括 non-monetary contributions），除应当向公司足额缴纳外，还应当对给公司造成的损失承担赔偿责任。《公司法》第四十九条。';
    for (const width of [80, 120, 200, 333]) {
      const lines = breakLines(text, width, m, 'regular', 10.5);
      expect(lines.length).toBeGreaterThan(1);
      expect(
        lines
          .map((l) => l.tokens.map((t) => t.text).join(''))
          .join('')
          .replace(/ /g, ''),
      ).toBe(text.replace(/ /g, ''));
      for (const line of lines) {
        const first = line.tokens[0]?.text ?? '';
        const last = line.tokens.at(-1)?.text ?? '';
        expect('，。）》、；：'.includes(first), `starts with ${first}`).toBe(false);
        expect('（《'.includes(last), `ends with ${last}`).toBe(false);
        const hang = '，。）》、；：'.includes(last) ? (line.tokens.at(-1)?.width ?? 0) : 0;
        expect(line.width - hang).toBeLessThanOrEqual(width + 0.001);
      }
    }
    expect(breakLines('第一段\n第二段', 500, m, 'regular', 10, 21).map((l) => l.indent)).toEqual([21, 21]);
  });
});

describe('renderPdf', () => {
  it('produces a PDF whose Chinese and English text extracts, with the font embedded', async () => {
    const started = performance.now();
    const pdf = await renderPdf(
      (doc) => {
        doc.title('营业执照', 'Business Licence');
        doc.keyValueTable([
          ['名称', '广州市云帆信息科技有限公司'],
          ['统一社会信用代码', '91440106MA59XXXX0L'],
        ]);
        doc.heading('增值税及附加税费申报表');
        doc.paragraph('Mixed English and 中文 in one paragraph: VAT payable 3,000.00 元。', { indent: true });
        doc.table(
          [
            { header: '项目 Item', width: 2 },
            { header: '金额 Amount', align: 'right' },
          ],
          [['销售额 Sales', '100,000.00']],
        );
        doc.qrCode('https://example.cn/verify?id=1', { caption: '扫码核验' });
        for (let i = 0; i < 60; i += 1) doc.paragraph(`第${i + 1}行 line ${i + 1}：延续到第二页的正文。`);
        doc.footer('商通 Shangtong');
      },
      { title: '测试文档' },
    );
    const ms = performance.now() - started;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    console.info(
      `renderPdf: ${pdf.length} bytes in ${ms.toFixed(0)} ms (fonts loaded in ${fonts.stats.loadMs} ms)`,
    );
    if (!poppler) return;
    const text = pdfText(pdf);
    for (const s of [
      '营业执照',
      '增值税及附加税费申报表',
      'Business Licence',
      '广州市云帆信息科技有限公司',
      'Mixed English and 中文',
      '扫码核验',
      '第 1 页 / 共 ',
    ]) {
      expect(text, s).toContain(s);
    }
    const last = /第 (\d+) 页 \/ 共 \1 页/.exec(text);
    expect(Number(last?.[1])).toBeGreaterThanOrEqual(2);
    const fontRows = pdfFonts(pdf);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) {
      expect(row).toMatch(/NotoSansSC/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/); // embedded, subset, ToUnicode
    }
  });

  it('renders the articles of association', async () => {
    const pdf = await articlesPdf(demoApplication(), { fonts });
    if (!poppler) return;
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('广州市云帆信息科技有限公司章程');
    expect(text).toContain('第一章 总则');
    expect(text).toContain('人民币壹佰万元整');
    expect(text).toMatch(/林晓岚 货币 600,000.00 60.00% 2029-03-01/);
  });
});
