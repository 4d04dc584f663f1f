import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUscc } from '../identifiers/generate';
import { clientDelegationState, type FirmDelegationFacts } from './client-state';
import { checkImportRows, mapHeaders } from './client-import';
import { decodeRosterRow, encodeRosterRow, type RosterRow } from './roster';
import { filterRoster } from './roster-filter';
import { zeroFilingProblem, type ZeroFacts } from './zero-eligibility';

const NOW = new Date('2026-11-22T04:00:00Z');
const DAY = 86_400_000;
const d = (over: Partial<FirmDelegationFacts>): FirmDelegationFacts => ({
  status: 'approved',
  validUntil: new Date(NOW.getTime() + 100 * DAY),
  singleUse: false,
  usedAt: null,
  createdAt: new Date(NOW.getTime() - 10 * DAY),
  ...over,
});

describe('a client’s authorization state', () => {
  it('is active, expiring within 30 days, or what became of the latest request', () => {
    expect(clientDelegationState([d({})], NOW)).toMatchObject({ state: 'active', daysLeft: 100 });
    expect(clientDelegationState([d({ validUntil: new Date(NOW.getTime() + 12 * DAY) })], NOW)).toMatchObject(
      { state: 'expiring', daysLeft: 12 },
    );
    expect(clientDelegationState([d({ validUntil: new Date(NOW.getTime() - DAY) })], NOW).state).toBe(
      'expired',
    );
    expect(clientDelegationState([d({ status: 'pending', validUntil: null })], NOW).state).toBe('pending');
    expect(clientDelegationState([d({ status: 'revoked' })], NOW).state).toBe('revoked');
    expect(clientDelegationState([], NOW).state).toBe('none');
  });

  it('prefers the authorization in force and flags a renewal waiting beside it', () => {
    const s = clientDelegationState(
      [
        d({ status: 'revoked', createdAt: NOW }),
        d({ validUntil: new Date(NOW.getTime() + 5 * DAY) }),
        d({ status: 'pending', validUntil: null }),
      ],
      NOW,
    );
    expect(s).toMatchObject({ state: 'expiring', daysLeft: 5, renewalPending: true });
  });
});

const row = (over: Partial<Omit<RosterRow, 'haystack'>>): RosterRow =>
  decodeRosterRow(
    encodeRosterRow({
      companyId: '00000000-0000-4000-8000-000000000001',
      uscc: '91440101MA5G7K2P3X',
      name: '广州市恒达商贸有限公司',
      groups: [],
      contact: null,
      delegation: 'active',
      validUntil: null,
      daysLeft: 100,
      vat: 'due',
      cit: 'filed',
      nextDeadline: '2027-01-15',
      nextTax: 'vat',
      licencesExpiring: 0,
      lastActivity: null,
      vatPeriod: 'quarter',
      noSales: true,
      renewalPending: false,
      annualDaysLeft: null,
      annualOverdue: false,
      lifecycle: 'active',
      ...over,
    }),
  );

describe('roster filters', () => {
  const ctx = { today: '2026-11-22', now: NOW, groupIndex: (id: string) => (id === 'g1' ? 0 : -2) };
  const rows = [
    row({ name: '广州市恒达商贸有限公司', groups: [0] }),
    row({
      name: '深圳市华宇物流有限公司',
      uscc: '91440300MA5F3T6Y1K',
      delegation: 'expiring',
      daysLeft: 9,
      vat: 'overdue',
      licencesExpiring: 2,
    }),
    row({
      name: '佛山市信海家居有限公司',
      contact: '林会计',
      delegation: 'none',
      daysLeft: null,
      noSales: false,
      nextDeadline: '2027-04-15',
    }),
  ];
  const names = (f: Parameters<typeof filterRoster>[1]) =>
    filterRoster(rows, f, ctx).map((r) => r.name.slice(0, 3));

  it('searches names, codes and contacts, ignoring case, spaces and hyphens', () => {
    expect(names({ search: '华宇' })).toEqual(['深圳市']);
    expect(names({ search: '91440300 ma5f' })).toEqual(['深圳市']);
    expect(names({ search: '林会计' })).toEqual(['佛山市']);
  });

  it('combines status, group, expiry, licence and deadline filters', () => {
    expect(names({ delegation: ['expiring', 'none'] })).toEqual(['深圳市', '佛山市']);
    expect(names({ vat: ['overdue'] })).toEqual(['深圳市']);
    expect(names({ group: 'g1' })).toEqual(['广州市']);
    expect(names({ group: 'none' })).toEqual(['深圳市', '佛山市']);
    expect(names({ expiresWithinDays: 30 })).toEqual(['深圳市']);
    expect(names({ licencesExpiring: true })).toEqual(['深圳市']);
    expect(names({ deadlineWithinDays: 60 })).toEqual(['广州市', '深圳市']);
    expect(names({ noSales: true, delegation: ['active'] })).toEqual(['广州市']);
    expect(names({})).toHaveLength(3);
  });

  it('round-trips every row through the compact tuple', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.boolean(),
        fc.array(fc.nat(5), { maxLength: 3 }),
        (days, noSales, groups) => {
          const r = row({ daysLeft: days, noSales, groups });
          const { haystack: _h, ...rest } = r;
          expect(decodeRosterRow(encodeRosterRow(rest))).toEqual(r);
        },
      ),
    );
  });
});

