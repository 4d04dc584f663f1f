import { type LocalizedText, text } from '../text';
import {
  districtsOf,
  findRegionName,
  isPlaceName,
  matchBareDistrictPrefix,
  matchRegionPrefix,
} from './divisions';
import {
  forbiddenCategoryReason,
  findForbiddenWords,
  findRestrictedPrefix,
  findRestrictedWords,
} from './forbidden-words';
import { industryAlternatives, isIndustryTerm, matchIndustrySuffix, sameIndustry } from './industry-terms';
import { findFamousMarks } from './famous-marks';
import { findCharProblems } from './name-chars';

/**
 * Company name self-declaration (企业名称自主申报): 行政区划 + 字号 + 行业或经营特点 + 组织形式.
 * The same function runs as the applicant types and on the server before submission.
 */

export type NameProblemCode =
  | 'NAME_STRUCTURE'
  | 'REGION_MISSING'
  | 'DISTRICT_WITHOUT_CITY'
  | 'NON_CHINESE_CHARS'
  | 'NON_STANDARD_CHARS'
  | 'TRADE_NAME_TOO_SHORT'
  | 'TRADE_NAME_IS_REGION'
  | 'TRADE_NAME_IS_INDUSTRY'
  | 'INDUSTRY_MISSING'
  | 'FORBIDDEN_WORD'
  | 'RESTRICTED_PREFIX'
  | 'RESTRICTED_WORD'
  | 'FAMOUS_TRADE_NAME'
  | 'FORM_MISMATCH'
  | 'NAME_TAKEN'
  | 'SAME_TRADE_NAME_OTHER_INDUSTRY';

export type NameProblem = { code: NameProblemCode; severity: 'error' | 'warning'; text: LocalizedText };
export type NameParts = { region: string; tradeName: string; industry: string; form: string };
export type ExistingCompanyName = {
  name: string;
  tradeName: string;
  industry: string;
  region: string;
  /** Held by a registration or name change still in progress, not (yet) by a company. */
  pending?: boolean;
};
export type NameCheckContext = { existing: readonly ExistingCompanyName[]; legalForm: 'llc' | 'sole-llc' };
export type NameCheckResult = {
  ok: boolean;
  parts?: NameParts;
  problems: NameProblem[];
  suggestions: string[];
};

const LLC_FORMS = ['有限责任公司', '有限公司'] as const;
// Checked before LLC_FORMS: 股份有限公司 also ends with 有限公司.
const OTHER_FORMS = [
  '股份有限公司',
  '（普通合伙）',
  '（有限合伙）',
  '合伙企业',
  '个人独资企业',
  '分公司',
  '集团',
  '厂',
  '店',
];
const EXTRA_CHARS = [...'达恒盛嘉源汇创睿远凯'];
const MAX_SUGGESTIONS = 5;

const err = (code: NameProblemCode, zh: string, en: string): NameProblem => ({
  code,
  severity: 'error',
  text: text(zh, en),
});
const warn = (code: NameProblemCode, zh: string, en: string): NameProblem => ({
  code,
  severity: 'warning',
  text: text(zh, en),
});

type Parsed = { parts: NameParts; parenthesised: boolean; problems: NameProblem[] };

const splitForm = (name: string, problems: NameProblem[]): { rest: string; form: string } => {
  const other = OTHER_FORMS.find((f) => name.endsWith(f));
  if (other) {
    problems.push(
      err(
        'FORM_MISMATCH',
        `组织形式"${other}"与有限责任公司不符，应为"有限公司"或"有限责任公司"`,
        `"${other}" does not match a limited liability company; use 有限公司 or 有限责任公司`,
      ),
    );
    return { rest: name.slice(0, -other.length), form: other };
  }
  const form = LLC_FORMS.find((f) => name.endsWith(f));
  if (form) return { rest: name.slice(0, -form.length), form };
  problems.push(
    err(
      'NAME_STRUCTURE',
      '名称应以组织形式"有限公司"或"有限责任公司"结尾',
      'The name must end with the organisation form 有限公司 or 有限责任公司',
    ),
  );
  return { rest: name, form: '' };
};

