import type { ServiceItem } from '../service-item';
import { BL, lic, licenceService, upload } from './define';

const form = (zh: string) => upload('application-form', zh, 'Application form');
const premises = (required = true) =>
  upload('premises-proof', '经营场所使用证明', 'Proof of right to use the premises', required);
const rules = (zh: string) => upload('management-rules', zh, 'Management rules');

/** First applications (新办). The business licence itself is obtained by registration, without one. */
export const newApplicationServices: ServiceItem[] = [
  licenceService(
    'business-licence',
    'new',
    [
      form('企业设立登记申请书'),
      upload('articles', '公司章程', 'Articles of association'),
      upload('legal-rep-id', '法定代表人身份证明', "Legal representative's identity document"),
      lic('real-estate-title', false),
      premises(false),
    ],
    ['企业设立登记', 'Company establishment registration'],
  ),
  licenceService('food-business', 'new', [
    BL,
    form('食品经营许可申请书'),
    lic('real-estate-title', false),
    premises(false),
    rules('食品安全管理制度'),
    upload('floor-plan', '经营场所平面布局图', 'Floor plan of the premises'),
  ]),
  licenceService('food-production', 'new', [
    BL,
    form('食品生产许可申请书'),
    lic('real-estate-title', false),
    upload('process-flow', '食品生产工艺流程图', 'Production process flow chart'),
    upload('equipment-layout', '设备布局图', 'Equipment layout'),
  ]),
  licenceService('drug-business', 'new', [
    BL,
    form('药品经营许可证申请表'),
    premises(),
    upload('pharmacist-proof', '执业药师资格证明', 'Licensed pharmacist certificate'),
    rules('药品质量管理制度'),
  ]),
  licenceService('medical-device-business', 'new', [
    BL,
    form('医疗器械经营许可申请表'),
    premises(),
    rules('经营质量管理制度'),
  ]),
  licenceService(
    'class-ii-device-filing',
    'new',
    [
      BL,
      upload('filing-form', '第二类医疗器械经营备案表', 'Class II device business filing form'),
      premises(),
    ],
    ['第二类医疗器械经营备案', 'Filing: class II medical device business'],
  ),
  licenceService('hazardous-chemicals-business', 'new', [
    BL,
    form('危险化学品经营许可证申请书'),
    upload('safety-assessment', '安全评价报告', 'Safety assessment report'),
    upload('storage-proof', '储存设施相关证明', 'Storage facility documents', false),
  ]),
  licenceService('planning-permit', 'new', [
    BL,
    form('建设工程规划许可申请表'),
    lic('real-estate-title'),
    lic('investment-project-filing'),
    upload('design-scheme', '建设工程设计方案', 'Design scheme'),
  ]),
  licenceService('construction-permit', 'new', [
    BL,
    form('建筑工程施工许可申请表'),
    lic('planning-permit'),
    lic('real-estate-title'),
    lic('construction-qualification'),
    lic('construction-work-safety'),
    upload('construction-contract', '施工合同', 'Construction contract'),
  ]),
  licenceService(
    'investment-project-filing',
    'new',
    [BL, upload('project-form', '企业投资项目备案信息表', 'Investment project filing form')],
    ['企业投资项目备案', 'Filing: enterprise investment project'],
  ),
  licenceService('road-transport', 'new', [
    BL,
    form('道路运输经营申请表'),
    upload('vehicle-proof', '车辆技术等级证明', 'Vehicle technical grade documents'),
    rules('安全生产管理制度'),
  ]),
  licenceService('value-added-telecom', 'new', [
    BL,
    form('增值电信业务经营许可证申请表'),
    upload('security-measures', '网络与信息安全保障措施', 'Network and information security measures'),
  ]),
  licenceService('internet-culture', 'new', [
    BL,
    form('网络文化经营许可证申请表'),
    lic('value-added-telecom', false),
    upload('website-proof', '网站域名登记证明', 'Domain registration proof', false),
  ]),
  licenceService('commercial-performance', 'new', [
    BL,
    form('营业性演出许可证申请登记表'),
    upload(
      'performers',
      '演出人员或专职演出经纪人员名单及资格证明',
      'Performers or licensed performance brokers',
    ),
  ]),
  licenceService('publication-business', 'new', [BL, form('出版物经营许可申请书'), premises()]),
  licenceService('travel-agency', 'new', [
    BL,
    form('旅行社业务经营许可申请书'),
    premises(),
    upload('deposit-proof', '质量保证金存缴证明', 'Quality deposit proof'),
    lic('basic-deposit-account', false),
  ]),
  licenceService('human-resources-service', 'new', [
    BL,
    form('人力资源服务许可申请书'),
    premises(),
    rules('人力资源服务管理制度'),
  ]),
  licenceService('labour-dispatch', 'new', [
    BL,
    form('劳务派遣经营许可申请书'),
    upload('capital-proof', '注册资本实缴证明', 'Proof of paid-in capital'),
    lic('basic-deposit-account'),
    rules('劳务派遣管理制度'),
  ]),
  licenceService('express-delivery', 'new', [
    BL,
    form('快递业务经营许可申请书'),
    premises(),
    rules('服务质量管理制度'),
  ]),
  licenceService('tobacco-retail', 'new', [BL, form('烟草专卖零售许可证申请表'), premises()]),
  licenceService('medical-institution', 'new', [
    lic('business-licence', false),
    form('医疗机构执业登记申请书'),
    lic('real-estate-title', false),
    upload('staff-certificates', '医务人员执业证书', 'Medical staff practice certificates'),
  ]),
  licenceService('public-place-hygiene', 'new', [
    BL,
    form('公共场所卫生许可申请书'),
    lic('fire-safety-inspection', false),
    upload('hygiene-test-report', '卫生检测报告', 'Hygiene test report'),
    upload('health-certificates', '从业人员健康合格证明', 'Staff health certificates'),
  ]),
  licenceService(
    'fire-safety-inspection',
    'new',
    [
      BL,
      form('公众聚集场所投入使用、营业前消防安全检查申请表'),
      lic('construction-permit', false),
      rules('消防安全制度'),
    ],
    [
      '公众聚集场所投入使用、营业前消防安全检查',
      'Pre-opening fire safety inspection of a public gathering place',
    ],
  ),
  licenceService('pesticide-business', 'new', [BL, form('农药经营许可证申请表'), premises()]),
  licenceService('veterinary-drug-business', 'new', [BL, form('兽药经营许可证申请表'), premises()]),
  licenceService(
    'high-tech-enterprise',
    'new',
    [
      BL,
      form('高新技术企业认定申请书'),
      lic('tax-payment-certificate'),
      lic('trademark-registration', false),
      upload('ip-proof', '知识产权相关材料', 'Intellectual property documents'),
      upload(
        'audit-report',
        '近三个会计年度财务审计报告',
        'Audited financial statements for the last three years',
      ),
    ],
    ['高新技术企业认定申请', 'Application for high-tech enterprise recognition'],
  ),
  licenceService(
    'e-seal',
    'new',
    [BL, upload('legal-rep-id', '法定代表人身份证明', "Legal representative's identity document")],
    ['电子印章申领', 'Application for an electronic seal'],
  ),
  licenceService(
    'customs-declarant-filing',
    'new',
    [
      BL,
      lic('basic-deposit-account'),
      upload('filing-form', '报关单位备案信息表', 'Customs declarant filing form'),
    ],
    ['报关单位备案', 'Customs declarant filing'],
  ),
  licenceService(
    'tax-payment-certificate',
    'new',
    [BL, upload('request', '开具税收完税证明申请', 'Request for a tax payment certificate', false)],
    ['开具税收完税证明', 'Issue a tax payment certificate'],
  ),
];
