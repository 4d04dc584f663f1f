import type { LocalizedText } from '../text';

/**
 * Names of the audited actions a company's activity log shows. An action missing here is shown by
 * its code, so a new audit action never hides; add its name when you add the action.
 */
export const ACTIVITY_ACTIONS: Record<string, LocalizedText> = {
  'delegation.request': { zh: '提出授权申请', en: 'Requested authorization' },
  'delegation.approve': { zh: '刷脸确认授权', en: 'Approved authorization by face' },
  'delegation.reject': { zh: '拒绝授权申请', en: 'Declined authorization' },
  'delegation.cancel': { zh: '取消授权申请', en: 'Cancelled the request' },
  'delegation.expire': { zh: '授权到期', en: 'Authorization expired' },
  'delegation.revoke': { zh: '撤销授权', en: 'Revoked authorization' },
  'delegation.resend': { zh: '重新发送确认链接', en: 'Re-sent the approval link' },
  'delegation.face-failed': { zh: '刷脸未通过', en: 'Face check failed' },
  'delegation.lock': { zh: '失败次数过多，暂时锁定', en: 'Locked after failed attempts' },
  'delegation.remind-renewal': { zh: '提醒续期', en: 'Renewal reminder' },
  'delegation.handover': { zh: '事务所交接', en: 'Firm handover' },
  'tax.return.draft': { zh: '保存申报草稿', en: 'Saved a return draft' },
  'tax.return.submit': { zh: '提交纳税申报', en: 'Filed a tax return' },
  'tax.return.correct': { zh: '更正申报', en: 'Corrected a return' },
  'tax.return.zero': { zh: '零申报', en: 'Filed a nil return' },
  'tax.return.accept': { zh: '申报已受理', en: 'Return accepted' },
  'tax.pay': { zh: '缴款', en: 'Paid tax' },
  'invoice.import': { zh: '导入发票', en: 'Imported invoices' },
  'batch.zero-filing': { zh: '批量零申报', en: 'Batch nil filing' },
  'batch.invoice-filing': { zh: '批量按发票申报', en: 'Batch filing from invoices' },
  'batch.preflight-override': { zh: '放行申报前检查', en: 'Overrode a pre-flight check' },
  'licence.apply': { zh: '申请证照', en: 'Applied for a licence' },
  'licence.upload': { zh: '上传材料', en: 'Uploaded a document' },
  'licence.issue': { zh: '证照核发', en: 'Licence issued' },
  'licence.revoke': { zh: '证照注销', en: 'Licence revoked' },
  'licence.share': { zh: '分享证照', en: 'Shared a licence' },
  'licence.share.revoke': { zh: '取消证照分享', en: 'Stopped sharing a licence' },
  'registration.change.submit': { zh: '提交变更登记', en: 'Filed a registration change' },
  'annual-report.file': { zh: '报送年度报告', en: 'Filed the annual report' },
  'annual-report.correct': { zh: '更正年度报告', en: 'Corrected the annual report' },
  'abnormal-list.remove': { zh: '申请移出经营异常名录', en: 'Asked to leave the abnormal list' },
  'firm.client.add': { zh: '事务所添加为客户', en: 'Added as a firm client' },
  'firm.client.import': { zh: '事务所导入为客户', en: 'Imported as a firm client' },
};

/** The action's name in the reader's language, or its code when it has none yet. */
export const activityActionName = (action: string, lang: 'zh' | 'en'): string =>
  ACTIVITY_ACTIONS[action]?.[lang] ?? action;
