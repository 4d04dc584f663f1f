import type { FieldSpec, LicenceType } from '../../../shared/licences/catalogue';
import type { FieldValue } from '../../../shared/licences/fields';

/** What the platform knows about a holder, used to pre-fill a licence it issues. */
export type HolderFacts = {
  name: string;
  uscc: string;
  legalRepName: string;
  address: string;
  businessScope: string[];
  registeredCapital: string;
  establishedOn: string;
  registrationAuthority: string;
  entityType: string;
};

const HOLDER_NAME = new Set([
  'name',
  'operatorName',
  'enterpriseName',
  'unitName',
  'companyName',
  'producerName',
  'agencyName',
  'institutionName',
  'depositorName',
  'dischargerName',
  'taxpayerName',
  'userName',
  'obligee',
  'registrant',
  'abstractor',
  'constructionUnit',
  'projectUnit',
]);
const ADDRESS = new Set([
  'domicile',
  'address',
  'premises',
  'registeredAddress',
  'productionAddress',
  'registrantAddress',
  'useAddress',
  'dischargeAddress',
  'location',
  'constructionAddress',
  'constructionLocation',
  'abstractionLocation',
  'warehouseAddress',
]);
const PERSON = new Set(['legalRepresentative', 'principal', 'qualityManager', 'qualityPrincipal']);

/** Plausible values for fields the holder's registration facts do not answer. */
const SAMPLE: Record<string, FieldValue> = {
  businessArea: '广东省',
  businessCategory: '瓶装液化石油气',
  economicType: '有限责任公司',
  industryCategory: '家具制造',
  institutionType: '门诊部',
  ownership: '私营',
  placeName: '经营场所',
  usageNature: '商业',
  buildingArea: '860 平方米',
  area: '120.50 平方米',
  rightType: '国有建设用地使用权/房屋所有权',
  rightNature: '出让/市场化商品房',
  usage: '商服用地/办公',
  usePeriod: '2015-08-30 起 2055-08-29 止',
  unitNumber: '440606001001GB00021F00010001',
  niceClass: '第 9 类',
  mark: '云帆',
  approvalBatch: '2024 年第一批',
  customsCode: '4401960ABC',
  registeredCustoms: '广州海关',
  equipmentCode: '3110440600202400017',
  projectCode: '2407-440606-04-01-318752',
  projectName: '智能制造生产线技术改造项目',
  scaleAndContent: '新建智能装配生产线 2 条，年产工业机器人 500 台',
  constructionScale: '总建筑面积 12,600 平方米',
  contractor: '广东示例建设工程有限公司',
  contractPeriod: '540 日历天',
  supplier: '广东省烟草公司广州市公司',
  serviceArea: '广东省',
  website: 'www.example.cn',
  dischargerType: '一般排水户',
  dailyVolume: '35',
  outletCount: '1',
  waterUse: '生产用水',
  annualVolume: '12.5',
  abstractionMethod: '取水泵站',
  accountNumber: '3602 0000 0910 0123 456',
  bankName: '中国工商银行广州天河支行',
  taxPeriod: '2026-01-01 至 2026-03-31',
  sealName: '公章',
  sealCode: '4401060012345',
  certificateSerial: '5A3F19C2D84B7E60',
  classificationCode: 'Ahz',
  beds: '0',
  taxItems: ['增值税', '城市维护建设税', '教育费附加'],
  productNames: ['电线电缆', '家用电器配件'],
  licensedScope: ['危险化学品经营（不带储存设施）'],
  designatedGoods: ['计算机软件', '计算机程序'],
  diagnosisSubjects: ['内科', '外科'],
  foodCategories: ['糕点', '饮料'],
  gasTypes: ['液化石油气'],
  productionScope: ['片剂', '胶囊剂'],
  qualifications: ['建筑工程施工总承包三级'],
  licensedItems: ['餐饮服务'],
  serviceScope: ['职业介绍', '人力资源供求信息的收集和发布'],
  businessTypes: ['信息服务业务（仅限互联网信息服务）'],
  businessItems: ['热食类食品制售', '预包装食品销售（含冷藏冷冻食品）'],
};

const numberFor = (type: LicenceType, serial: string): string => {
  const prefix: Record<string, string> = {
    'food-business': 'JY14401',
    'food-production': 'SC10644',
    'drug-business': '粤AA020',
    'tobacco-retail': '440104',
    'road-transport': '粤交运管许可穗字',
    'express-delivery': '粤邮政许',
    'value-added-telecom': '粤B2-',
  };
  return `${prefix[type.key] ?? '粤许'}${serial}`;
};

const valueFor = (
  spec: FieldSpec,
  type: LicenceType,
  h: HolderFacts,
  serial: string,
  today: string,
): FieldValue | undefined => {
  const n = spec.name;
  if (HOLDER_NAME.has(n)) return h.name;
  if (ADDRESS.has(n)) return h.address;
  if (PERSON.has(n)) return h.legalRepName;
  if (n === 'uscc') return h.uscc;
  if (n === 'entityType') return h.entityType;
  if (n === 'registrationAuthority') return h.registrationAuthority;
  if (n === 'establishedOn' || n === 'registeredOn') return h.establishedOn;
  if (n === 'registeredCapital' || n === 'totalInvestment' || n === 'contractPrice')
    return h.registeredCapital;
  if (n === 'businessScope') return spec.kind === 'list' ? h.businessScope : h.businessScope.join('；');
  const sample = SAMPLE[n];
  if (sample !== undefined) {
    if (spec.kind === 'list') return Array.isArray(sample) ? sample : [sample];
    return Array.isArray(sample) ? sample.join('；') : sample;
  }
  if (/Number$|^licenceNumber$|^permitNumber$|^documentNumber$/.test(n)) return numberFor(type, serial);
  if (n === 'certificateNumber' || n === 'registrationNumber' || n === 'filingNumber')
    return numberFor(type, serial);
  if (n === 'accountNumberId') return `J5810${serial}`;
  if (spec.kind === 'enum') return spec.options?.[0];
  if (spec.kind === 'date') return today;
  if (spec.kind === 'money') return '20000.00';
  if (spec.kind === 'list') return h.businessScope.slice(0, 3);
  return spec.required ? h.name : undefined;
};

/**
 * Fields for a licence of `type` held by `holder`: every required field and the optional ones we
 * can answer, from the holder's registration facts or plausible samples; `overrides` win.
 */
export const draftLicenceFields = (
  type: LicenceType,
  holder: HolderFacts,
  options: { serial: string; today: string; overrides?: Record<string, FieldValue> },
): Record<string, FieldValue> => {
  const out: Record<string, FieldValue> = {};
  for (const spec of type.fields) {
    const v = valueFor(spec, type, holder, options.serial, options.today);
    if (v !== undefined) out[spec.name] = v;
  }
  return { ...out, ...(options.overrides ?? {}) };
};