describe('client import rows', () => {
  const valid = makeUscc({ division: '440106', orgBody: 'MA5G7K2P' });
  it('maps Chinese or English headers and names what is missing', () => {
    expect(mapHeaders(['企业名称', '统一社会信用代码', '备注'])).toEqual({
      columns: { name: 0, uscc: 1 },
      missing: [],
    });
    expect(mapHeaders(['Name', 'Contact']).missing).toEqual(['uscc']);
  });

  it('reports the exact USCC problem, unknown groups and duplicates, row by row', () => {
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const out = checkImportRows(
      [
        { row: 2, uscc: valid.toLowerCase(), name: '甲公司', contact: '', group: '' },
        { row: 3, uscc: wrongCheck, name: '乙公司', contact: '', group: '' },
        { row: 4, uscc: valid, name: '甲公司', contact: '', group: '' },
        {
          row: 5,
          uscc: makeUscc({ division: '440305', orgBody: 'MA5F3T6Y' }),
          name: '丙公司',
          contact: '',
          group: '南沙组',
        },
        { row: 6, uscc: 'ABC', name: '', contact: '', group: '' },
      ],
      ['顺德组'],
    );
    expect(out.map((r) => r.problem?.code ?? 'ok')).toEqual([
      'ok',
      'INVALID_USCC',
      'DUPLICATE_ROW',
      'GROUP_NOT_FOUND',
      'INVALID_USCC',
    ]);
    expect(out[0]?.normalizedUscc).toBe(valid);
    expect(out[1]?.problem?.message.zh).toContain('第 18 位校验码不正确');
    expect(out[2]?.problem?.message.en).toBe('The same company as row 2.');
  });
});

describe('zero filing eligibility', () => {
  const facts = (over: Partial<ZeroFacts> = {}): ZeroFacts => ({
    tax: 'vat',
    period: { type: 'quarter', year: 2026, quarter: 3 },
    today: '2026-11-22',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    filed: undefined,
    sales: undefined,
    ...over,
  });
  const company = { status: 'active' as const, vatPeriod: 'quarter' as const, establishedOn: '2019-06-18' };

  it('allows a quarterly filer with no sales and nothing filed', () => {
    expect(zeroFilingProblem(company, facts())).toBeNull();
  });

  it.each([
    ['HAS_SALES', company, facts({ sales: '1200.00' })],
    ['ALREADY_FILED', company, facts({ filed: 'accepted' })],
    ['WRONG_PERIOD_TYPE', { ...company, vatPeriod: 'month' as const }, facts()],
    ['NOT_ESTABLISHED', { ...company, establishedOn: '2026-10-08' }, facts()],
    [
      'PERIOD_NOT_ENDED',
      company,
      facts({
        period: { type: 'quarter', year: 2026, quarter: 4 },
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
      }),
    ],
    ['COMPANY_NOT_ACTIVE', { ...company, status: 'deregistered' as const }, facts()],
  ])('refuses with %s and a sentence saying why', (code, c, f) => {
    const p = zeroFilingProblem(c, f);
    expect(p?.code).toBe(code);
    expect(p?.reason.zh.length).toBeGreaterThan(4);
    expect(p?.reason.en.length).toBeGreaterThan(4);
  });
});