/** The region a text starts with, levels combined: 广东省广州市…, 广州市天河区…, 广州天河区…. */
const resolveRegionPrefix = (body: string): { name: string; divisionCode: string } | undefined => {
  let current = matchRegionPrefix(body);
  if (!current) return undefined;
  let name = current.name;
  if (current.level === 'province') {
    const lower = matchRegionPrefix(body.slice(name.length));
    if (lower && lower.level !== 'province') {
      current = lower;
      name += lower.name;
    }
  }
  if (current.level === 'city') {
    const rest = body.slice(name.length);
    const own = districtsOf(current.divisionCode).find(
      (d) => d.kind === 'district' && rest.startsWith(d.name),
    );
    if (own) return { name: name + own.name, divisionCode: own.code };
  }
  return { name, divisionCode: current.divisionCode };
};

/** Region in front, or in full-width brackets after the 字号 (云帆科技（广州）有限公司). */
const splitRegion = (
  body: string,
  problems: NameProblem[],
): { region: string; rest: string; parenthesised: boolean } => {
  const bracket = /（([^（）]+)）/.exec(body);
  if (bracket && bracket.index > 0 && findRegionName(bracket[1] ?? '')) {
    return { region: bracket[1] ?? '', rest: body.replace(bracket[0], ''), parenthesised: true };
  }
  const region = resolveRegionPrefix(body);
  if (region) {
    const rest = body.slice(region.name.length);
    const stray = matchBareDistrictPrefix(rest);
    if (stray) problems.push(districtWithoutCity(stray.district.name, stray.city.name));
    return { region: region.name, rest, parenthesised: false };
  }
  const bare = matchBareDistrictPrefix(body);
  if (bare) {
    problems.push(districtWithoutCity(bare.district.name, bare.city.name));
    return { region: bare.district.name, rest: body.slice(bare.district.name.length), parenthesised: false };
  }
  problems.push(
    err(
      'REGION_MISSING',
      '名称应以企业所在地的行政区划开头，例如"广州市"或"广州市天河区"',
      'The name must start with the region where the company is, e.g. 广州市 or 广州市天河区',
    ),
  );
  return { region: '', rest: body, parenthesised: false };
};

const districtWithoutCity = (district: string, city: string): NameProblem =>
  err(
    'DISTRICT_WITHOUT_CITY',
    `区名"${district}"前应冠以所属的市名，写作"${city}${district}"`,
    `The district ${district} must be preceded by its city: ${city}${district}`,
  );

const splitIndustry = (middle: string): { tradeName: string; industry: string } => {
  const industry = matchIndustrySuffix(middle, 1) ?? (isIndustryTerm(middle) ? middle : undefined);
  return industry
    ? { tradeName: middle.slice(0, -industry.length), industry }
    : { tradeName: middle, industry: '' };
};

const parse = (name: string, problems: NameProblem[]): Parsed => {
  const { rest, form } = splitForm(name, problems);
  const { region, rest: middle, parenthesised } = splitRegion(rest, problems);
  const { tradeName, industry } = splitIndustry(middle);
  return { parts: { region, tradeName, industry, form }, parenthesised, problems };
};

const checkCharacters = (name: string, parenthesised: boolean, problems: NameProblem[]): void => {
  const found = findCharProblems(name, parenthesised ? new Set(['（', '）']) : new Set());
  const foreign = found.filter((p) => p.kind === 'non-chinese').map((p) => p.char);
  const traditional = found.filter((p) => p.kind === 'traditional').map((p) => p.char);
  if (foreign.length > 0) {
    const list = foreign.map((c) => (c.trim() === '' ? '空格' : c)).join(' ');
    problems.push(
      err(
        'NON_CHINESE_CHARS',
        `名称只能使用规范汉字，不能含有字母、数字或标点：${list}`,
        `Only standard Chinese characters are allowed, no letters, digits or punctuation: ${list}`,
      ),
    );
  }
  if (traditional.length > 0) {
    problems.push(
      err(
        'NON_STANDARD_CHARS',
        `请使用规范简化字，不能使用繁体字：${traditional.join(' ')}`,
        `Use standard simplified characters, not traditional ones: ${traditional.join(' ')}`,
      ),
    );
  }
};

