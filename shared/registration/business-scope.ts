import { DomainError } from '../domain-error';
import { type LocalizedText, text } from '../text';
import { generalScopeEntries } from './business-scope-general';
import { licensedScopeEntries } from './business-scope-licensed';
import type { ScopeEntry } from './business-scope-types';

export type { ScopeEntry, ScopeKind } from './business-scope-types';

/** The standardized business scope catalogue: choose from it, never free text. */
export const businessScopeCatalogue: readonly ScopeEntry[] = [
  ...generalScopeEntries,
  ...licensedScopeEntries,
];

/** GB/T 4754-2017 sections the catalogue uses. */
export const scopeCategories: Readonly<Record<string, LocalizedText>> = {
  A: text('农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'),
  C: text('制造业', 'Manufacturing'),
  D: text('电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water'),
  E: text('建筑业', 'Construction'),
  F: text('批发和零售业', 'Wholesale and retail'),
  G: text('交通运输、仓储和邮政业', 'Transport, storage and postal services'),
  H: text('住宿和餐饮业', 'Accommodation and catering'),
  I: text('信息传输、软件和信息技术服务业', 'Information transmission, software and IT services'),
  K: text('房地产业', 'Real estate'),
  L: text('租赁和商务服务业', 'Leasing and business services'),
  M: text('科学研究和技术服务业', 'Scientific research and technical services'),
  N: text('水利、环境和公共设施管理业', 'Water, environment and public facilities management'),
  O: text('居民服务、修理和其他服务业', 'Resident, repair and other services'),
  P: text('教育', 'Education'),
  Q: text('卫生和社会工作', 'Health and social work'),
  R: text('文化、体育和娱乐业', 'Culture, sports and entertainment'),
};

const byCode = new Map(businessScopeCatalogue.map((e) => [e.code, e]));

export const findScopeEntry = (code: string): ScopeEntry | undefined => byCode.get(code);

/** Every licence type key the catalogue refers to, for reconciling with shared/licences. */
export const scopeLicenceTypeKeys: readonly string[] = [
  ...new Set(businessScopeCatalogue.flatMap((e) => (e.licenceTypeKey ? [e.licenceTypeKey] : []))),
].sort();

/**
 * Keyword search over Chinese wording, English wording, aliases and codes. Space-separated
 * words must all match. Ranked: exact wording, wording prefix, wording contains, code, English.
 */
export const searchScope = (query: string, options: { limit?: number } = {}): ScopeEntry[] => {
  const limit = options.limit ?? 20;
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || limit <= 0) return [];
  const scored: { entry: ScopeEntry; score: number; index: number }[] = [];
  businessScopeCatalogue.forEach((entry, index) => {
    const zh = entry.wording.zh;
    const en = entry.wording.en.toLowerCase();
    const code = entry.code.toLowerCase();
    const aliases = (entry.aliases ?? []).map((a) => a.toLowerCase());
    let score = 0;
    for (const w of words) {
      const s =
        zh === w
          ? 100
          : zh.startsWith(w)
            ? 60
            : zh.includes(w)
              ? 40
              : aliases.some((a) => a.includes(w))
                ? 30
                : code.startsWith(w)
                  ? 25
                  : en.includes(w)
                    ? 10
                    : 0;
      if (s === 0) return;
      score += s;
    }
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.entry);
};

export type RequiredLicence = {
  licenceTypeKey: string;
  /** `licence`: approval before operating (许可项目); `filing`: a 备案 for a general item. */
  kind: 'licence' | 'filing';
  scopeCodes: string[];
};

/** The licences (and filings) a chosen scope needs, in order of first appearance. */
export const licencesRequiredFor = (codes: readonly string[]): RequiredLicence[] => {
  const out = new Map<string, RequiredLicence>();
  codes.forEach((code, i) => {
    const entry = byCode.get(code);
    if (!entry) {
      throw new DomainError(
        'SCOPE_NOT_IN_CATALOGUE',
        text(`经营范围代码 ${code} 不在规范表述目录中`, `Scope code ${code} is not in the catalogue`),
        { field: `businessScope.${i}` },
      );
    }
    if (!entry.licenceTypeKey) return;
    const kind = entry.kind === 'licensed' ? 'licence' : 'filing';
    const existing = out.get(entry.licenceTypeKey);
    if (existing) {
      if (!existing.scopeCodes.includes(code)) existing.scopeCodes.push(code);
      if (kind === 'licence') existing.kind = 'licence';
    } else {
      out.set(entry.licenceTypeKey, { licenceTypeKey: entry.licenceTypeKey, kind, scopeCodes: [code] });
    }
  });
  return [...out.values()];
};
