import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { buildLicenceId, validateLicenceId } from './licence-id';

const PUBLISHED = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';
const PARTS = { typeCode: '11100000000013338W011', issuerUscc: '11430000006122244L', serial: '20230000403' };
const errorsOf = (value: string, mode: 'strict' | 'normalized' = 'strict') =>
  validateLicenceId(value, mode).errors;
const replaceSegment = (index: number, segment: string): string => {
  const segments = PUBLISHED.split('.');
  segments[index] = segment;
  return segments.join('.');
};

describe('validateLicenceId', () => {
  it('verifies the published identifier and reports its parts', () => {
    expect(validateLicenceId(PUBLISHED, 'strict')).toEqual({
      valid: true,
      normalized: PUBLISHED,
      errors: [],
      details: { ...PARTS, version: '001' },
    });
  });
  it('normalized mode accepts lowercase, spaces and hyphens; strict reports LOWERCASE', () => {
    const messy = ` ${PUBLISHED.toLowerCase().replace('.2023', '.2023-')} `;
    expect(validateLicenceId(messy, 'normalized')).toMatchObject({ valid: true, normalized: PUBLISHED });
    expect(errorsOf(PUBLISHED.toLowerCase())).toEqual(['LOWERCASE']);
  });
  it('FORMAT for a wrong number of segments or an empty one', () => {
    expect(errorsOf('')).toEqual(['FORMAT']);
    expect(errorsOf(PUBLISHED.slice(0, -2))).toEqual(['FORMAT']);
    expect(errorsOf(`${PUBLISHED}.X`)).toEqual(['FORMAT']);
    expect(errorsOf(replaceSegment(8, ''))).toEqual(['FORMAT']);
  });
  it('FORMAT for a check segment longer than one character', () => {
    expect(errorsOf(replaceSegment(9, 'UU'))).toEqual(['FORMAT', 'CHECK_CHAR']);
  });
  it('PREFIX when the object identifier root differs', () => {
    expect(errorsOf(PUBLISHED.replace('1.2.156.3005.2', '1.2.156.3005.3'))).toEqual(['PREFIX']);
  });
  it('CHARSET for symbols in type code, serial or check', () => {
    expect(errorsOf(replaceSegment(5, '111_0'))).toContain('CHARSET');
    expect(errorsOf(replaceSegment(7, '2023/0403'))).toContain('CHARSET');
    expect(errorsOf(replaceSegment(9, '*'))).toEqual(['CHARSET', 'CHECK_CHAR']);
  });
  it('ISSUER_USCC when the issuer is not a valid USCC', () => {
    expect(errorsOf(replaceSegment(6, '11430000006122244M'))).toEqual(['ISSUER_USCC', 'CHECK_CHAR']);
    expect(errorsOf(replaceSegment(6, '1143000000612224'))).toEqual(['ISSUER_USCC', 'CHECK_CHAR']);
  });
  it('VERSION when not exactly three digits', () => {
    expect(errorsOf(replaceSegment(8, '01'))).toContain('VERSION');
    expect(errorsOf(replaceSegment(8, '0001'))).toContain('VERSION');
    expect(errorsOf(replaceSegment(8, '00A'))).toContain('VERSION');
  });
  it('CHECK_CHAR when the check character is wrong', () => {
    expect(errorsOf(replaceSegment(9, 'V'))).toEqual(['CHECK_CHAR']);
    expect(errorsOf(replaceSegment(7, '20230000404'))).toEqual(['CHECK_CHAR']);
  });
});

describe('buildLicenceId', () => {
  it('rebuilds the published identifier', () => {
    expect(buildLicenceId({ ...PARTS, version: 1 })).toBe(PUBLISHED);
  });
  it('pads the version to three digits', () => {
    const id = buildLicenceId({ ...PARTS, version: 42 });
    expect(id.split('.')[8]).toBe('042');
    expect(validateLicenceId(id, 'strict').valid).toBe(true);
  });
  it.each([
    ['typeCode', { ...PARTS, typeCode: 'abc', version: 1 }],
    ['typeCode', { ...PARTS, typeCode: '', version: 1 }],
    ['issuerUscc', { ...PARTS, issuerUscc: '11430000006122244M', version: 1 }],
    ['serial', { ...PARTS, serial: '2023.1', version: 1 }],
    ['version', { ...PARTS, version: 1000 }],
    ['version', { ...PARTS, version: 1.5 }],
    ['version', { ...PARTS, version: -1 }],
  ])('refuses a bad %s with a DomainError naming the field', (field, input) => {
    let caught: unknown;
    try {
      buildLicenceId(input);
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught) && caught.field).toBe(field);
  });
});
