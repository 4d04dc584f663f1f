import { syntheticUscc } from '../../shared/identifiers/generate';

/*
 * The identities of the synthetic firm clients (server/seed/firm.ts), pure so that e2e specs can
 * name the clients they seed (e.g. to build their invoice exports) without opening a database.
 */

const CITIES = [
  { region: '广州市', division: '440106', authority: '广州市天河区市场监督管理局' },
  { region: '深圳市', division: '440305', authority: '深圳市市场监督管理局' },
  { region: '佛山市', division: '440606', authority: '佛山市顺德区市场监督管理局' },
  { region: '东莞市', division: '441900', authority: '东莞市市场监督管理局' },
  { region: '珠海市', division: '440402', authority: '珠海市香洲区市场监督管理局' },
  { region: '中山市', division: '442000', authority: '中山市市场监督管理局' },
];
const TRADE_A = [...'恒华信达源泰安盛和嘉宏瑞兴佳永德明天聚锦通鼎创联益隆丰'];
const TRADE_B = [...'达宇海星晟帆远鑫悦航博沃森腾卓越辉琪晖升鸿邦润凯诚'];
const INDUSTRIES = [
  '商贸',
  '信息科技',
  '餐饮管理',
  '建材',
  '电子科技',
  '物流',
  '文化传媒',
  '家居',
  '五金制品',
  '服装',
  '咨询服务',
  '食品',
];
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '丽华',
];

/**
 * The i-th synthetic company name: city, two-character trade name and industry vary together so
 * neighbours look different; distinct for every i below 6 × 30 × 30 × 12, then numbered.
 */
export const syntheticCompanyName = (
  i: number,
): { name: string; city: (typeof CITIES)[number]; trade: string; industry: string } => {
  const city = CITIES[i % CITIES.length]!;
  const industry = INDUSTRIES[Math.floor(i / CITIES.length) % INDUSTRIES.length]!;
  const a = TRADE_A[Math.floor(i / (CITIES.length * INDUSTRIES.length)) % TRADE_A.length]!;
  const b = TRADE_B[Math.floor(i / (CITIES.length * INDUSTRIES.length * TRADE_A.length)) % TRADE_B.length]!;
  const round = Math.floor(i / (CITIES.length * INDUSTRIES.length * TRADE_A.length * TRADE_B.length));
  const trade = `${a}${b}${round > 0 ? String(round + 1) : ''}`;
  return { name: `${city.region}${trade}${industry}有限公司`, city, trade, industry };
};

/** The i-th synthetic client of a seed: name, valid USCC and its taxpayer type (every tenth general). */
export const syntheticClient = (
  i: number,
  seed = 7,
): ReturnType<typeof syntheticCompanyName> & {
  uscc: string;
  taxpayerType: 'general' | 'small-scale';
  vatPeriod: 'month' | 'quarter';
} => {
  const n = syntheticCompanyName(seed * 4_000 + i);
  const general = i % 10 === 9;
  return {
    ...n,
    uscc: syntheticUscc(seed * 1_000_003 + i, n.city.division),
    taxpayerType: general ? 'general' : 'small-scale',
    vatPeriod: general ? 'month' : 'quarter',
  };
};
