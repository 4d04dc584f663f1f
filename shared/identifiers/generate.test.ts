import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import {
  makeResidentId,
  makeUscc,
  orgCodeCheckChar,
  residentIdCheckChar,
  syntheticResidentId,
  syntheticUscc,
  usccCheckChar,
} from './generate';
import { checkResidentId } from './resident-id';
import { validateUscc } from './uscc';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.field;
    throw e;
  }
  return undefined;
};

describe('check-character helpers', () => {
  it('compute the doc examples', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('71526726')).toBe('X');
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
  it('throw a DomainError on malformed input', () => {
    expect(fieldOf(() => usccCheckChar('91350100M000100I4'))).toBe('prefix17');
    expect(fieldOf(() => orgCodeCheckChar('7152672'))).toBe('body8');
    expect(fieldOf(() => residentIdCheckChar('1101051949123100X'))).toBe('first17');
  });
});

describe('makeUscc', () => {
  it('rebuilds Huawei and Tencent codes from their parts', () => {
    expect(makeUscc({ division: '440300', orgBody: '19220382' })).toBe('914403001922038216');
    expect(makeUscc({ authority: '9', entityType: '1', division: '440300', orgBody: '71526726' })).toBe(
      '9144030071526726XG',
    );
  });
  it.each([
    ['authority', { authority: '0', division: '440300', orgBody: '19220382' }],
    ['authority', { authority: 'I', division: '440300', orgBody: '19220382' }],
    ['entityType', { entityType: '12', division: '440300', orgBody: '19220382' }],
    ['division', { division: '44030A', orgBody: '19220382' }],
    ['orgBody', { division: '440300', orgBody: '1922038Z' }],
    ['orgBody', { division: '440300', orgBody: '1922038' }],
  ])('refuses a bad %s', (field, input) => {
    expect(fieldOf(() => makeUscc(input))).toBe(field);
  });
});

describe('makeResidentId', () => {
  it('rebuilds the standard examples', () => {
    expect(makeResidentId({ division: '110105', birthDate: '19491231', sequence: 2 })).toBe(
      '11010519491231002X',
    );
    expect(makeResidentId({ division: '440524', birthDate: '18800101', sequence: 1 })).toBe(
      '440524188001010014',
    );
  });
  it.each([
    ['division', { division: '990105', birthDate: '19491231', sequence: 2 }],
    ['division', { division: '11010', birthDate: '19491231', sequence: 2 }],
    ['birthDate', { division: '110105', birthDate: '19000229', sequence: 2 }],
    ['birthDate', { division: '110105', birthDate: '1949-12-31', sequence: 2 }],
    ['sequence', { division: '110105', birthDate: '19491231', sequence: 1000 }],
    ['sequence', { division: '110105', birthDate: '19491231', sequence: 2.5 }],
  ])('refuses a bad %s', (field, input) => {
    expect(fieldOf(() => makeResidentId(input))).toBe(field);
  });
});

describe('synthetic demo identifiers', () => {
  it('are deterministic in the seed and differ between seeds', () => {
    expect(syntheticResidentId(7)).toBe(syntheticResidentId(7));
    expect(syntheticUscc(7, '440300')).toBe(syntheticUscc(7, '440300'));
    expect(syntheticResidentId(7)).not.toBe(syntheticResidentId(8));
    expect(syntheticUscc(7, '440300')).not.toBe(syntheticUscc(8, '440300'));
  });
  it('honour the requested division, gender and birth date', () => {
    const id = syntheticResidentId(3, { division: '440305', gender: 'female', birthDate: '19900115' });
    expect(id.startsWith('44030519900115')).toBe(true);
    expect(checkResidentId(id, 'strict', '2024-01-01').details).toEqual({
      gender: 'female',
      birthDate: '1990-01-15',
    });
    expect(
      checkResidentId(syntheticResidentId(3, { gender: 'male' }), 'strict', '2024-01-01').details.gender,
    ).toBe('male');
  });
  it('put the division into the USCC', () => {
    expect(validateUscc(syntheticUscc(1, '310115'), 'strict').details.adminDivision).toBe('310115');
  });
  it('are born between 1950 and 2005 so they never fall in the future', () => {
    for (let seed = 0; seed < 200; seed++) {
      const birthDate =
        checkResidentId(syntheticResidentId(seed), 'strict', '2006-01-01').details.birthDate ?? '';
      expect(birthDate >= '1950-01-01' && birthDate <= '2005-12-31').toBe(true);
    }
  });
});
