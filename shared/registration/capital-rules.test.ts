import { describe, expect, it } from 'vitest';
import { makeResidentId, syntheticResidentId, syntheticUscc } from '../identifiers/generate';
import type { Application, Shareholder } from './application';
import { checkApplication, latestContributionDate } from './capital-rules';
import { demoApplication } from './demo-application';

const ctx = { establishmentDate: '2025-03-01' };
const codes = (app: Application, c = ctx) => checkApplication(app, c).map((p) => `${p.code}@${p.field}`);
const person = (seed: number, amount: string, dueDate = '2026-01-01'): Shareholder => ({
  kind: 'person',
  name: `股东${seed}`,
  residentId: syntheticResidentId(seed, { birthDate: '19800101' }),
  contribution: { amount, form: 'cash', dueDate },
});

describe('latestContributionDate', () => {
  it('is the fifth anniversary of establishment; 29 February ends on 28 February', () => {
    expect(latestContributionDate('2025-03-01')).toBe('2030-03-01');
    expect(latestContributionDate('2024-02-29')).toBe('2029-02-28');
    expect(latestContributionDate('2023-02-28')).toBe('2028-02-28');
    expect(() => latestContributionDate('2025-02-30')).toThrow(/INVALID_DATE/);
  });
});

describe('checkApplication', () => {
  it('passes the demo application with only the appraisal warning for its IP contribution', () => {
    expect(checkApplication(demoApplication(), ctx)).toEqual([
      expect.objectContaining({
        code: 'NON_MONETARY_APPRAISAL',
        severity: 'warning',
        field: 'shareholders.1.contribution.form',
      }),
    ]);
  });

  it('requires contributions to sum exactly to the registered capital', () => {
    const app = { ...demoApplication(), registeredCapital: '1000000.01' };
    expect(codes(app)).toContain('CONTRIBUTIONS_SUM@registeredCapital');
    // 0.1 + 0.2 is exactly 0.3 in decimal arithmetic.
    const exact = {
      ...demoApplication(),
      registeredCapital: '0.30',
      shareholders: [person(1, '0.1'), person(2, '0.2')],
    };
    expect(codes(exact).filter((c) => c.startsWith('CONTRIBUTIONS_SUM'))).toEqual([]);
  });

  it('refuses a contribution date later than establishment + 5 years', () => {
    const at = (dueDate: string) => ({
      ...demoApplication(),
      registeredCapital: '100',
      shareholders: [person(1, '100', dueDate)],
    });
    expect(codes(at('2030-03-01'))).not.toContain(
      'CONTRIBUTION_DUE_TOO_LATE@shareholders.0.contribution.dueDate',
    );
    expect(codes(at('2030-03-02'))).toContain(
      'CONTRIBUTION_DUE_TOO_LATE@shareholders.0.contribution.dueDate',
    );
    const leap = { establishmentDate: '2024-02-29' };
    expect(codes(at('2029-02-28'), leap)).not.toContain(
      'CONTRIBUTION_DUE_TOO_LATE@shareholders.0.contribution.dueDate',
    );
    expect(codes(at('2029-03-01'), leap)).toContain(
      'CONTRIBUTION_DUE_TOO_LATE@shareholders.0.contribution.dueDate',
    );
  });

  it('needs 1 to 50 shareholders, exactly one for a sole-shareholder company', () => {
    const many = (n: number) => ({
      ...demoApplication(),
      registeredCapital: String(n),
      shareholders: Array.from({ length: n }, (_, i) => person(1000 + i, '1')),
    });
    expect(codes(many(50))).not.toContain('SHAREHOLDER_COUNT@shareholders');
    expect(codes(many(51))).toContain('SHAREHOLDER_COUNT@shareholders');
    expect(codes({ ...many(1), shareholders: [] })).toContain('SHAREHOLDER_COUNT@shareholders');
    expect(codes({ ...many(2), companyType: 'sole-llc' })).toContain('SOLE_LLC_SHAREHOLDERS@shareholders');
    expect(codes({ ...many(1), companyType: 'sole-llc' })).not.toContain(
      'SOLE_LLC_SHAREHOLDERS@shareholders',
    );
  });

  it('validates identifiers of shareholders and people, and spots duplicates', () => {
    const app = demoApplication();
    const bad = {
      ...app,
      shareholders: app.shareholders.map((s) =>
        s.kind === 'person'
          ? { ...s, residentId: `${s.residentId.slice(0, 17)}${s.residentId.endsWith('0') ? '1' : '0'}` }
          : { ...s, uscc: '91350100M000100Y4Z' },
      ),
    };
    const found = codes(bad);
    expect(found).toContain('RESIDENT_ID_INVALID@shareholders.0.residentId');
    expect(found).toContain('USCC_INVALID@shareholders.2.uscc');
    const twice = { ...app, registeredCapital: '2', shareholders: [person(7, '1'), person(7, '1')] };
    expect(codes(twice)).toContain('DUPLICATE_SHAREHOLDER@shareholders.1');
    const company = {
      ...app,
      registeredCapital: '1',
      shareholders: [
        {
          kind: 'company' as const,
          name: '某公司',
          uscc: syntheticUscc(5, '440300'),
          contribution: { amount: '1', form: 'cash' as const, dueDate: '2026-01-01' },
        },
      ],
    };
    expect(codes(company)).toEqual([]);
  });

  it('checks the officers: roles, board, supervisor, legal representative, age', () => {
    const demo = demoApplication();
    const cashOnly = demo.shareholders.map((s) => ({
      ...s,
      contribution: { ...s.contribution, form: 'cash' as const },
    }));
    const app: Application = { ...demo, shareholders: cashOnly };
    const o = app.officers;
    const withOfficers = (officers: Partial<Application['officers']>): Application => ({
      ...app,
      officers: { ...o, ...officers },
    });
    expect(codes(withOfficers({ legalRepresentative: { ref: 'p3', capacity: 'director' } }))).toContain(
      'LEGAL_REP_NOT_DIRECTOR_OR_MANAGER@officers.legalRepresentative',
    );
    expect(codes(withOfficers({ legalRepresentative: { ref: 'p2', capacity: 'manager' } }))).toEqual([]);
    expect(codes(withOfficers({ legalRepresentative: { ref: 'p1', capacity: 'manager' } }))).toContain(
      'LEGAL_REP_NOT_DIRECTOR_OR_MANAGER@officers.legalRepresentative',
    );
    expect(
      codes(withOfficers({ supervision: { kind: 'omitted', allShareholdersConsent: false } })),
    ).toContain('SUPERVISOR_OR_CONSENT@officers.supervision');
    expect(codes(withOfficers({ supervision: { kind: 'omitted', allShareholdersConsent: true } }))).toEqual(
      [],
    );
    expect(codes(withOfficers({ supervision: { kind: 'supervisor', supervisor: 'p1' } }))).toContain(
      'SUPERVISOR_CONFLICT@officers.supervision.supervisor',
    );
    expect(codes(withOfficers({ supervision: { kind: 'supervisor', supervisor: 'p4' } }))).toContain(
      'SUPERVISOR_CONFLICT@officers.supervision.supervisor',
    );
    expect(codes(withOfficers({ financeOfficer: 'p9' }))).toContain('REF_UNKNOWN@officers.financeOfficer');
    const board = withOfficers({ governance: { kind: 'board', directors: ['p1', 'p2'], chair: 'p3' } });
    expect(codes(board)).toEqual(
      expect.arrayContaining([
        'BOARD_TOO_SMALL@officers.governance.directors',
        'BOARD_CHAIR_NOT_DIRECTOR@officers.governance.chair',
      ]),
    );
    const fullBoard = withOfficers({
      governance: { kind: 'board', directors: ['p1', 'p2', 'p4'], chair: 'p1' },
    });
    expect(codes(fullBoard)).toEqual([]);
    const minor = makeResidentId({ division: '440106', birthDate: '20080302', sequence: 11 });
    const young = withOfficers({
      people: o.people.map((p) => (p.ref === 'p3' ? { ...p, residentId: minor } : p)),
    });
    expect(codes(young)).toContain('OFFICER_MINOR@officers.supervision.supervisor');
    // 18 on the day before establishment is old enough.
    const justAdult = makeResidentId({ division: '440106', birthDate: '20070301', sequence: 11 });
    expect(
      codes(
        withOfficers({ people: o.people.map((p) => (p.ref === 'p3' ? { ...p, residentId: justAdult } : p)) }),
      ),
    ).not.toContain('OFFICER_MINOR@officers.supervision.supervisor');
    const dupPeople = withOfficers({ people: [...o.people, { ...o.people[0]!, ref: 'p5' }] });
    expect(codes(dupPeople)).toContain('DUPLICATE_PERSON@officers.people.4.residentId');
  });

  it('accepts only catalogue scope codes and checks the bank appointment', () => {
    const app = demoApplication();
    expect(codes({ ...app, businessScope: ['I651301', '自由填写'] })).toContain(
      'SCOPE_NOT_IN_CATALOGUE@businessScope.1',
    );
    expect(codes({ ...app, businessScope: [] })).toContain('SCOPE_EMPTY@businessScope');
    const bank = (b: Application['services']['bankAccount']) => ({
      ...app,
      services: { ...app.services, bankAccount: b },
    });
    expect(codes(bank({ enabled: true }))).toContain('BANK_REQUIRED@services.bankAccount.bankCode');
    expect(
      codes(bank({ enabled: true, bankCode: '105', branchCode: app.services.bankAccount.branchCode })),
    ).toContain('BANK_BRANCH_MISMATCH@services.bankAccount.branchCode');
    expect(codes(bank({ enabled: false }))).toEqual([
      'NON_MONETARY_APPRAISAL@shareholders.1.contribution.form',
    ]);
  });

  it('checks the name when the registry is given', () => {
    const existing = [
      { name: '广州市云帆信息科技有限公司', tradeName: '云帆', industry: '信息科技', region: '广州市' },
    ];
    expect(codes(demoApplication(), { ...ctx, existingCompanies: existing } as typeof ctx)).toContain(
      'NAME_TAKEN@name',
    );
  });
});
