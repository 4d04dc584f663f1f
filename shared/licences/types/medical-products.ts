import type { LicenceType } from '../licence-type';
import { defineType, indefinite, legalRep, licenceNumber, list, oneOf, text, years } from './define';

/** Medical products regulation (药监) licence types. */
export const medicalProductTypes: LicenceType[] = [
  defineType({
    dept: 'nmpa',
    seq: 1,
    key: 'drug-business',
    name: ['药品经营许可证', 'Drug business licence'],
    department: ['药品监督管理部门', 'Medical products regulation'],
    issuer: 'gd-mpa',
    validity: years(5),
    // 有效期届满前六个月至两个月期间申请重新审查发证.
    renewal: { from: 180, to: 60 },
    fields: [
      licenceNumber(),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      legalRep(),
      text('qualityManager', '质量负责人', 'Quality manager'),
      text('registeredAddress', '注册地址', 'Registered address'),
      text('warehouseAddress', '仓库地址', 'Warehouse address', false),
      oneOf('businessMode', '经营方式', 'Business mode', [
        '批发',
        '零售连锁总部',
        '零售连锁门店',
        '单体药店',
      ]),
      list('businessScope', '经营范围', 'Business scope'),
    ],
  }),
  defineType({
    dept: 'nmpa',
    seq: 2,
    key: 'drug-production',
    name: ['药品生产许可证', 'Drug production licence'],
    department: ['省级药品监督管理部门', 'Provincial medical products regulation'],
    issuer: 'gd-mpa',
    validity: years(5),
    renewal: { from: 365, to: 180 },
    fields: [
      licenceNumber(),
      text('classificationCode', '分类码', 'Classification code'),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      legalRep(),
      text('qualityPrincipal', '质量受权人', 'Qualified person'),
      text('productionAddress', '生产地址', 'Production address'),
      list('productionScope', '生产范围', 'Production scope'),
    ],
  }),
  defineType({
    dept: 'nmpa',
    seq: 3,
    key: 'medical-device-business',
    name: ['医疗器械经营许可证', 'Medical device business licence'],
    department: ['设区的市级药品监督管理部门', 'Municipal medical products regulation'],
    issuer: 'gz-amr',
    validity: years(5),
    // The rule is 90 to 30 working days before expiry; calendar days approximate it.
    renewal: { from: 120, to: 45 },
    fields: [
      licenceNumber(),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      legalRep(),
      text('premises', '经营场所', 'Business premises'),
      text('warehouseAddress', '库房地址', 'Warehouse address', false),
      oneOf('businessMode', '经营方式', 'Business mode', ['批发', '零售', '批零兼营']),
      list('businessScope', '经营范围', 'Business scope'),
    ],
  }),
  defineType({
    dept: 'nmpa',
    seq: 4,
    key: 'class-ii-device-filing',
    name: ['第二类医疗器械经营备案凭证', 'Class II medical device business filing certificate'],
    department: ['药品监督管理部门', 'Medical products regulation'],
    issuer: 'gz-amr',
    validity: indefinite,
    fields: [
      text('filingNumber', '备案编号', 'Filing number'),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      text('premises', '经营场所', 'Business premises'),
      oneOf('businessMode', '经营方式', 'Business mode', ['批发', '零售', '批零兼营']),
      list('businessScope', '经营范围', 'Business scope'),
    ],
  }),
];
