import { districtsOf, guangdongCities } from './divisions';

/**
 * Banks for the basic-account appointment (银行开户预约). Bank codes are the real CNAPS bank
 * category codes; the branches are synthetic (generated from the division list) but follow the
 * 12-digit 联行号 shape: bank (3) + area (4, here the city's GB/T 2260 prefix) + branch (4) + a
 * check digit (here a plain mod-10 over the first 11 digits).
 */
export type Bank = { code: string; name: string; shortName: string };
export type BankBranch = {
  code: string;
  bankCode: string;
  cityCode: string;
  divisionCode: string;
  name: string;
};

export const banks: readonly Bank[] = [
  { code: '102', name: '中国工商银行股份有限公司', shortName: '工商银行' },
  { code: '103', name: '中国农业银行股份有限公司', shortName: '农业银行' },
  { code: '104', name: '中国银行股份有限公司', shortName: '中国银行' },
  { code: '105', name: '中国建设银行股份有限公司', shortName: '建设银行' },
  { code: '301', name: '交通银行股份有限公司', shortName: '交通银行' },
  { code: '302', name: '中信银行股份有限公司', shortName: '中信银行' },
  { code: '303', name: '中国光大银行股份有限公司', shortName: '光大银行' },
  { code: '305', name: '中国民生银行股份有限公司', shortName: '民生银行' },
  { code: '306', name: '广发银行股份有限公司', shortName: '广发银行' },
  { code: '307', name: '平安银行股份有限公司', shortName: '平安银行' },
  { code: '308', name: '招商银行股份有限公司', shortName: '招商银行' },
  { code: '309', name: '兴业银行股份有限公司', shortName: '兴业银行' },
  { code: '310', name: '上海浦东发展银行股份有限公司', shortName: '浦发银行' },
  { code: '403', name: '中国邮政储蓄银行股份有限公司', shortName: '邮储银行' },
];

const checkDigit = (first11: string): string =>
  String([...first11].reduce((sum, d, i) => sum + Number(d) * (i % 2 === 0 ? 3 : 1), 0) % 10);

// Branch names drop the county suffix like real ones do (天河支行, 始兴支行); city-proper
// divisions (东莞, 中山) get a 分行营业部 and two generic sub-branches instead.
const TOWN_BRANCHES = ['分行营业部', '城区支行', '开发区支行'];

const branchPlace = (county: string): string => {
  const bare = county.replace(/(壮族瑶族自治县|瑶族自治县|区|县|市)$/, '');
  return bare.length >= 2 ? bare : county;
};

const buildBranches = (): BankBranch[] => {
  const out: BankBranch[] = [];
  for (const bank of banks) {
    for (const city of guangdongCities) {
      const cityShort = city.name.replace(/市$/, '');
      const area = city.code.slice(0, 4);
      const counties = districtsOf(city.code);
      const names =
        counties.length === 1 && counties[0]?.kind === 'city-proper'
          ? TOWN_BRANCHES.map((b) => ({
              name: `${cityShort}${b}`,
              divisionCode: counties[0]?.code ?? city.code,
            }))
          : counties.map((d) => ({
              name: `${cityShort}${branchPlace(d.name)}支行`,
              divisionCode: d.code,
            }));
      names.forEach((n, i) => {
        const first11 = `${bank.code}${area}${String(i + 1).padStart(4, '0')}`;
        out.push({
          code: first11 + checkDigit(first11),
          bankCode: bank.code,
          cityCode: city.code,
          divisionCode: n.divisionCode,
          name: `${bank.name}${n.name}`,
        });
      });
    }
  }
  return out;
};

export const bankBranches: readonly BankBranch[] = buildBranches();
const branchByCode = new Map(bankBranches.map((b) => [b.code, b]));

export const findBank = (code: string): Bank | undefined => banks.find((b) => b.code === code);
export const findBranch = (code: string): BankBranch | undefined => branchByCode.get(code);

/** Branches of a bank, optionally only those in one prefecture-level city (6-digit code). */
export const branchesOf = (bankCode: string, cityCode?: string): BankBranch[] =>
  bankBranches.filter((b) => b.bankCode === bankCode && (cityCode === undefined || b.cityCode === cityCode));
