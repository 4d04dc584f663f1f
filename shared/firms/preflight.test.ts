import { describe, expect, it } from 'vitest';
import { blocking, preflight, type PreflightFacts } from './preflight';

const base: PreflightFacts = {
  kind: 'invoice',
  period: { type: 'quarter', year: 2026, quarter: 3 },
  today: '2026-10-10',
  periodEnd: '2026-09-30',
  deadline: '2026-10-26',
  formTaxpayerType: 'small-scale',
  taxpayerType: 'small-scale',
  sales: '100000.00',
  lastSales: '90000.00',
  filed: undefined,
  delegationUntil: '2027-06-30T16:00:00.000Z',
  jumpFactor: '3',
};
const codes = (f: Partial<PreflightFacts>) => preflight({ ...base, ...f }).map((x) => x.code);

describe('pre-flight checks before a batch files', () => {
  it('passes a client with ordinary facts', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ kind: 'zero', sales: undefined, formTaxpayerType: 'any' })).toEqual([]);
  });
  it('PERIOD_NOT_ENDED: the period is still running (its last day included)', () => {
    expect(codes({ today: '2026-09-30' })).toEqual(['PERIOD_NOT_ENDED']);
    expect(codes({ today: '2026-10-01' })).toEqual([]);
  });
  it('ALREADY_FILED: a return is accepted or on its way', () => {
    expect(codes({ filed: 'accepted' })).toEqual(['ALREADY_FILED']);
    expect(codes({ filed: 'submitted', kind: 'zero', sales: undefined })).toEqual(['ALREADY_FILED']);
  });
  it('HAS_SALES: a client that invoiced cannot be zero-filed, and no note changes that', () => {
    const f = preflight({ ...base, kind: 'zero', formTaxpayerType: 'any' });
    expect(f.map((x) => x.code)).toEqual(['HAS_SALES']);
    expect(blocking(f, [{ code: 'HAS_SALES', note: '客户说没开票' }])).toHaveLength(1);
    // Invoice-based filing is exactly for such a client.
    expect(codes({ kind: 'invoice' })).toEqual([]);
  });
  it('WRONG_TAXPAYER_TYPE: a general taxpayer on the small-scale form', () => {
    expect(codes({ taxpayerType: 'general' })).toEqual(['WRONG_TAXPAYER_TYPE']);
    expect(
      codes({ kind: 'zero', sales: undefined, formTaxpayerType: 'any', taxpayerType: 'general' }),
    ).toEqual([]);
  });
  it('DELEGATION_MISSING: no authorization in force, not overridable', () => {
    const f = preflight({ ...base, delegationUntil: undefined });
    expect(f).toMatchObject([{ code: 'DELEGATION_MISSING', overridable: false }]);
  });
  it('DELEGATION_EXPIRING: ends before the deadline; overridable with a note', () => {
    const f = preflight({ ...base, delegationUntil: '2026-10-20T16:00:00.000Z' });
    expect(f).toMatchObject([{ code: 'DELEGATION_EXPIRING', overridable: true }]);
    expect(blocking(f)).toHaveLength(1);
    expect(blocking(f, [{ code: 'DELEGATION_EXPIRING', note: '   ' }])).toHaveLength(1);
    expect(blocking(f, [{ code: 'DELEGATION_EXPIRING', note: '已约法人续期' }])).toEqual([]);
    expect(codes({ delegationUntil: null })).toEqual([]);
    expect(codes({ delegationUntil: '2026-10-26T16:00:00.000Z' })).toEqual([]);
  });
  it('SALES_JUMP: above the configurable factor against last period', () => {
    expect(codes({ sales: '900000.00', lastSales: '90000.00' })).toEqual(['SALES_JUMP']);
    expect(codes({ sales: '270000.00', lastSales: '90000.00' })).toEqual([]);
    expect(codes({ sales: '270000.01', lastSales: '90000.00' })).toEqual(['SALES_JUMP']);
    expect(codes({ sales: '500000.00', lastSales: '90000.00', jumpFactor: '10' })).toEqual([]);
    // Nothing to compare with: no jump.
    expect(codes({ sales: '900000.00', lastSales: undefined })).toEqual([]);
    expect(codes({ sales: '900000.00', lastSales: '0.00' })).toEqual([]);
    expect(codes({ kind: 'zero', sales: undefined, formTaxpayerType: 'any' })).toEqual([]);
    const f = preflight({ ...base, sales: '900000.00' });
    expect(f[0]!.reason.zh).toContain('10.0 倍');
    expect(blocking(f, [{ code: 'SALES_JUMP', note: '大额合同已核对' }])).toEqual([]);
  });
});
