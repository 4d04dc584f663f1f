import type { LicenceType } from '../licence-type';
import { date, defineType, indefinite, legalRep, list, money, oneOf, text, years } from './define';

/** Customs, intellectual property, science and technology, investment, tax and banking. */
export const tradeFinanceTypes: LicenceType[] = [
  defineType({
    dept: 'gacc',
    seq: 1,
    key: 'customs-declarant-filing',
    name: ['海关报关单位备案', 'Customs declarant filing'],
    department: ['海关', 'Customs'],
    issuer: 'gz-customs',
    validity: indefinite,
    fields: [
      text('customsCode', '海关编码', 'Customs registration code'),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      text('registeredCustoms', '所在地海关', 'Customs district'),
      date('filedOn', '备案日期', 'Date of filing'),
      oneOf('enterpriseCategory', '企业类别', 'Category', ['进出口货物收发货人', '报关企业']),
    ],
  }),
  defineType({
    dept: 'cnipa',
    seq: 1,
    key: 'trademark-registration',
    name: ['商标注册证', 'Trademark registration certificate'],
    department: ['知识产权部门', 'Intellectual property'],
    issuer: 'cnipa',
    validity: years(10),
    // 续展: within 12 months before expiry (a 6-month grace period after it is not modelled).
    renewal: { from: 365, to: 0 },
    fields: [
      text('registrationNumber', '注册号', 'Registration number'),
      text('registrant', '注册人', 'Registrant'),
      text('registrantAddress', '注册人地址', 'Registrant address'),
      text('mark', '商标', 'Mark'),
      text('niceClass', '类别', 'Class'),
      list('designatedGoods', '核定使用商品/服务项目', 'Designated goods/services'),
    ],
  }),
  defineType({
    dept: 'most',
    seq: 1,
    key: 'high-tech-enterprise',
    name: ['高新技术企业证书', 'High-tech enterprise certificate'],
    department: ['科技、财政、税务部门', 'Science and technology, finance, taxation'],
    issuer: 'gd-st',
    validity: years(3),
    // There is no renewal: the enterprise applies for recognition again before the term ends.
    renewal: { from: 180, to: 30, service: 'high-tech-enterprise.new' },
    fields: [
      text('certificateNumber', '证书编号', 'Certificate number'),
      text('enterpriseName', '企业名称', 'Enterprise name'),
      text('approvalBatch', '批准批次', 'Approval batch'),
    ],
  }),
  defineType({
    dept: 'ndrc',
    seq: 1,
    key: 'investment-project-filing',
    name: ['投资项目备案证', 'Investment project filing certificate'],
    department: ['发展改革部门', 'Development and reform'],
    issuer: 'gz-drc',
    // The filing lapses if work has not started within two years.
    validity: years(2),
    fields: [
      text('projectCode', '项目代码', 'Project code'),
      text('projectName', '项目名称', 'Project name'),
      text('projectUnit', '项目单位', 'Project owner'),
      text('constructionLocation', '建设地点', 'Location'),
      text('scaleAndContent', '建设规模及内容', 'Scale and content'),
      money('totalInvestment', '总投资', 'Total investment'),
    ],
  }),
  defineType({
    dept: 'sta',
    seq: 1,
    key: 'tax-payment-certificate',
    name: ['税收完税证明', 'Tax payment certificate'],
    department: ['税务部门', 'Taxation'],
    issuer: 'gz-tax',
    validity: indefinite,
    fields: [
      text('certificateNumber', '证明编号', 'Certificate number'),
      text('taxpayerName', '纳税人名称', 'Taxpayer'),
      list('taxItems', '税种', 'Taxes'),
      text('taxPeriod', '税款所属时期', 'Tax period'),
      money('amount', '实缴（退）金额', 'Amount paid'),
      date('paidOn', '入（退）库日期', 'Date paid'),
    ],
  }),
  defineType({
    dept: 'pbc',
    seq: 1,
    key: 'basic-deposit-account',
    name: ['开户许可证 / 基本存款账户信息', 'Account opening permit / basic deposit account information'],
    department: ['中国人民银行 / 开户银行', "People's Bank of China / account bank"],
    issuer: 'pbc-gd',
    validity: indefinite,
    fields: [
      text('accountNumberId', '基本存款账户编号', 'Basic account number'),
      text('depositorName', '存款人名称', 'Depositor'),
      legalRep(),
      text('bankName', '开户银行', 'Bank'),
      text('accountNumber', '账号', 'Account number'),
    ],
  }),
];
