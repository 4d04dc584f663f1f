import { text, type LocalizedText } from '../../../shared/text';

/** The order of steps that share a timestamp (one transaction writes several at once). */
const ORDER = [
  'created',
  'confirmations-reset',
  'confirmations-requested',
  'confirmed',
  'submitted',
  'auto-review-passed',
  'manual-review',
  'returned',
  'reviewer-approved',
  'name-verified',
  'uscc-assigned',
  'company-established',
  'business-licence-issued',
  'seals-issued',
  'tax-registered',
  'social-insurance-registered',
  'housing-fund-registered',
  'bank-appointment',
  'approved',
];

export const byTimeThenStep = (a: { at: Date; kind: string }, b: { at: Date; kind: string }): number =>
  a.at.getTime() - b.at.getTime() || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind);

/** The sentence the timeline shows for a stored step (kind + detail). */
export const timelineText = (kind: string, d: Record<string, string>): LocalizedText => {
  switch (kind) {
    case 'created':
      return text('创建企业开办申请', 'Application started');
    case 'confirmations-requested':
      return text(
        `向 ${d.count ?? ''} 位相关人员发起确认`,
        `Confirmation requested from ${d.count ?? ''} ${d.count === '1' ? 'person' : 'people'}`,
      );
    case 'confirmed':
      return text(
        `${d.name ?? ''} 已确认（${d.method === 'face' ? '刷脸核验' : d.method === 'code' ? '链接与确认码' : '登录密码'}）`,
        `${d.name ?? ''} confirmed (${d.method === 'face' ? 'live face check' : d.method === 'code' ? 'link and code' : 'password'})`,
      );
    case 'confirmations-reset':
      return text(
        '申请内容已修改，此前的确认作废，需重新确认',
        'The application changed; earlier confirmations no longer count',
      );
    case 'submitted':
      return text('提交申请', 'Application submitted');
    case 'auto-review-passed':
      return text('自动审核通过（秒批）', 'Automated review passed (instant approval)');
    case 'manual-review':
      return text(`转人工审核：${d.reasonsZh ?? ''}`, `Sent to manual review: ${d.reasonsEn ?? ''}`);
    case 'returned':
      return text(`审核退回：${d.comment ?? ''}`, `Returned by the reviewer: ${d.comment ?? ''}`);
    case 'reviewer-approved':
      return text(`审核人员 ${d.reviewer ?? ''} 核准`, `Approved by reviewer ${d.reviewer ?? ''}`);
    case 'name-verified':
      return text(`名称复核通过：${d.name ?? ''}`, `Name checked again: ${d.name ?? ''}`);
    case 'uscc-assigned':
      return text(
        `赋予统一社会信用代码 ${d.uscc ?? ''}`,
        `Unified social credit code ${d.uscc ?? ''} assigned`,
      );
    case 'company-established':
      return text(`设立登记：${d.name ?? ''}`, `Company registered: ${d.name ?? ''}`);
    case 'business-licence-issued':
      return text(
        `核发电子营业执照 ${d.identifier ?? ''}`,
        `Electronic business licence issued: ${d.identifier ?? ''}`,
      );
    case 'seals-issued':
      return text(`制发电子印章 ${d.count ?? ''} 枚`, `${d.count ?? ''} electronic seals issued`);
    case 'tax-registered':
      return text(
        '税务登记：小规模纳税人，开通数电发票',
        'Tax registration: small-scale taxpayer, digital e-invoices enabled',
      );
    case 'social-insurance-registered':
      return text('社会保险登记', 'Social insurance registration');
    case 'housing-fund-registered':
      return text('住房公积金单位缴存登记', 'Housing provident fund registration');
    case 'bank-appointment':
      return text(`银行开户预约：${d.branch ?? ''}`, `Bank account appointment: ${d.branch ?? ''}`);
    case 'approved':
      return text('办结：企业已成立', 'Done: the company is established');
    default:
      return text(kind, kind);
  }
};
