import { makeResidentId, makeUscc } from '../../shared/identifiers/generate';

/**
 * The demo sandbox: invented people with computed, valid resident IDs and invented companies with
 * computed, valid USCCs. Any resemblance to real persons or companies is accidental.
 */
export const DEMO_PASSWORD = 'Demo@2026';

export type DemoPerson = { key: string; name: string; residentId: string; phone: string; role?: 'reviewer' };

export const demoPeople: DemoPerson[] = [
  {
    key: 'chen',
    name: '陈志明',
    residentId: makeResidentId({ division: '440106', birthDate: '19780312', sequence: 351 }),
    phone: '13800000001',
  },
  {
    key: 'li',
    name: '李晓红',
    residentId: makeResidentId({ division: '440104', birthDate: '19900827', sequence: 482 }),
    phone: '13800000002',
  },
  {
    key: 'wang',
    name: '王建国',
    residentId: makeResidentId({ division: '440305', birthDate: '19690105', sequence: 217 }),
    phone: '13800000003',
  },
  {
    key: 'huang',
    name: '黄丽',
    residentId: makeResidentId({ division: '440103', birthDate: '19850619', sequence: 604 }),
    phone: '13800000004',
  },
  {
    key: 'zhou',
    name: '周伟',
    residentId: makeResidentId({ division: '440111', birthDate: '19951130', sequence: 135 }),
    phone: '13800000005',
  },
  {
    key: 'zhao',
    name: '赵敏',
    residentId: makeResidentId({ division: '440106', birthDate: '19820403', sequence: 268 }),
    phone: '13800000006',
    role: 'reviewer',
  },
  {
    key: 'liu',
    name: '刘芳',
    residentId: makeResidentId({ division: '440606', birthDate: '19760921', sequence: 826 }),
    phone: '13800000007',
  },
  {
    key: 'sun',
    name: '孙浩',
    residentId: makeResidentId({ division: '441900', birthDate: '19880214', sequence: 577 }),
    phone: '13800000008',
  },
];

export type DemoCompany = {
  key: string;
  name: string;
  nameParts: { region: string; tradeName: string; industry: string; form: string };
  uscc: string;
  type: 'llc' | 'sole-llc';
  legalRep: string;
  capital: string;
  division: string;
  address: string;
  scope: string[];
  establishedOn: string;
  authority: string;
  taxpayerType: 'small-scale' | 'general';
  vatPeriod: 'month' | 'quarter';
  roles: { person: string; role: 'agent' | 'shareholder' | 'finance-officer' | 'liaison' }[];
};

