import type { ServiceItem } from '../service-item';
import { lic, licenceService, onLicence, upload } from './define';

const form = (zh: string): [string, string] => [zh, 'Renewal application form'];

/** Renewal of every licence type that has a renewal window (high-tech status is re-applied for). */
export const renewalServices: ServiceItem[] = [
  licenceService(
    'food-business',
    'renew',
    onLicence(
      'food-business',
      form('食品经营许可延续申请书'),
      upload('food-safety-rules', '食品安全管理制度', 'Food safety management rules', false),
    ),
  ),
  licenceService(
    'food-production',
    'renew',
    onLicence(
      'food-production',
      form('食品生产许可延续申请书'),
      upload(
        'unchanged-conditions',
        '生产条件未发生变化的声明',
        'Statement that production conditions are unchanged',
      ),
    ),
  ),
  licenceService(
    'industrial-product',
    'renew',
    onLicence(
      'industrial-product',
      form('工业产品生产许可证延续申请书'),
      upload('product-test-report', '产品检验报告', 'Product test report'),
    ),
  ),
  licenceService('e-seal', 'renew', onLicence('e-seal', form('电子印章延期申请表')), [
    '电子印章延期',
    'Renewal: electronic seal certificate',
  ]),
  licenceService(
    'drug-business',
    'renew',
    onLicence(
      'drug-business',
      form('药品经营许可证重新审查发证申请表'),
      upload('gsp-self-inspection', '药品经营质量管理规范自查报告', 'GSP self-inspection report'),
    ),
  ),
  licenceService(
    'drug-production',
    'renew',
    onLicence(
      'drug-production',
      form('药品生产许可证重新发证申请表'),
      upload('gmp-self-inspection', '药品生产质量管理规范自查报告', 'GMP self-inspection report'),
    ),
  ),
  licenceService(
    'medical-device-business',
    'renew',
    onLicence('medical-device-business', form('医疗器械经营许可延续申请表')),
  ),
  licenceService(
    'hazardous-chemicals-business',
    'renew',
    onLicence(
      'hazardous-chemicals-business',
      form('危险化学品经营许可证延期申请书'),
      upload('safety-assessment', '安全评价报告', 'Safety assessment report'),
    ),
  ),
  licenceService(
    'work-safety',
    'renew',
    onLicence(
      'work-safety',
      form('安全生产许可证延期申请书'),
      upload('safety-standardisation', '安全生产标准化达标证明', 'Safety standardisation certificate', false),
    ),
  ),
  licenceService(
    'construction-qualification',
    'renew',
    onLicence(
      'construction-qualification',
      form('建筑业企业资质延续申请表'),
      lic('construction-work-safety'),
    ),
  ),
  licenceService(
    'construction-work-safety',
    'renew',
    onLicence(
      'construction-work-safety',
      form('安全生产许可证延期申请表'),
      lic('construction-qualification'),
      upload(
        'safety-staff-certificates',
        '安全生产管理人员考核合格证明',
        'Safety staff qualification certificates',
      ),
    ),
  ),
  licenceService(
    'gas-business',
    'renew',
    onLicence(
      'gas-business',
      form('燃气经营许可延续申请书'),
      upload('safety-assessment', '安全评价报告', 'Safety assessment report'),
    ),
  ),
  licenceService(
    'drainage-permit',
    'renew',
    onLicence(
      'drainage-permit',
      form('排水许可延续申请书'),
      upload('water-quality-report', '排水水质检测报告', 'Discharge water quality report'),
    ),
  ),
  licenceService(
    'road-transport',
    'renew',
    onLicence('road-transport', form('道路运输经营许可证换证申请表')),
  ),
  licenceService(
    'pollutant-discharge',
    'renew',
    onLicence(
      'pollutant-discharge',
      form('排污许可证延续申请表'),
      upload('execution-report', '排污许可证执行报告', 'Permit execution report'),
    ),
  ),
  licenceService(
    'water-abstraction',
    'renew',
    onLicence(
      'water-abstraction',
      form('取水许可延续申请书'),
      upload('metering-report', '取水计量情况报告', 'Abstraction metering report'),
    ),
  ),
  licenceService(
    'value-added-telecom',
    'renew',
    onLicence(
      'value-added-telecom',
      form('增值电信业务经营许可证续期申请'),
      upload('annual-report', '经营许可证年报', 'Licence annual report'),
    ),
  ),
  licenceService(
    'internet-culture',
    'renew',
    onLicence('internet-culture', form('网络文化经营许可证延续申请表')),
  ),
  licenceService(
    'commercial-performance',
    'renew',
    onLicence('commercial-performance', form('营业性演出许可证延续申请表')),
  ),
  licenceService(
    'publication-business',
    'renew',
    onLicence('publication-business', form('出版物经营许可证延续申请书')),
  ),
  licenceService(
    'labour-dispatch',
    'renew',
    onLicence(
      'labour-dispatch',
      form('劳务派遣经营许可延续申请书'),
      upload('business-report', '劳务派遣经营情况报告', 'Labour dispatch business report'),
    ),
  ),
  licenceService(
    'express-delivery',
    'renew',
    onLicence(
      'express-delivery',
      form('快递业务经营许可延续申请书'),
      upload('service-quality-report', '服务质量情况报告', 'Service quality report'),
    ),
  ),
  licenceService(
    'tobacco-retail',
    'renew',
    onLicence('tobacco-retail', form('烟草专卖零售许可证延续申请表')),
  ),
  licenceService(
    'medical-institution',
    'renew',
    onLicence(
      'medical-institution',
      form('医疗机构执业许可证校验申请书'),
      upload('practice-report', '执业情况报告', 'Practice report'),
    ),
    ['医疗机构执业许可证延续（校验）', 'Renewal (validation): medical institution practice licence'],
  ),
  licenceService(
    'public-place-hygiene',
    'renew',
    onLicence(
      'public-place-hygiene',
      form('公共场所卫生许可证延续申请表'),
      upload('hygiene-test-report', '卫生检测报告', 'Hygiene test report'),
      lic('fire-safety-inspection', false),
    ),
  ),
  licenceService(
    'pesticide-business',
    'renew',
    onLicence('pesticide-business', form('农药经营许可证延续申请表')),
  ),
  licenceService(
    'veterinary-drug-business',
    'renew',
    onLicence('veterinary-drug-business', form('兽药经营许可证换发申请表')),
  ),
  licenceService(
    'trademark-registration',
    'renew',
    onLicence('trademark-registration', form('商标续展注册申请书')),
    ['注册商标续展', 'Renewal: trademark registration'],
  ),
];
