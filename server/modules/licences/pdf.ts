import { renderPdf } from '../../pdf/document';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { licenceState } from '../../../shared/licences/expiry';
import type { LicenceRow } from './views';
import { licenceNumberOf } from './views';
import { chinaMinute } from '../../../shared/time/china';

const STATUS_ZH = { active: '有效', revoked: '已注销', superseded: '已被新版本取代' } as const;

/**
 * A printable copy of one licence version: every field with its Chinese label, validity, the
 * identifier, digest and signature, and the QR code that opens the public verification page.
 * The signed JSON stays the authoritative copy; the PDF says so, and carries it as an embedded file
 * (`<identifier>.json`): the printed QR is a short URL on the public host, and the embedded seal
 * lets the PDF be verified offline (upload it on the verification page, or any SM2 tool).
 */
export const licencePdf = (row: LicenceRow, qrUrl: string, now: Date): Promise<Buffer> => {
  const doc = row.signed.document;
  const type = licenceTypeByKey(row.typeKey);
  const title = type?.name.zh ?? row.typeKey;
  const state = licenceState(doc, now);
  const fieldRows: [string, string][] = (type?.fields ?? []).flatMap((spec) => {
    const v = doc.fields[spec.name];
    if (v === undefined) return [];
    return [[spec.label.zh, Array.isArray(v) ? v.join('；') : v]];
  });
  const status =
    row.status !== 'active'
      ? STATUS_ZH[row.status]
      : state.state === 'expired'
        ? '已过期'
        : state.state === 'not-yet-valid'
          ? '尚未生效'
          : '有效';
  return renderPdf(
    (w) => {
      w.title(title, `电子证照 · ${type?.name.en ?? ''}`);
      w.keyValueTable([
        ['持证主体', doc.holder.name],
        ['统一社会信用代码', doc.holder.uscc],
        ['证照编号', licenceNumberOf(row.signed)],
        ['发证机构', doc.issuer.name],
        ['有效期', `${doc.validFrom} 至 ${doc.validUntil ?? '长期'}`],
        ['状态', status],
      ]);
      w.heading('证照信息');
      w.keyValueTable(fieldRows);
      w.heading('核验');
      w.qrCode(qrUrl, { size: 120, caption: '扫码核验 Scan to verify', align: 'left' });
      w.keyValueTable([
        ['证照标识', doc.id],
        ['版本', String(doc.version)],
        ['签发时间', `${chinaMinute(doc.issuedAt)}（北京时间）`],
        ['摘要（SM3）', row.digest],
        ['签名（SM2）', row.signed.signature],
        ['签名密钥', row.signed.publicKeyId],
      ]);
      w.paragraph(
        '本文件为电子证照的打印件。证照的法律效力以电子签名为准：请扫描二维码，或在商通核验页面上传电子证照文件（本 PDF 附带的 licence.json）离线核验。',
        { size: 9, color: '#666666' },
      );
      w.footer(`${title}\u3000${doc.holder.name}`);
    },
    {
      title: `${title} - ${doc.holder.name}`,
      subject: `电子证照 ${doc.id}`,
      attachments: [
        {
          name: 'licence.json',
          data: Buffer.from(JSON.stringify(row.signed, null, 2)),
          type: 'application/json',
          description: '已签名的电子证照（离线核验）Signed e-licence for offline verification',
        },
      ],
    },
  );
};
