import type { LocalizedText } from '../text';

/**
 * Authorities whose keys sign licences. The USCCs are synthetic: category 11 (机构编制 / 机关),
 * the authority's GB/T 2260 division, a made-up organization code body starting with T, and
 * correct check characters (tested against shared/identifiers). Names follow the Guangzhou /
 * Guangdong setting of the demo; the keys the platform signs with are generated, never real.
 */
export type IssuingAuthority = {
  key: string;
  name: LocalizedText;
  /** The department system the authority belongs to. */
  department: LocalizedText;
  uscc: string;
};

const a = (key: string, zh: string, en: string, dept: LocalizedText, uscc: string): IssuingAuthority => ({
  key,
  name: { zh, en },
  department: dept,
  uscc,
});

const MARKET = { zh: '市场监管', en: 'Market regulation' };
const DRUGS = { zh: '药品监管', en: 'Medical products regulation' };
const EMERGENCY = { zh: '应急管理', en: 'Emergency management' };
const HOUSING = { zh: '住房城乡建设', en: 'Housing and construction' };

export const issuingAuthorities: readonly IssuingAuthority[] = [
  a(
    'gz-amr',
    '广州市市场监督管理局',
    'Guangzhou Administration for Market Regulation',
    MARKET,
    '11440100T100000130',
  ),
  a(
    'gd-amr',
    '广东省市场监督管理局',
    'Guangdong Administration for Market Regulation',
    MARKET,
    '11440000T10000021M',
  ),
  a(
    'gd-mpa',
    '广东省药品监督管理局',
    'Guangdong Medical Products Administration',
    DRUGS,
    '11440000T1000003XD',
  ),
  a(
    'gd-em',
    '广东省应急管理厅',
    'Guangdong Department of Emergency Management',
    EMERGENCY,
    '11440000T10000048D',
  ),
  a('gz-em', '广州市应急管理局', 'Guangzhou Emergency Management Bureau', EMERGENCY, '11440100T10000056D'),
  a(
    'gz-hurd',
    '广州市住房和城乡建设局',
    'Guangzhou Housing and Urban-Rural Development Bureau',
    HOUSING,
    '11440100T100000648',
  ),
  a(
    'gd-hurd',
    '广东省住房和城乡建设厅',
    'Guangdong Department of Housing and Urban-Rural Development',
    HOUSING,
    '11440000T10000072X',
  ),
  a(
    'gz-pnr',
    '广州市规划和自然资源局',
    'Guangzhou Planning and Natural Resources Bureau',
    { zh: '自然资源和规划', en: 'Natural resources and planning' },
    '11440100T10000080X',
  ),
  a(
    'gz-realestate',
    '广州市不动产登记中心',
    'Guangzhou Real Estate Registration Centre',
    { zh: '不动产登记', en: 'Real estate registration' },
    '11440100T10000099T',
  ),
  a(
    'gz-transport',
    '广州市交通运输局',
    'Guangzhou Transport Bureau',
    { zh: '交通运输', en: 'Transport' },
    '11440100T10000101E',
  ),
  a(
    'gz-ee',
    '广州市生态环境局',
    'Guangzhou Ecology and Environment Bureau',
    { zh: '生态环境', en: 'Ecology and environment' },
    '11440100T1000011X6',
  ),
  a(
    'gz-water',
    '广州市水务局',
    'Guangzhou Water Affairs Bureau',
    { zh: '水行政', en: 'Water administration' },
    '11440100T100001286',
  ),
  a(
    'gd-ca',
    '广东省通信管理局',
    'Guangdong Communications Administration',
    { zh: '通信管理', en: 'Communications administration' },
    '11440000T10000136U',
  ),
  a(
    'gz-ctr',
    '广州市文化广电旅游局',
    'Guangzhou Culture, Radio, Television and Tourism Bureau',
    { zh: '文化和旅游', en: 'Culture and tourism' },
    '11440100T10000144U',
  ),
  a(
    'gz-press',
    '广州市新闻出版局',
    'Guangzhou Press and Publication Bureau',
    { zh: '新闻出版', en: 'Press and publication' },
    '11440100T10000152N',
  ),
  a(
    'gz-hrss',
    '广州市人力资源和社会保障局',
    'Guangzhou Human Resources and Social Security Bureau',
    { zh: '人力资源社会保障', en: 'Human resources and social security' },
    '11440100T10000160H',
  ),
  a(
    'gd-post',
    '广东省邮政管理局',
    'Guangdong Postal Administration',
    { zh: '邮政管理', en: 'Postal administration' },
    '11440000T100001799',
  ),
  a(
    'gz-tobacco',
    '广州市烟草专卖局',
    'Guangzhou Tobacco Monopoly Bureau',
    { zh: '烟草专卖', en: 'Tobacco monopoly' },
    '11440100T100001879',
  ),
  a(
    'gz-health',
    '广州市卫生健康委员会',
    'Guangzhou Health Commission',
    { zh: '卫生健康', en: 'Health' },
    '11440100T100001954',
  ),
  a(
    'gz-fire',
    '广州市消防救援支队',
    'Guangzhou Fire and Rescue Detachment',
    { zh: '消防救援', en: 'Fire and rescue' },
    '11440100T10000208R',
  ),
  a(
    'gz-agri',
    '广州市农业农村局',
    'Guangzhou Agriculture and Rural Affairs Bureau',
    { zh: '农业农村', en: 'Agriculture and rural affairs' },
    '11440100T10000216L',
  ),
  a('gz-customs', '广州海关', 'Guangzhou Customs', { zh: '海关', en: 'Customs' }, '11440100T10000224F'),
  a(
    'cnipa',
    '国家知识产权局商标局',
    'CNIPA Trademark Office',
    { zh: '知识产权', en: 'Intellectual property' },
    '11100000T10000232G',
  ),
  a(
    'gd-st',
    '广东省科学技术厅',
    'Guangdong Department of Science and Technology',
    { zh: '科技、财政、税务', en: 'Science and technology, finance, taxation' },
    '11440000T100002400',
  ),
  a(
    'gz-drc',
    '广州市发展和改革委员会',
    'Guangzhou Development and Reform Commission',
    { zh: '发展改革', en: 'Development and reform' },
    '11440100T100002592',
  ),
  a(
    'gz-tax',
    '国家税务总局广州市税务局',
    'Guangzhou Municipal Tax Service, STA',
    { zh: '税务', en: 'Taxation' },
    '11440100T10000267W',
  ),
  a(
    'pbc-gd',
    '中国人民银行广东省分行',
    "People's Bank of China Guangdong Branch",
    { zh: '人民银行', en: "People's Bank of China" },
    '11440000T10000275J',
  ),
  a(
    'gz-ps',
    '广州市公安局',
    'Guangzhou Public Security Bureau',
    { zh: '公安', en: 'Public security' },
    '11440100T10000283J',
  ),
];

export const issuingAuthorityByKey = (key: string): IssuingAuthority | undefined =>
  issuingAuthorities.find((x) => x.key === key);
