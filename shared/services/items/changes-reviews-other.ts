import type { ServiceItem } from '../service-item';
import { BL, lic, licenceService, onLicence, otherService, upload } from './define';

const form = (zh: string): [string, string] => [zh, 'Change application form'];

export const changeServices: ServiceItem[] = [
  licenceService(
    'business-licence',
    'change',
    [
      BL,
      upload('application-form', '变更登记申请书', 'Change registration form'),
      upload('resolution', '股东会决议或决定', "Shareholders' resolution or decision"),
      lic('real-estate-title', false),
    ],
    ['企业变更登记', 'Company change registration'],
  ),
  licenceService('food-business', 'change', onLicence('food-business', form('食品经营许可变更申请书'))),
  licenceService(
    'drug-business',
    'change',
    onLicence(
      'drug-business',
      form('药品经营许可证变更申请表'),
      upload('change-proof', '变更事项证明材料', 'Documents supporting the change'),
    ),
  ),
  licenceService(
    'medical-device-business',
    'change',
    onLicence('medical-device-business', form('医疗器械经营许可变更申请表')),
  ),
  licenceService(
    'pollutant-discharge',
    'change',
    onLicence(
      'pollutant-discharge',
      form('排污许可证变更申请表'),
      upload('eia-approval', '环境影响评价批复', 'Environmental impact assessment approval', false),
    ),
  ),
  licenceService(
    'labour-dispatch',
    'change',
    onLicence('labour-dispatch', form('劳务派遣经营许可变更申请书')),
  ),
];

export const annualReviewServices: ServiceItem[] = [
  licenceService(
    'road-transport',
    'annual-review',
    onLicence(
      'road-transport',
      ['道路运输经营者年度审验表', 'Annual review form'],
      upload('safety-records', '安全生产情况记录', 'Work safety records'),
    ),
  ),
  licenceService(
    'labour-dispatch',
    'annual-review',
    onLicence('labour-dispatch', ['劳务派遣经营情况年度报告', 'Annual business report']),
    ['劳务派遣经营情况年度报告', 'Annual report: labour dispatch business'],
  ),
  licenceService(
    'human-resources-service',
    'annual-review',
    onLicence('human-resources-service', ['人力资源服务机构年度报告', 'Annual report']),
    ['人力资源服务机构年度报告', 'Annual report: human resources service agency'],
  ),
];

const HRSS = { zh: '广州市人力资源和社会保障局', en: 'Guangzhou Human Resources and Social Security Bureau' };
const HOUSING_FUND = {
  zh: '广州住房公积金管理中心',
  en: 'Guangzhou Housing Provident Fund Management Centre',
};
const TAX = { zh: '国家税务总局广州市税务局', en: 'Guangzhou Municipal Tax Service, STA' };
const FINANCE = { zh: '广州市财政局', en: 'Guangzhou Finance Bureau' };

/** Common matters that draw on licences without issuing one. */
export const otherServices: ServiceItem[] = [
  otherService(
    'social-insurance.register',
    ['社会保险单位参保登记', 'Employer social insurance registration'],
    HRSS,
    [
      BL,
      lic('basic-deposit-account'),
      upload('registration-form', '社会保险参保登记表', 'Registration form'),
    ],
  ),
  otherService(
    'housing-fund.register',
    ['住房公积金单位缴存登记', 'Employer housing provident fund registration'],
    HOUSING_FUND,
    [BL, lic('basic-deposit-account'), upload('registration-form', '单位缴存登记表', 'Registration form')],
  ),
  otherService(
    'export-tax-refund.filing',
    ['出口退（免）税备案', 'Export tax refund (exemption) filing'],
    TAX,
    [
      BL,
      lic('customs-declarant-filing'),
      lic('basic-deposit-account'),
      upload('filing-form', '出口退（免）税备案表', 'Filing form'),
    ],
  ),
  otherService(
    'government-procurement.supplier',
    ['政府采购供应商入库登记', 'Government procurement supplier registration'],
    FINANCE,
    [
      BL,
      lic('tax-payment-certificate'),
      lic('high-tech-enterprise', false),
      upload(
        'declaration',
        '参加政府采购活动的书面声明',
        'Declaration for taking part in government procurement',
      ),
    ],
  ),
];
