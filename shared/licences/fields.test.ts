import { describe, expect, it } from 'vitest';
import { licenceTypeByKey } from './catalogue';
import { checkLicenceFields } from './fields';
import { sampleLicence } from './testing';

const type = (key: string) => {
  const t = licenceTypeByKey(key);
  if (!t) throw new Error(key);
  return t;
};

describe('checkLicenceFields', () => {
  it('accepts the sample documents', () => {
    expect(checkLicenceFields(type('business-licence'), sampleLicence().fields)).toEqual([]);
    expect(
      checkLicenceFields(type('food-business'), sampleLicence({ typeKey: 'food-business' }).fields),
    ).toEqual([]);
  });

  it('reports unknown, missing and ill-shaped fields with their paths', () => {
    const { registeredCapital: _c, legalRepresentative: _l, ...rest } = sampleLicence().fields;
    const errors = checkLicenceFields(type('business-licence'), {
      ...rest,
      establishedOn: '2021-02-30',
      registeredCapital: '1,000,000',
      colour: 'red',
    });
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['LICENCE_FIELD_UNKNOWN', 'fields.colour'],
      ['LICENCE_FIELD_REQUIRED', 'fields.legalRepresentative'],
      ['LICENCE_FIELD_INVALID', 'fields.registeredCapital'],
      ['LICENCE_FIELD_INVALID', 'fields.establishedOn'],
    ]);
    expect(errors[1]?.text.zh).toContain('法定代表人');
  });

  it('allows an optional field to be absent but checks enum and list shapes', () => {
    const fields = sampleLicence({ typeKey: 'food-business' }).fields;
    const codes = (f: Record<string, string | string[]>) =>
      checkLicenceFields(type('food-business'), f).map((e) => e.field);
    expect(codes({ ...fields, businessForm: '网店' })).toEqual(['fields.businessForm']);
    expect(codes({ ...fields, businessItems: [] })).toEqual(['fields.businessItems']);
    expect(codes({ ...fields, businessItems: '预包装食品销售' })).toEqual(['fields.businessItems']);
    expect(codes({ ...fields, operatorName: ['x'] })).toEqual(['fields.operatorName']);
    expect(codes({ ...fields, supervisor: '天河区市场监督管理局' })).toEqual([]);
  });
});
