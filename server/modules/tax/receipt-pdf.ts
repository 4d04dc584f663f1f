import { renderPdf, type RenderOptions } from '../../pdf/document';
import {
  declarationText,
  FORM_NAMES,
  groupedMoney,
  periodEnd,
  periodStart,
  type ReturnDetail,
} from '../../../shared/api/tax';
import { periodLabel } from '../../../shared/tax/period';
import { formatChinaMedium } from '../../../shared/time/china';
import { toTraditional } from '../../text/traditional';
import { traditionalWriter } from '../../pdf/traditional';

const ACTING: Record<string, string> = {
  'legal-representative': '法定代表人 Legal representative',
  delegate: '被授权人 Delegate',
  'firm-staff': '代理机构人员 Firm staff',
};

const time = (iso: string | null): string => (iso ? formatChinaMedium(iso) : '—');

/**
 * The receipt (申报回执) of an accepted return as a PDF with the shipped CJK font: who filed what
 * for which period, every declared figure, the reliefs applied, the session signature, and the
 * payment due. It says plainly that the accepting bureau is the platform's simulation.
 * `traditional`: the receipt is the filer's own document, so a zh-HK reader gets it in 繁體 (the
 * English half of each label stays).
 */
export const receiptPdf = (
  r: ReturnDetail,
  options: Pick<RenderOptions, 'fonts'> & { traditional?: boolean } = {},
): Promise<Buffer> => {
  const c = r.computation;
  const label = periodLabel(r.period);
  const { traditional = false, ...renderOptions } = options;
  const inScript = traditional ? toTraditional : (s: string): string => s;
  return renderPdf(
    (simplified) => {
      const names = [r.companyName, r.filer?.name ?? ''];
      const doc = traditional ? traditionalWriter(simplified, names) : simplified;
      doc.title('税费申报回执', 'Tax return receipt');
      doc.keyValueTable([
        ['纳税人名称 Taxpayer', r.companyName],
        ['统一社会信用代码 USCC', r.uscc],
        ['申报表 Form', `${FORM_NAMES[r.form].zh}`],
        ['税款所属期 Period', `${label.zh}（${periodStart(r.period)} 至 ${periodEnd(r.period)}）`],
        [
          '申报类型 Type',
          r.zeroFiling
            ? '零申报 Nil return'
            : r.version > 1
              ? `更正申报（第 ${r.version} 版）Correction`
              : '正常申报 Original',
        ],
        ['申报回执号 Receipt no.', r.receiptNumber ?? '—'],
        ['申报期限 Deadline', `${r.dueDate}${r.late ? '（逾期申报 filed late）' : ''}`],
        ['提交时间 Submitted', time(r.submittedAt)],
        ['受理时间 Accepted', time(r.acceptedAt)],
        [
          '申报人 Filed by',
          r.filer ? `${r.filer.name}（${ACTING[r.filer.actingAs] ?? r.filer.actingAs}）` : '—',
        ],
      ]);
      if (c) {
        doc.paragraph(
          declarationText(r.companyName, r.period, c, { zero: r.zeroFiling, correction: r.version > 1 }).zh,
        );
        doc.heading('申报数据 Declared figures');
        doc.table(
          [
            { header: '项目 Item', width: 2.2 },
            { header: '金额（元）/ 人数', width: 1, align: 'right' },
          ],
          [
            ...c.lines.map((l) => [
              `${l.label.zh} ${l.label.en}`,
              l.unit === 'yuan' ? groupedMoney(l.value) : l.value,
            ]),
            ['应缴税费合计 Total payable', groupedMoney(c.totalPayable)],
          ],
        );
        if (r.difference && r.version > 1)
          doc.paragraph(`与上一版本相比应缴税费变动 ${groupedMoney(r.difference)} 元。`);
        if (c.reliefs.length > 0) {
          doc.heading('适用的政策 Reliefs applied');
          for (const relief of c.reliefs) doc.paragraph(`• ${relief.text.zh}`);
        }
      }
      if (r.payment) {
        doc.heading('缴款 Payment (simulated)');
        doc.keyValueTable([
          ['应缴金额 Amount', `${groupedMoney(r.payment.amount)} 元`],
          ['缴款期限 Pay by', r.payment.dueDate],
          [
            '状态 Status',
            r.payment.status === 'paid'
              ? '已缴款 Paid'
              : r.payment.status === 'due'
                ? '待缴款 Due'
                : '已被更正取代 Replaced',
          ],
          ['电子缴款凭证号 Voucher', r.payment.voucherNumber ?? '—'],
          ['税收完税证明 Certificate', r.payment.certificate?.number ?? '—'],
        ]);
      }
      if (r.signature) {
        doc.heading('申报签名 Session signature (HMAC-SM3)');
        doc.keyValueTable([
          ['内容摘要 SM3 digest', r.signature.contentDigest],
          ['会话 Session', r.signature.sessionId],
          ['签名时间 Signed at', r.signature.signedAt],
          ['签名值 Signature', r.signature.value],
        ]);
      }
      if (r.bureauNote) doc.paragraph(r.bureauNote.zh, { color: '#444444' });
      doc.paragraph(
        '说明：本回执由商通平台的模拟税务机关出具，用于演示申报流程，不代表真实税务机关受理；缴款为模拟，不发生真实扣款。',
        { size: 9, color: '#666666' },
      );
      doc.footer(`${r.companyName} ${label.zh} 申报回执 ${r.receiptNumber ?? ''}`);
    },
    {
      title: inScript(`税费申报回执 ${r.receiptNumber ?? ''}`),
      subject: inScript(`${FORM_NAMES[r.form].zh} ${label.zh}`),
      ...renderOptions,
    },
  );
};