const checkWords = (name: string, problems: NameProblem[]): void => {
  for (const hit of findForbiddenWords(name)) {
    const why = forbiddenCategoryReason[hit.category];
    problems.push(
      err(
        'FORBIDDEN_WORD',
        `名称不得含有"${hit.word}"（${why.zh}）`,
        `The name may not contain "${hit.word}" (${why.en})`,
      ),
    );
  }
  const prefix = findRestrictedPrefix(name);
  if (prefix) {
    problems.push(
      err(
        'RESTRICTED_PREFIX',
        `名称不得以"${prefix}"开头（须经国务院批准）`,
        `A name may not begin with "${prefix}" without State Council approval`,
      ),
    );
  }
  for (const word of findRestrictedWords(name)) {
    problems.push(
      err(
        'RESTRICTED_WORD',
        `名称中不得含有"${word}"（仅经批准的外商投资企业或中央企业可使用，本平台不受理此类名称）`,
        `The name may not contain "${word}" (only approved foreign-invested or central enterprises may; this platform does not accept such names)`,
      ),
    );
  }
};

const checkTradeName = ({ tradeName, industry }: NameParts, problems: NameProblem[]): void => {
  if ([...tradeName].length < 2) {
    problems.push(
      err(
        'TRADE_NAME_TOO_SHORT',
        tradeName === '' ? '名称缺少字号' : `字号"${tradeName}"至少应有两个汉字`,
        tradeName === ''
          ? 'The name has no trade name (字号)'
          : `The trade name "${tradeName}" needs at least 2 characters`,
      ),
    );
  } else if (isPlaceName(tradeName)) {
    problems.push(
      err(
        'TRADE_NAME_IS_REGION',
        `字号"${tradeName}"是行政区划名称，不能作为字号`,
        `The trade name "${tradeName}" is a place name`,
      ),
    );
  } else if (isIndustryTerm(tradeName)) {
    problems.push(
      err(
        'TRADE_NAME_IS_INDUSTRY',
        `字号"${tradeName}"是行业用语，不能作为字号`,
        `The trade name "${tradeName}" is an industry term`,
      ),
    );
  }
  for (const mark of findFamousMarks(tradeName)) {
    problems.push(
      warn(
        'FAMOUS_TRADE_NAME',
        `字号含有知名字号"${mark}"，可能因误导公众被驳回，将转人工审核`,
        `The trade name uses the well-known mark "${mark}": it may be refused as misleading and goes to manual review`,
      ),
    );
  }
  if (industry === '') {
    problems.push(
      warn(
        'INDUSTRY_MISSING',
        '名称中未能识别行业或经营特点；只有跨行业综合经营的企业可以省略',
        'No industry term recognised; only cross-industry businesses may omit it',
      ),
    );
  }
};

/** Short and full forms of the same place compare equal (广州 = 广州市). */
const regionKey = (region: string): string => {
  const resolved = resolveRegionPrefix(region);
  return resolved && resolved.name === region ? resolved.divisionCode : region;
};

const checkUniqueness = (
  name: string,
  parts: NameParts,
  ctx: NameCheckContext,
  problems: NameProblem[],
): void => {
  const key = regionKey(parts.region);
  const sameTrade = ctx.existing.filter(
    (e) => e.tradeName === parts.tradeName && regionKey(e.region) === key,
  );
  const taken =
    ctx.existing.find((e) => e.name === name) ??
    sameTrade.find((e) => sameIndustry(e.industry, parts.industry));
  if (taken) {
    problems.push(
      taken.pending
        ? err(
            'NAME_TAKEN',
            `名称"${taken.name}"已被另一件正在办理的设立登记或名称变更申请保留，该申请办结前不能使用相同或字号、行业相同的名称`,
            `The name ${taken.name} is reserved by another registration or name change in progress; until that application ends, neither it nor a name with the same trade name and industry can be used`,
          )
        : err(
            'NAME_TAKEN',
            `同一登记区域内已有字号和行业相同的企业"${taken.name}"`,
            `A company with the same trade name and industry already exists in this region: ${taken.name}`,
          ),
    );
    return;
  }
  const similar = sameTrade[0];
  if (similar) {
    problems.push(
      warn(
        'SAME_TRADE_NAME_OTHER_INDUSTRY',
        `已有同字号、不同行业的企业"${similar.name}"，可以登记，但请注意区分`,
        `${similar.name} has the same trade name in another industry: allowed, but may cause confusion`,
      ),
    );
  }
};

