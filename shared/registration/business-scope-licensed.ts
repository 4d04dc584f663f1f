import type { ScopeEntry } from './business-scope-types';

/** 许可项目: each needs the named licence before the company may operate it. */
const l = (code: string, zh: string, en: string, licenceTypeKey: string, aliases?: string[]): ScopeEntry => ({
  code,
  wording: { zh, en },
  kind: 'licensed',
  category: code.charAt(0),
  licenceTypeKey,
  ...(aliases ? { aliases } : {}),
});

export const licensedScopeEntries: readonly ScopeEntry[] = [
  // food
  l('F522601', '食品销售', 'Food sales', 'food-business'),
  l('F522602', '食品互联网销售', 'Online food sales', 'food-business'),
  l('F522603', '保健食品销售', 'Health food sales', 'food-business'),
  l('F522604', '特殊医学用途配方食品销售', 'Food for special medical purposes sales', 'food-business'),
  l('H621101', '餐饮服务', 'Catering services', 'food-business', ['饭店', '餐厅']),
  l('H621102', '小餐饮', 'Small catering', 'food-business'),
  l('C149101', '食品生产', 'Food production', 'food-production'),
  l('C149102', '保健食品生产', 'Health food production', 'food-production'),
  l('C149103', '食品添加剂生产', 'Food additive production', 'food-production'),
  l('C152101', '酒制品生产', 'Alcoholic beverage production', 'food-production'),
  l('C153101', '饮料生产', 'Beverage production', 'food-production'),
  // transport and delivery
  l(
    'G543201',
    '道路货物运输（不含危险货物）',
    'Road freight transport (excluding dangerous goods)',
    'road-transport',
  ),
  l(
    'G543202',
    '道路货物运输（网络货运）',
    'Road freight transport (online freight platform)',
    'road-transport',
  ),
  l('G543203', '道路危险货物运输', 'Road transport of dangerous goods', 'road-transport'),
  l(
    'G543204',
    '城市配送运输服务（不含危险货物）',
    'Urban distribution transport services (excluding dangerous goods)',
    'road-transport',
  ),
  l('G542101', '道路旅客运输经营', 'Road passenger transport operation', 'road-transport'),
  l('G602001', '快递服务', 'Express delivery services', 'express-delivery', ['快递']),
  // drugs and medical devices
  l('F525201', '药品零售', 'Drug retail', 'drug-business', ['药店']),
  l('F525202', '药品批发', 'Drug wholesale', 'drug-business'),
  l('C271101', '药品生产', 'Drug production', 'drug-production'),
  l('F525103', '第三类医疗器械经营', 'Class III medical device business', 'medical-device-business'),
  l('Q841101', '医疗服务', 'Medical services', 'medical-institution'),
  l('Q842101', '诊所服务', 'Clinic services', 'medical-institution'),
  // publications, culture, performance
  l('F524301', '出版物零售', 'Publication retail', 'publication-business', ['书店']),
  l('F514301', '出版物批发', 'Publication wholesale', 'publication-business'),
  l('F524302', '出版物互联网销售', 'Online publication sales', 'publication-business'),
  l('R901101', '营业性演出', 'Commercial performances', 'commercial-performance'),
  l('R901102', '演出经纪', 'Performance brokerage', 'commercial-performance'),
  l('R907001', '网络文化经营', 'Internet culture business', 'internet-culture'),
  l('R907002', '互联网上网服务', 'Internet access services (internet café)', 'internet-culture', ['网吧']),
  // telecoms
  l(
    'I631901',
    '第一类增值电信业务',
    'Category I value-added telecommunications services',
    'value-added-telecom',
  ),
  l(
    'I631902',
    '第二类增值电信业务',
    'Category II value-added telecommunications services',
    'value-added-telecom',
  ),
  l('I642001', '互联网信息服务', 'Internet information services', 'value-added-telecom', ['ICP']),
  // labour and human resources
  l('L726401', '劳务派遣服务', 'Labour dispatch services', 'labour-dispatch'),
  l('L726201', '职业中介活动', 'Job placement activities', 'human-resources-service'),
  l('L726202', '人力资源服务', 'Human resources services', 'human-resources-service'),
  // travel
  l('L727201', '旅游业务', 'Travel agency business', 'travel-agency', ['旅行社', '旅行社服务']),
  // chemicals, gas, energy
  l('F516602', '危险化学品经营', 'Hazardous chemicals business', 'hazardous-chemicals-business'),
  l('G596003', '危险化学品仓储', 'Hazardous chemicals warehousing', 'hazardous-chemicals-business'),
  l('C266101', '危险化学品生产', 'Hazardous chemicals production', 'work-safety'),
  l('C267201', '烟花爆竹生产', 'Fireworks production', 'work-safety'),
  l('D452101', '燃气经营', 'Gas business', 'gas-business'),
  l('D452102', '燃气汽车加气经营', 'Vehicle gas refuelling business', 'gas-business'),
  // tobacco
  l('F523801', '烟草制品零售', 'Tobacco products retail', 'tobacco-retail', ['香烟']),
  l('F523802', '电子烟零售', 'E-cigarette retail', 'tobacco-retail'),
  // agriculture inputs
  l('F516604', '农药零售', 'Pesticide retail', 'pesticide-business'),
  l('F516605', '农药批发', 'Pesticide wholesale', 'pesticide-business'),
  l('F516606', '兽药经营', 'Veterinary drug business', 'veterinary-drug-business'),
  // public places
  l('H611001', '住宿服务', 'Accommodation services', 'public-place-hygiene', ['酒店', '宾馆']),
  l('O802001', '理发服务', 'Hairdressing services', 'public-place-hygiene', ['理发店']),
  l('O802002', '生活美容服务', 'Cosmetic beauty services', 'public-place-hygiene', ['美容院']),
  l('O802003', '洗浴服务', 'Bathing services', 'public-place-hygiene'),
  l('R891101', '游泳场所经营', 'Swimming venue operation', 'public-place-hygiene', ['游泳馆']),
  // construction and industrial products
  l('E470101', '建设工程施工', 'Construction works', 'construction-qualification'),
  l('E470102', '施工专业作业', 'Specialised construction operations', 'construction-qualification'),
  l('E501102', '住宅室内装饰装修', 'Residential interior decoration', 'construction-qualification', ['装修']),
  l('C383101', '电线、电缆制造', 'Wire and cable manufacturing', 'industrial-product'),
  l(
    'C291101',
    '危险化学品包装物及容器生产',
    'Hazardous chemical packaging and container production',
    'industrial-product',
  ),
];
