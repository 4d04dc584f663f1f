import { describe, expect, it } from 'vitest';
import {
  deregistrationBlockers,
  phaseOn,
  taxClearance,
  windowsFrom,
  type DeregistrationFacts,
} from './deregistration';

const clean: DeregistrationFacts = {
  onAbnormalList: false,
  onSeriousList: false,
  heldInvestments: [],
  unfiledTaxPeriods: [],
  unpaidTax: '0.00',
  invoicesOnFile: 0,
  openApplications: [],
  reviewerFlags: [],
  deregistered: false,
};

describe('simplified deregistration', () => {
  it('is open to a company with nothing outstanding', () => {
    expect(deregistrationBlockers(clean)).toEqual([]);
  });

  it('lists every reason, each with its code', () => {
    const reasons = deregistrationBlockers({
      ...clean,
      onAbnormalList: true,
      onSeriousList: true,
      heldInvestments: ['广州市某某有限公司'],
      unfiledTaxPeriods: ['2026年第1季度增值税'],
      unpaidTax: '1200.50',
      invoicesOnFile: 3,
      openApplications: ['食品经营许可证申请'],
      reviewerFlags: ['股权冻结'],
    });
    expect(reasons.map((r) => r.code)).toEqual([
      'ON_ABNORMAL_LIST',
      'ON_SERIOUS_LIST',
      'HOLDS_INVESTMENTS',
      'UNFILED_TAX_PERIODS',
      'UNPAID_TAX',
      'INVOICES_ON_FILE',
      'OPEN_APPLICATIONS',
      'REVIEWER_FLAG',
    ]);
    expect(reasons[4]!.text.zh).toContain('1200.50');
  });

  it('runs a 20-day notice, then a 20-day application window, then lapses', () => {
    const w = windowsFrom('2026-03-01');
    expect(w).toEqual({ noticeFrom: '2026-03-01', noticeUntil: '2026-03-20', applyUntil: '2026-04-09' });
    expect(phaseOn(w, '2026-03-20')).toBe('notice');
    expect(phaseOn(w, '2026-03-21')).toBe('apply-window');
    expect(phaseOn(w, '2026-04-09')).toBe('apply-window');
    expect(phaseOn(w, '2026-04-10')).toBe('lapsed');
  });

  it('clears tax at once without any tax matter, otherwise after the open matters', () => {
    const none = { unfiledTaxPeriods: [], unpaidTax: '0.00', invoicesOnFile: 0 };
    expect(taxClearance({ ...none, everHadTaxMatter: false, everHadInvoices: false }).immediate).toBe(true);
    expect(taxClearance({ ...none, everHadTaxMatter: true, everHadInvoices: false }).immediate).toBe(true);
    const invoiced = taxClearance({ ...none, everHadTaxMatter: true, everHadInvoices: true });
    expect(invoiced).toEqual({ immediate: false, open: [] });
    expect(
      taxClearance({ ...none, unpaidTax: '5.00', everHadTaxMatter: true, everHadInvoices: false }).open.map(
        (o) => o.code,
      ),
    ).toEqual(['UNPAID_TAX']);
  });
});