export const demoCompanies: DemoCompany[] = [
  {
    key: 'yunfan-tech',
    name: '广州市云帆信息科技有限公司',
    nameParts: { region: '广州市', tradeName: '云帆', industry: '信息科技', form: '有限公司' },
    uscc: makeUscc({ division: '440106', orgBody: 'MA5G7K2P' }),
    type: 'llc',
    legalRep: 'chen',
    capital: '1000000.00',
    division: '440106',
    address: '广东省广州市天河区天河路 385 号太古汇一座 18 楼 1806 室',
    scope: ['软件开发', '信息技术咨询服务', '信息系统集成服务', '数据处理和存储支持服务'],
    establishedOn: '2019-06-18',
    authority: '广州市天河区市场监督管理局',
    taxpayerType: 'small-scale',
    vatPeriod: 'quarter',
    roles: [
      { person: 'chen', role: 'shareholder' },
      { person: 'li', role: 'agent' },
      { person: 'li', role: 'liaison' },
    ],
  },
  {
    key: 'yunfan-food',
    name: '广州市云帆餐饮管理有限公司',
    nameParts: { region: '广州市', tradeName: '云帆', industry: '餐饮管理', form: '有限公司' },
    uscc: makeUscc({ division: '440104', orgBody: 'MA5H2R8W' }),
    type: 'sole-llc',
    legalRep: 'chen',
    capital: '500000.00',
    division: '440104',
    address: '广东省广州市越秀区北京路 238 号名盛广场 6 楼 601 室',
    scope: ['餐饮管理', '食品销售（仅销售预包装食品）', '餐饮服务'],
    establishedOn: '2021-03-09',
    authority: '广州市越秀区市场监督管理局',
    taxpayerType: 'small-scale',
    vatPeriod: 'quarter',
    roles: [{ person: 'li', role: 'agent' }],
  },
  {
    key: 'qiming-trade',
    name: '深圳市启明贸易有限公司',
    nameParts: { region: '深圳市', tradeName: '启明', industry: '贸易', form: '有限公司' },
    uscc: makeUscc({ division: '440305', orgBody: 'MA5F3T6Y' }),
    type: 'llc',
    legalRep: 'wang',
    capital: '5000000.00',
    division: '440305',
    address: '广东省深圳市南山区前海深港合作区前湾一路 1 号 A 栋 201 室',
    scope: ['货物进出口', '技术进出口', '国内贸易代理', '供应链管理服务'],
    establishedOn: '2017-11-22',
    authority: '深圳市市场监督管理局',
    taxpayerType: 'general',
    vatPeriod: 'month',
    roles: [{ person: 'li', role: 'agent' }],
  },
  {
    key: 'meijia-home',
    name: '佛山市顺德区美家家居有限公司',
    nameParts: { region: '佛山市顺德区', tradeName: '美家', industry: '家居', form: '有限公司' },
    uscc: makeUscc({ division: '440606', orgBody: 'MA4W9C3L' }),
    type: 'llc',
    legalRep: 'liu',
    capital: '2000000.00',
    division: '440606',
    address: '广东省佛山市顺德区乐从镇乐从大道 21 号家居城 3 座 105 铺',
    scope: ['家具销售', '家具制造', '家居用品销售'],
    establishedOn: '2015-08-30',
    authority: '佛山市顺德区市场监督管理局',
    taxpayerType: 'small-scale',
    vatPeriod: 'quarter',
    roles: [],
  },
  {
    key: 'zhizao-tech',
    name: '东莞市松湖智造科技有限公司',
    nameParts: { region: '东莞市', tradeName: '松湖智造', industry: '科技', form: '有限公司' },
    uscc: makeUscc({ division: '441900', orgBody: 'MA51XK7D' }),
    type: 'llc',
    legalRep: 'liu',
    capital: '3000000.00',
    division: '441900',
    address: '广东省东莞市松山湖高新技术产业开发区工业北路 6 号 2 栋 402 室',
    scope: [
      '智能机器人的研发',
      '工业机器人制造',
      '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
    ],
    establishedOn: '2020-01-15',
    authority: '东莞市市场监督管理局',
    taxpayerType: 'small-scale',
    vatPeriod: 'quarter',
    roles: [{ person: 'sun', role: 'finance-officer' }],
  },
];

export const demoFirm = {
  name: '广州诚信财税代理有限公司',
  uscc: makeUscc({ division: '440106', orgBody: 'MA59QB4E' }),
  admin: 'huang',
  staff: ['zhou'],
  /** Clients the firm holds an approved delegation for, and the access group they sit in. */
  clients: [
    { company: 'meijia-home', group: '顺德组' },
    { company: 'zhizao-tech', group: '东莞组' },
  ],
  groups: [
    { name: '顺德组', staff: ['zhou'] },
    { name: '东莞组', staff: [] as string[] },
  ],
};

/**
 * A second firm, seeded only for the handover demo (`firm-cli.ts --seed demo-firm-b`): its admin
 * 孙浩 takes over 佛山美家 from the demo firm. Kept out of the base sandbox so nobody else's
 * workspace changes.
 */
export const demoSecondFirm = {
  name: '佛山新锐财税咨询有限公司',
  uscc: makeUscc({ division: '440606', orgBody: 'MA5XK71R' }),
  admin: 'sun',
  clients: ['meijia-home'],
};

/**
 * Unclaimed demo identities: in the demo identity authority (with portraits from the sample
 * photos) but with no person record or account, so a newcomer can try the verified sign-up. The
 * e2e fake camera shows person A, so the first two can be signed up with it.
 */
export type DemoNewcomer = { key: string; name: string; residentId: string; photo: string };

export const demoNewcomers: DemoNewcomer[] = [
  {
    key: 'lin',
    name: '林晓东',
    residentId: makeResidentId({ division: '440106', birthDate: '19930518', sequence: 412 }),
    photo: 'person-a-id.jpg',
  },
  {
    key: 'he',
    name: '何静',
    residentId: makeResidentId({ division: '440304', birthDate: '19910227', sequence: 286 }),
    photo: 'person-a-id.jpg',
  },
  {
    key: 'xu',
    name: '许文博',
    residentId: makeResidentId({ division: '440605', birthDate: '19870709', sequence: 153 }),
    photo: 'person-b-id.jpg',
  },
];
