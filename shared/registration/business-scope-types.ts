import type { LocalizedText } from '../text';

export type ScopeKind = 'general' | 'licensed';

/**
 * One catalogue item. `category` is the GB/T 4754 section letter (see `scopeCategories`).
 * `licenceTypeKey` names a licence type in shared/licences: for a licensed item the approval
 * needed before operating; for a general item a filing (备案) it still needs.
 */
export type ScopeEntry = {
  code: string;
  wording: LocalizedText;
  kind: ScopeKind;
  category: string;
  licenceTypeKey?: string;
  /** Extra search words (colloquial names) that are not part of the registered wording. */
  aliases?: string[];
};
