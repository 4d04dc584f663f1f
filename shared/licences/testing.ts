import { makeUscc } from '../identifiers/generate';
import { buildLicenceId } from '../identifiers/licence-id';
import { licenceTypeByKey } from './catalogue';
import type { LicenceDocument } from './document';
import { issuingAuthorityByKey } from './issuing-authorities';

/**
 * Synthetic licence documents for tests and demo seeds: an invented company with a computed
 * valid USCC (organization body starting with T, like every synthetic code in this catalogue).
 */

export const DEMO_HOLDER = {
  uscc: makeUscc({ division: '440106', orgBody: 'T9000001' }),
  name: '广州示例商贸有限公司',
};

export type SampleOptions = {
  typeKey?: string;
  serial?: string;
  version?: number;
  validFrom?: string;
  validUntil?: string | null;
  fields?: LicenceDocument['fields'];
};

const DEFAULT_FIELDS: Record<string, LicenceDocument['fields']> = {
  'business-licence': {
    name: DEMO_HOLDER.name,
    uscc: DEMO_HOLDER.uscc,
    entityType: '有限责任公司（自然人投资或控股）',
    legalRepresentative: '林晓明',
    businessScope: '日用百货销售；食品销售（仅销售预包装食品）；信息咨询服务（不含许可类信息咨询服务）',
    registeredCapital: '1000000.00',
    establishedOn: '2021-03-15',
    domicile: '广州市天河区示例路 88 号 1201 房',
    registrationAuthority: '广州市天河区市场监督管理局',
    registeredOn: '2024-06-01',
  },
  'food-business': {
    licenceNumber: 'JY14401060000001',
    operatorName: DEMO_HOLDER.name,
    legalRepresentative: '林晓明',
    domicile: '广州市天河区示例路 88 号 1201 房',
    premises: '广州市天河区示例路 88 号首层 101 铺',
    businessForm: '食品销售经营者',
    businessItems: ['预包装食品销售（含冷藏冷冻食品）', '散装食品销售（不含冷藏冷冻食品）'],
  },
};

/** A document of `typeKey` (default the business licence) issued by the type's authority. */
export const sampleLicence = (options: SampleOptions = {}): LicenceDocument => {
  const typeKey = options.typeKey ?? 'business-licence';
  const type = licenceTypeByKey(typeKey);
  if (!type) throw new Error(`unknown licence type ${typeKey}`);
  const authority = issuingAuthorityByKey(type.issuerKey);
  if (!authority) throw new Error(`unknown issuer ${type.issuerKey}`);
  const version = options.version ?? 1;
  return {
    id: buildLicenceId({
      typeCode: type.code,
      issuerUscc: authority.uscc,
      serial: options.serial ?? '20240000001',
      version,
    }),
    typeCode: type.code,
    version,
    holder: { ...DEMO_HOLDER },
    issuer: { key: authority.key, name: authority.name.zh, uscc: authority.uscc },
    fields: options.fields ?? DEFAULT_FIELDS[typeKey] ?? { licenceNumber: 'DEMO-0001' },
    issuedAt: '2024-06-01T02:00:00Z',
    validFrom: options.validFrom ?? '2024-06-01',
    validUntil:
      options.validUntil === undefined
        ? type.validity.indefinite
          ? null
          : '2029-05-31'
        : options.validUntil,
  };
};
