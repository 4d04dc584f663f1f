import { describe, expect, it } from 'vitest';
import { buildLicenceId, validateLicenceId } from '../identifiers/licence-id';
import { validateUscc } from '../identifiers/uscc';
import {
  departments,
  issuingAuthorities,
  licenceTypeByCode,
  licenceTypeByKey,
  licenceTypes,
} from './catalogue';
import { LicenceType } from './licence-type';

/** Every type named in docs/domain/licences.md, by its Chinese name. */
const REQUIRED_NAMES = [
  '营业执照',
  '食品经营许可证',
  '食品生产许可证',
  '工业产品生产许可证',
  '特种设备使用登记证',
  '药品经营许可证',
  '药品生产许可证',
  '医疗器械经营许可证',
  '第二类医疗器械经营备案凭证',
  '危险化学品经营许可证',
  '安全生产许可证',
  '建筑业企业资质证书',
  '建筑施工企业安全生产许可证',
  '建筑工程施工许可证',
  '建设工程规划许可证',
  '不动产权证书',
  '道路运输经营许可证',
  '排污许可证',
  '取水许可证',
  '城镇污水排入排水管网许可证',
  '燃气经营许可证',
  '增值电信业务经营许可证',
  '网络文化经营许可证',
  '出版物经营许可证',
  '旅行社业务经营许可证',
  '人力资源服务许可证',
  '劳务派遣经营许可证',
  '快递业务经营许可证',
  '烟草专卖零售许可证',
  '医疗机构执业许可证',
  '公共场所卫生许可证',
  '公众聚集场所投入使用、营业前消防安全检查合格证',
  '农药经营许可证',
  '兽药经营许可证',
  '海关报关单位备案',
  '商标注册证',
  '高新技术企业证书',
  '投资项目备案证',
  '税收完税证明',
  '开户许可证 / 基本存款账户信息',
  '电子印章',
];

/** A tiny independent GB 32100 check, so the catalogue is not checked only by the code it relies on. */
const CODE_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccCheckHolds = (code: string): boolean => {
  const sum = [...code.slice(0, 17)].reduce((acc, c, i) => acc + CODE_SET.indexOf(c) * (3 ** i % 31), 0);
  return CODE_SET[(31 - (sum % 31)) % 31] === code[17];
};

describe('licence type catalogue', () => {
  it('covers every type in licences.md, at least 30', () => {
    expect(licenceTypes.length).toBeGreaterThanOrEqual(30);
    const names = licenceTypes.map((t) => t.name.zh);
    expect(REQUIRED_NAMES.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('has schema-valid types with unique keys and codes that resolve back', () => {
    for (const t of licenceTypes) {
      expect(() => LicenceType.parse(t), t.key).not.toThrow();
      expect(licenceTypeByKey(t.key)).toBe(t);
      expect(licenceTypeByCode(t.code)).toBe(t);
      expect(new Set(t.fields.map((f) => f.name)).size, t.key).toBe(t.fields.length);
      for (const f of t.fields)
        expect(f.kind === 'enum', `${t.key}.${f.name}`).toBe((f.options?.length ?? 0) > 0);
    }
    expect(new Set(licenceTypes.map((t) => t.key)).size).toBe(licenceTypes.length);
    expect(new Set(licenceTypes.map((t) => t.code)).size).toBe(licenceTypes.length);
  });

  it('builds type codes from a valid department USCC and a 3-digit sequence', () => {
    const deptCodes = Object.values(departments).map((d) => d.uscc);
    for (const t of licenceTypes) {
      expect(deptCodes, t.key).toContain(t.code.slice(0, 18));
      expect(t.code.slice(18)).toMatch(/^\d{3}$/);
    }
    for (const code of deptCodes) {
      expect(validateUscc(code, 'strict').valid, code).toBe(true);
      expect(code.startsWith('11')).toBe(true);
    }
  });

  it('lists issuing authorities with valid synthetic 机关 USCCs, and every type names one', () => {
    for (const a of issuingAuthorities) {
      expect(a.uscc.startsWith('11'), a.key).toBe(true);
      expect(usccCheckHolds(a.uscc), a.key).toBe(true);
      expect(validateUscc(a.uscc, 'strict'), a.key).toMatchObject({ valid: true, errors: [] });
    }
    expect(new Set(issuingAuthorities.map((a) => a.key)).size).toBe(issuingAuthorities.length);
    expect(new Set(issuingAuthorities.map((a) => a.uscc)).size).toBe(issuingAuthorities.length);
    const keys = issuingAuthorities.map((a) => a.key);
    for (const t of licenceTypes) expect(keys, t.key).toContain(t.issuerKey);
  });

  it('yields valid GB/T 36904 identifiers for every type and its issuer', () => {
    for (const t of licenceTypes) {
      const issuer = issuingAuthorities.find((a) => a.key === t.issuerKey);
      const id = buildLicenceId({
        typeCode: t.code,
        issuerUscc: issuer?.uscc ?? '',
        serial: '2024000001',
        version: 1,
      });
      expect(validateLicenceId(id, 'strict').valid, id).toBe(true);
    }
  });

  it('links every type with a renewal window to a renewal service, and only those', () => {
    for (const t of licenceTypes) {
      expect(t.renewalServiceCode !== undefined, t.key).toBe(t.renewalWindowDays !== undefined);
      if (t.renewalWindowDays) expect(t.validity.indefinite, t.key).toBeUndefined();
    }
    expect(licenceTypeByKey('food-business')).toMatchObject({
      validity: { years: 5 },
      renewalWindowDays: { from: 90, to: 30 },
      renewalServiceCode: 'food-business.renew',
    });
  });

  it('gives the business licence exactly its printed fields', () => {
    const bl = licenceTypeByKey('business-licence');
    expect(bl?.fields.map((f) => f.label.zh)).toEqual([
      '名称',
      '统一社会信用代码',
      '类型',
      '法定代表人',
      '经营范围',
      '注册资本',
      '成立日期',
      '住所',
      '登记机关',
      '登记日期',
    ]);
    expect(bl?.fields.find((f) => f.name === 'registeredCapital')?.kind).toBe('money');
    expect(bl?.validity).toEqual({ indefinite: true });
  });
});
