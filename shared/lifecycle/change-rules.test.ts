import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  assertClaimWindowOver,
  assertSomethingChanges,
  changeDeadline,
  checkReduction,
  checkResolution,
  claimWindowEnd,
  consequencesOf,
  delegationReviewDates,
  minimumCapitalFor,
  reviewRoute,
  signerOf,
  voteThreshold,
  type Vote,
} from './change-rules';
import { changeItemRules } from './change-items';
import { registrationAuthorityOf } from './registration-authority';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

describe('change items as data', () => {
  it('registered items are changes, filed items filings (REG §8, §9)', () => {
    const kinds = Object.fromEntries(changeItemRules.map((r) => [r.key, r.kind]));
    expect(kinds).toMatchObject({
      name: 'change',
      type: 'change',
      address: 'change',
      scope: 'change',
      capital: 'change',
      'legal-representative': 'change',
      articles: 'filing',
      officers: 'filing',
      liaison: 'filing',
    });
  });
});

describe('30-day time limit (REG §24)', () => {
  it('shows the deadline and days left', () => {
    expect(changeDeadline('2026-03-01', '2026-03-10')).toEqual({
      deadline: '2026-03-31',
      daysLeft: 21,
      late: false,
    });
  });
  it('the 30th day is still on time; the 31st is late but accepted', () => {
    expect(changeDeadline('2026-03-01', '2026-03-31').late).toBe(false);
    expect(changeDeadline('2026-03-01', '2026-04-01')).toMatchObject({ late: true, daysLeft: -1 });
  });
  it('refuses a resolution dated in the future', () => {
    expect(codeOf(() => changeDeadline('2026-03-11', '2026-03-10'))).toBe('RESOLUTION_DATE_IN_FUTURE');
  });
});

describe('votes (CL §66)', () => {
  const holders = [
    { name: 'A', votingRights: '600000' },
    { name: 'B', votingRights: '400000' },
  ];
  const votes = (a: Vote, b: Vote) =>
    new Map<string, Vote>([
      ['A', a],
      ['B', b],
    ]);
  it('capital, articles and type need two thirds; others a majority', () => {
    expect(voteThreshold(['address'])).toBe('majority');
    expect(voteThreshold(['address', 'capital'])).toBe('two-thirds');
    expect(voteThreshold(['articles'])).toBe('two-thirds');
    expect(voteThreshold(['type'])).toBe('two-thirds');
  });
  it('60 % passes a majority item but not a two-thirds one', () => {
    expect(checkResolution(['address'], holders, votes('for', 'against'))).toEqual({
      threshold: 'majority',
      inFavour: '60.00',
    });
    expect(codeOf(() => checkResolution(['capital'], holders, votes('for', 'against')))).toBe(
      'RESOLUTION_BELOW_THRESHOLD',
    );
  });
  it('exactly half is not more than half', () => {
    const even = [
      { name: 'A', votingRights: '1' },
      { name: 'B', votingRights: '1' },
    ];
    expect(codeOf(() => checkResolution(['name'], even, votes('for', 'abstain')))).toBe(
      'RESOLUTION_BELOW_THRESHOLD',
    );
  });
  it('exactly two thirds passes', () => {
    const thirds = [
      { name: 'A', votingRights: '2' },
      { name: 'B', votingRights: '1' },
    ];
    expect(checkResolution(['capital'], thirds, votes('for', 'against')).threshold).toBe('two-thirds');
  });
});

describe('review route (§1.14)', () => {
  const same = { sameAuthority: true, addsLicensedScope: false };
  it('address within the same authority, general scope and filings are automatic', () => {
    expect(reviewRoute(['address', 'scope', 'officers', 'liaison', 'articles'], same)).toEqual({
      route: 'automatic',
      reasons: [],
    });
  });
  it('address elsewhere, licensed scope and other changes go to a reviewer', () => {
    expect(reviewRoute(['address'], { ...same, sameAuthority: false }).route).toBe('reviewer');
    expect(reviewRoute(['scope'], { ...same, addsLicensedScope: true }).route).toBe('reviewer');
    expect(reviewRoute(['name', 'officers'], same)).toEqual({ route: 'reviewer', reasons: ['name'] });
    expect(reviewRoute(['legal-representative'], same).route).toBe('reviewer');
    expect(reviewRoute(['capital'], same).route).toBe('reviewer');
  });
});

