import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId, makeUscc } from './generate';
import { buildLicenceId, validateLicenceId } from './licence-id';
import { MOD37_36_ALPHABET } from './mod37-36';
import { checkResidentId } from './resident-id';
import { USCC_CODE_SET, validateUscc } from './uscc';

/** Property tests: generated identifiers validate, single-character changes are caught, normalization works. */

const AS_OF = '2024-06-01';
const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
].concat([
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const charsOf = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));

// Valid codes only: under authority 9 the entity type is 1, 2 or 3 (GB 32100); no division 000000.
const usccArb = fc
  .record({
    authority: fc.constantFrom(...USCC_CODE_SET.slice(1)),
    entityType: fc.constantFrom(...USCC_CODE_SET),
    division: charsOf('0123456789', 6).filter((d) => d !== '000000'),
    orgBody: charsOf(USCC_CODE_SET, 8),
  })
  .filter((r) => r.authority !== '9' || ['1', '2', '3'].includes(r.entityType))
  .map(makeUscc);

const yyyymmdd = (d: Date): string => d.toISOString().slice(0, 10).replace(/-/g, '');
const residentIdArb = fc
  .record({
    division: fc.tuple(fc.constantFrom(...PROVINCES), charsOf('0123456789', 4)).map(([p, rest]) => p + rest),
    birthDate: fc
      .date({
        min: new Date('1800-01-01T00:00:00Z'),
        max: new Date(`${AS_OF}T00:00:00Z`),
        noInvalidDate: true,
      })
      .map(yyyymmdd),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(makeResidentId);

const alnum = (max: number) =>
  fc.array(fc.constantFrom(...MOD37_36_ALPHABET), { minLength: 1, maxLength: max }).map((a) => a.join(''));
const licenceIdArb = fc
  .record({
    typeCode: alnum(24),
    issuerUscc: usccArb,
    serial: alnum(24),
    version: fc.integer({ min: 0, max: 999 }),
  })
  .map(buildLicenceId);

/** The same identifier as a person might type it: lower-cased letters, spaces and hyphens anywhere. */
const messyVariant = (valid: fc.Arbitrary<string>) =>
  fc
    .tuple(
      valid,
      fc.array(fc.record({ lower: fc.boolean(), sep: fc.constantFrom('', '', ' ', '-', ' - ', '\t') }), {
        minLength: 80,
        maxLength: 80,
      }),
      fc.constantFrom('', ' ', '  ', '\u3000'),
    )
    .map(([value, choices, pad]) => {
      const body = [...value]
        .map((c, i) => {
          const choice = choices[i % choices.length];
          return (choice?.lower ? c.toLowerCase() : c) + (i < value.length - 1 ? (choice?.sep ?? '') : '');
        })
        .join('');
      return { value, messy: pad + body + pad };
    });

const substituteOne = (value: string, alphabet: string) =>
  fc.tuple(fc.nat(), fc.constantFrom(...alphabet)).map(([pos, c]) => {
    const i = pos % value.length;
    return value.slice(0, i) + c + value.slice(i + 1);
  });

describe('generated identifiers validate', () => {
  it('every generated USCC is valid in both modes', () => {
    fc.assert(
      fc.property(usccArb, (code) => {
        expect(validateUscc(code, 'strict').errors).toEqual([]);
        expect(validateUscc(code, 'normalized').valid).toBe(true);
      }),
    );
  });
  it('every generated resident ID is valid and carries its birth date and gender', () => {
    fc.assert(
      fc.property(residentIdArb, (id) => {
        const v = checkResidentId(id, 'strict', AS_OF);
        expect(v.errors).toEqual([]);
        expect(v.details.birthDate?.replace(/-/g, '')).toBe(id.slice(6, 14));
        expect(v.details.gender).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
  it('every built licence identifier is valid', () => {
    fc.assert(
      fc.property(licenceIdArb, (id) => {
        expect(validateLicenceId(id, 'strict').errors).toEqual([]);
      }),
    );
  });
});

describe('changing any single character makes a valid identifier invalid', () => {
  it('USCC: any position, any other code-set character or symbol', () => {
    fc.assert(
      fc.property(
        usccArb.chain((code) => fc.tuple(fc.constant(code), substituteOne(code, `${USCC_CODE_SET}IOZSV*`))),
        ([code, changed]) => {
          fc.pre(changed !== code);
          expect(validateUscc(changed, 'strict').valid).toBe(false);
        },
      ),
    );
  });
  it('resident ID: any position, any other digit or X', () => {
    fc.assert(
      fc.property(
        residentIdArb.chain((id) => fc.tuple(fc.constant(id), substituteOne(id, '0123456789X'))),
        ([id, changed]) => {
          fc.pre(changed !== id);
          expect(checkResidentId(changed, 'strict', AS_OF).valid).toBe(false);
        },
      ),
    );
  });
  it('licence identifier: any character after the prefix, any other alphanumeric', () => {
    fc.assert(
      fc.property(
        licenceIdArb.chain((id) => fc.tuple(fc.constant(id), substituteOne(id, MOD37_36_ALPHABET))),
        ([id, changed]) => {
          fc.pre(changed !== id);
          expect(validateLicenceId(changed, 'strict').valid).toBe(false);
        },
      ),
    );
  });
});

describe('normalized mode accepts what a person types', () => {
  const cases = [
    ['USCC', usccArb, (v: string, m: 'strict' | 'normalized') => validateUscc(v, m)],
    ['resident ID', residentIdArb, (v: string, m: 'strict' | 'normalized') => checkResidentId(v, m, AS_OF)],
    ['licence identifier', licenceIdArb, (v: string, m: 'strict' | 'normalized') => validateLicenceId(v, m)],
  ] as const;
  it.each(cases)(
    '%s: spaced, hyphenated, lower-case variants normalize back; strict refuses them',
    (_, arb, check) => {
      fc.assert(
        fc.property(messyVariant(arb), ({ value, messy }) => {
          expect(check(messy, 'normalized')).toMatchObject({ valid: true, normalized: value });
          if (messy !== value) expect(check(messy, 'strict').valid).toBe(false);
        }),
      );
    },
  );
});
