import type { LocalizedText } from '../text';

/**
 * National departments that define licence types. Their USCCs are synthetic (valid check
 * characters, category 11 = 机关, division 100000) and only serve as the prefix of our type codes.
 */
export type LicenceDepartment = { key: string; name: LocalizedText; uscc: string };

const d = (key: string, zh: string, en: string, uscc: string): LicenceDepartment => ({
  key,
  name: { zh, en },
  uscc,
});

export const departments = {
  samr: d('samr', '国家市场监督管理总局', 'State Administration for Market Regulation', '11100000T0000001XL'),
  nmpa: d('nmpa', '国家药品监督管理局', 'National Medical Products Administration', '11100000T00000028L'),
  mem: d('mem', '应急管理部', 'Ministry of Emergency Management', '11100000T00000036F'),
  mohurd: d(
    'mohurd',
    '住房和城乡建设部',
    'Ministry of Housing and Urban-Rural Development',
    '11100000T00000044A',
  ),
  mnr: d('mnr', '自然资源部', 'Ministry of Natural Resources', '11100000T000000525'),
  mot: d('mot', '交通运输部', 'Ministry of Transport', '11100000T000000600'),
  mee: d('mee', '生态环境部', 'Ministry of Ecology and Environment', '11100000T00000079W'),
  mwr: d('mwr', '水利部', 'Ministry of Water Resources', '11100000T00000087P'),
  miit: d('miit', '工业和信息化部', 'Ministry of Industry and Information Technology', '11100000T00000095J'),
  mct: d('mct', '文化和旅游部', 'Ministry of Culture and Tourism', '11100000T000001088'),
  nppa: d('nppa', '国家新闻出版署', 'National Press and Publication Administration', '11100000T000001163'),
  mohrss: d(
    'mohrss',
    '人力资源和社会保障部',
    'Ministry of Human Resources and Social Security',
    '11100000T00000124X',
  ),
  spb: d('spb', '国家邮政局', 'State Post Bureau', '11100000T00000132Q'),
  stma: d('stma', '国家烟草专卖局', 'State Tobacco Monopoly Administration', '11100000T00000140K'),
  nhc: d('nhc', '国家卫生健康委员会', 'National Health Commission', '11100000T00000159G'),
  fire: d('fire', '国家消防救援局', 'National Fire and Rescue Administration', '11100000T00000167B'),
  mara: d('mara', '农业农村部', 'Ministry of Agriculture and Rural Affairs', '11100000T000001756'),
  gacc: d('gacc', '海关总署', 'General Administration of Customs', '11100000T000001831'),
  cnipa: d(
    'cnipa',
    '国家知识产权局',
    'China National Intellectual Property Administration',
    '11100000T00000191U',
  ),
  most: d('most', '科学技术部', 'Ministry of Science and Technology', '11100000T00000204H'),
  ndrc: d('ndrc', '国家发展和改革委员会', 'National Development and Reform Commission', '11100000T00000212C'),
  sta: d('sta', '国家税务总局', 'State Taxation Administration', '11100000T000002207'),
  pbc: d('pbc', '中国人民银行', "People's Bank of China", '11100000T000002394'),
  mps: d('mps', '公安部', 'Ministry of Public Security', '11100000T00000247Y'),
} as const satisfies Record<string, LicenceDepartment>;

export type DepartmentKey = keyof typeof departments;

/** `<department USCC><3-digit sequence>`: see LicenceTypeCode. */
export const typeCode = (dept: DepartmentKey, seq: number): string =>
  departments[dept].uscc + String(seq).padStart(3, '0');