const evaluate = (name: string, ctx: NameCheckContext): { problems: NameProblem[]; parsed: Parsed } => {
  const problems: NameProblem[] = [];
  const parsed = parse(name, problems);
  checkCharacters(name, parsed.parenthesised, problems);
  checkWords(name, problems);
  checkTradeName(parsed.parts, problems);
  if (parsed.parts.tradeName !== '') checkUniqueness(name, parsed.parts, ctx, problems);
  return { problems, parsed };
};

const hasErrors = (problems: readonly NameProblem[]): boolean => problems.some((p) => p.severity === 'error');

/** Errors a changed 字号 or industry wording can cure; with any other error we suggest nothing. */
const FIXABLE: ReadonlySet<NameProblemCode> = new Set([
  'NAME_TAKEN',
  'TRADE_NAME_TOO_SHORT',
  'TRADE_NAME_IS_REGION',
  'TRADE_NAME_IS_INDUSTRY',
  'FORM_MISMATCH',
]);

const interleave = (lists: readonly string[][]): string[] => {
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i += 1) {
    for (const l of lists) {
      const item = l[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
};

/**
 * Alternatives that themselves pass every check, taken in turn from each way of changing the
 * name (add a character after / before the 字号, swap the industry wording): clean ones first,
 * then ones with warnings only.
 */
const suggest = (parsed: Parsed, problems: readonly NameProblem[], ctx: NameCheckContext): string[] => {
  const { region, tradeName, industry } = parsed.parts;
  if (region === '' || !hasErrors(problems)) return [];
  if (problems.some((p) => p.severity === 'error' && !FIXABLE.has(p.code))) return [];
  const form = LLC_FORMS.find((f) => f === parsed.parts.form) ?? '有限公司';
  const compose = (t: string, i: string): string =>
    parsed.parenthesised ? `${t}${i}（${region}）${form}` : `${region}${t}${i}${form}`;
  const alternatives =
    industryAlternatives.find((g) => g.includes(industry))?.filter((i) => i !== industry) ?? [];
  const tradeUsable = [...tradeName].length >= 2 && !isPlaceName(tradeName) && !isIndustryTerm(tradeName);
  const families = [
    EXTRA_CHARS.map((c) => compose(tradeName + c, industry)),
    tradeUsable ? alternatives.map((i) => compose(tradeName, i)) : [],
    EXTRA_CHARS.map((c) => compose(c + tradeName, industry)),
  ];
  const clean: string[][] = [];
  const warned: string[][] = [];
  for (const family of families) {
    const c: string[] = [];
    const w: string[] = [];
    for (const candidate of family) {
      const result = evaluate(candidate, ctx).problems;
      if (result.length === 0) c.push(candidate);
      else if (!hasErrors(result)) w.push(candidate);
    }
    clean.push(c);
    warned.push(w);
  }
  return [...new Set([...interleave(clean), ...interleave(warned)])].slice(0, MAX_SUGGESTIONS);
};

export const checkCompanyName = (name: string, ctx: NameCheckContext): NameCheckResult => {
  if (name.trim() === '') {
    return {
      ok: false,
      problems: [err('NAME_STRUCTURE', '请填写企业名称', 'Enter the company name')],
      suggestions: [],
    };
  }
  const { problems, parsed } = evaluate(name, ctx);
  return {
    ok: !hasErrors(problems),
    parts: parsed.parts,
    problems,
    suggestions: suggest(parsed, problems, ctx),
  };
};
