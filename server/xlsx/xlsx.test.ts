import { strToU8, unzipSync, strFromU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheet, XlsxReadError } from './read';
import { writeSheet } from './write';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as another producer writes it: prefixed names, inline strings, 1904 dates, styles. */
const foreign = (sheetXml: string, extra: Record<string, string> = {}, workbookPr = ''): Uint8Array =>
  zipSync(
    Object.fromEntries(
      Object.entries({
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${R}>${workbookPr}<x:sheets><x:sheet name="其他" sheetId="1" r:id="a"/><x:sheet name="信息汇总表" sheetId="2" r:id="b"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/one.xml"/><Relationship Id="b" Type="${REL}/worksheet" Target="./worksheets/../worksheets/two.xml"/><Relationship Id="s" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
        'xl/worksheets/one.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
        'xl/worksheets/two.xml': sheetXml,
        'xl/strings.xml': `<sst ${NS}><si><t>纯文本</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si><t>a_x000D_b &amp; &lt;c&gt;</t></si></sst>`,
        'xl/styles.xml': `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>`,
        ...extra,
      }).map(([k, v]) => [k, strToU8(v)]),
    ),
  );

describe('xlsx', () => {
  it('writes and reads back text, numbers, empty cells and the sheet name', () => {
    const buffer = writeSheet({
      name: '客户名册',
      rows: [
        ['统一社会信用代码', '名称', '金额'],
        ['91440101MA5CXXXX0X', '云帆 & <科技> "有限"', 1234.56],
        [null, '', -0.5],
        ['_x0041_ literal', 'tab\there\u0001', Number('12345678901234567890')],
      ],
      widths: [22, 36, 10],
      header: true,
      textColumns: [0],
    });
    const sheet = readSheet(buffer);
    expect(sheet.name).toBe('客户名册');
    expect(sheet.lastRow).toBe(4);
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['统一社会信用代码', '名称', '金额'] },
      { row: 2, cells: ['91440101MA5CXXXX0X', '云帆 & <科技> "有限"', 1234.56] },
      { row: 3, cells: [null, null, -0.5] },
      { row: 4, cells: ['_x0041_ literal', 'tab\there\u0001', 12345678901234567000] },
    ]);
  });

  it('freezes and bolds the header row and formats text columns as text', () => {
    const files = unzipSync(
      writeSheet({
        name: 's',
        rows: [
          ['h', 'i'],
          ['1', 2],
        ],
        header: true,
        textColumns: [0],
      }),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<c r="A1" s="3" t="s">'); // bold + text
    expect(sheet).toContain('<c r="B1" s="1" t="s">'); // bold
    expect(sheet).toContain('<c r="A2" s="2" t="s">'); // text
    expect(sheet).toContain('<c r="B2"><v>2</v></c>');
  });

  it('reads another producer’s workbook: preferred sheet, shared rich text without phonetics, dates, formulas', () => {
    const sheet = readSheet(
      foreign(
        `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
          `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="s"><x:v>2</x:v></x:c></x:row>` +
          `<x:row r="3"><x:c r="A3" s="1"><x:v>46029</x:v></x:c><x:c r="B3" s="2"><x:v>0.30000000000000004</x:v></x:c><x:c r="C3" s="3"><x:v>46029.5</x:v></x:c></x:row>` +
          `<x:row r="4"><x:c r="A4" t="str"><x:f>A2&amp;"x"</x:f><x:v>纯文本x</x:v></x:c><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="D4"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>` +
          `<x:row r="5"><x:c r="A5" s="1"/></x:row>` +
          `<x:row><x:c><x:v>7</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>` +
          `</x:sheetData></x:worksheet>`,
      ),
      '信息汇总表',
    );
    expect(sheet.name).toBe('信息汇总表');
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['纯文本', null, '富文本 ', 'a\rb & <c>'] },
      {
        row: 3,
        cells: [new Date('2026-01-07T00:00:00Z'), 0.30000000000000004, new Date('2026-01-07T12:00:00Z')],
      },
      { row: 4, cells: ['纯文本x', true, null, 2] },
      { row: 6, cells: [7, 'inline'] },
    ]);
    expect(sheet.lastRow).toBe(6);
  });

  it('counts days from 1904 when the workbook says so, and takes the first sheet otherwise', () => {
    const sheet = readSheet(
      foreign(
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c></row></sheetData></worksheet>`,
        {},
        '<x:workbookPr date1904="1"/>',
      ),
      '信息汇总表',
    );
    expect(sheet.rows[0]?.cells[0]).toEqual(new Date('1904-01-01T00:00:00Z'));
    expect(readSheet(foreign('<worksheet/>'), 'no such sheet').name).toBe('其他');
  });

  it('refuses what is not a workbook', () => {
    const reason = (bytes: Uint8Array): string | undefined => {
      try {
        readSheet(bytes, '信息汇总表');
        return undefined;
      } catch (e) {
        return e instanceof XlsxReadError ? e.reason : 'other';
      }
    };
    expect(reason(strToU8('not a zip'))).toBe('not-a-workbook');
    expect(reason(zipSync({ 'a.txt': strToU8('x') }))).toBe('not-a-workbook');
    expect(reason(foreign('<worksheet><sheetData><row></sheetData></worksheet>'))).toBe('not-a-workbook');
    const noSheets = zipSync({ 'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets/></workbook>`) });
    expect(reason(noSheets)).toBe('no-sheet');
  });
});