describe('who signs and what follows', () => {
  it('the new legal representative signs a change of legal representative (CL §35)', () => {
    expect(signerOf(['legal-representative', 'address'])).toBe('new-legal-representative');
    expect(signerOf(['address'])).toBe('legal-representative');
  });
  it('licence items get a new version; name, type, legal representative re-issue seals', () => {
    expect(consequencesOf(['officers'])).toEqual({
      newLicenceVersion: false,
      reissueSeals: false,
      reviewDelegations: false,
    });
    expect(consequencesOf(['address']).newLicenceVersion).toBe(true);
    expect(consequencesOf(['address']).reissueSeals).toBe(false);
    expect(consequencesOf(['name']).reissueSeals).toBe(true);
    expect(consequencesOf(['legal-representative'])).toEqual({
      newLicenceVersion: true,
      reissueSeals: true,
      reviewDelegations: true,
    });
  });
  it('a change of nothing is refused', () => {
    expect(codeOf(() => assertSomethingChanges([]))).toBe('CHANGE_NOTHING');
    expect(codeOf(() => assertSomethingChanges(['scope']))).toBeUndefined();
  });
});

describe('capital reduction (CL §224, §225)', () => {
  const ordinary = { coverLosses: false, distributes: false, releasesContributions: false };
  it('refuses zero and below a statutory minimum of the scope', () => {
    expect(codeOf(() => checkReduction('0', ['I651301'], ordinary))).toBe('CAPITAL_BELOW_MINIMUM');
    expect(minimumCapitalFor(['L726401']).minimum).toBe('2000000.00');
    expect(codeOf(() => checkReduction('1999999.99', ['L726401'], ordinary))).toBe('CAPITAL_BELOW_MINIMUM');
    expect(codeOf(() => checkReduction('2000000.00', ['L726401'], ordinary))).toBeUndefined();
  });
  it('a reduction to cover losses may not distribute or release contributions', () => {
    expect(
      codeOf(() =>
        checkReduction('50000', [], { coverLosses: true, distributes: true, releasesContributions: false }),
      ),
    ).toBe('REDUCTION_DISTRIBUTES');
    expect(
      codeOf(() =>
        checkReduction('50000', [], { coverLosses: true, distributes: false, releasesContributions: true }),
      ),
    ).toBe('REDUCTION_DISTRIBUTES');
  });
  it('the claim window is 45 days after the announcement; applying inside it is refused', () => {
    expect(claimWindowEnd('2026-03-01')).toBe('2026-04-15');
    expect(codeOf(() => assertClaimWindowOver('2026-03-01', '2026-04-15'))).toBe(
      'REDUCTION_CLAIM_WINDOW_OPEN',
    );
    expect(codeOf(() => assertClaimWindowOver('2026-03-01', '2026-04-16'))).toBeUndefined();
  });
});

describe('delegations after a legal representative change (§1.16)', () => {
  it('end 30 days after approval, with notice 7 days before', () => {
    expect(delegationReviewDates('2026-03-10')).toEqual({ dueOn: '2026-04-09', noticeOn: '2026-04-02' });
  });
});

describe('registration authority', () => {
  it('names the district bureau and the printed prefix', () => {
    expect(registrationAuthorityOf('440106')).toEqual({
      authority: '广州市天河区市场监督管理局',
      domicilePrefix: '广东省广州市天河区',
    });
    expect(registrationAuthorityOf('440100')).toBeUndefined();
  });
});
