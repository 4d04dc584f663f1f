import type { LocalizedText } from '../text';

/**
 * The items of a change registration (变更登记) and of a filing (备案), lifecycle.md §1.1–2, §1.4,
 * §1.14–15, as data: what kind each is, which vote it needs, whether it is printed on the business
 * licence, whether it invalidates the e-seals and whether the platform may decide it at once.
 */
export const CHANGE_ITEM_KEYS = [
  'name',
  'type',
  'address',
  'scope',
  'capital',
  'legal-representative',
  'shareholders',
  'articles',
  'contributions',
  'term',
  'officers',
  'liaison',
  'beneficial-owners',
] as const;
export type ChangeItemKey = (typeof CHANGE_ITEM_KEYS)[number];

export type ChangeItemRule = {
  key: ChangeItemKey;
  /** 变更登记 (registered item, REG §8) or 备案 (filed item, REG §9). */
  kind: 'change' | 'filing';
  /** CL §66: articles, capital and the company form need ≥ 2/3 of the voting rights. */
  vote: 'two-thirds' | 'majority';
  /** Printed on the business licence, so approval issues a new version (REG §28). */
  onLicence: boolean;
  /** A change of name, legal representative or type invalidates the e-seals (§1.15). */
  invalidatesSeals: boolean;
  /**
   * 秒批 (§1.14): `always` for filings, `conditional` when the item itself decides (address within
   * the same authority, scope without licensed items), `never` for a reviewer.
   */
  automatic: 'always' | 'conditional' | 'never';
  label: LocalizedText;
  basis: string;
};

export const changeItemRules: readonly ChangeItemRule[] = [
  {
    key: 'name',
    kind: 'change',
    vote: 'majority',
    onLicence: true,
    invalidatesSeals: true,
    automatic: 'never',
    label: { zh: '名称', en: 'Name' },
    basis: 'REG §8, §24',
  },
  {
    key: 'type',
    kind: 'change',
    vote: 'two-thirds',
    onLicence: true,
    invalidatesSeals: true,
    automatic: 'never',
    label: { zh: '公司类型', en: 'Company type' },
    basis: 'REG §8; CL §66',
  },
  {
    key: 'address',
    kind: 'change',
    vote: 'majority',
    onLicence: true,
    invalidatesSeals: false,
    automatic: 'conditional',
    label: { zh: '住所', en: 'Address' },
    basis: 'REG §8, §27',
  },
  {
    key: 'scope',
    kind: 'change',
    vote: 'majority',
    onLicence: true,
    invalidatesSeals: false,
    automatic: 'conditional',
    label: { zh: '经营范围', en: 'Business scope' },
    basis: 'REG §8, §26',
  },
  {
    key: 'capital',
    kind: 'change',
    vote: 'two-thirds',
    onLicence: true,
    invalidatesSeals: false,
    automatic: 'never',
    label: { zh: '注册资本', en: 'Registered capital' },
    basis: 'REG §8; CL §66, §224',
  },
  {
    key: 'legal-representative',
    kind: 'change',
    vote: 'majority',
    onLicence: true,
    invalidatesSeals: true,
    automatic: 'never',
    label: { zh: '法定代表人', en: 'Legal representative' },
    basis: 'REG §8; CL §10, §35',
  },
  {
    // The names of an LLC's shareholders are registered (§1.1); a transfer needs no 2/3 vote: the
    // articles' record of shareholders follows it without a further resolution (CL §87).
    key: 'shareholders',
    kind: 'change',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'never',
    label: { zh: '股东（股权转让）', en: 'Shareholders (equity transfer)' },
    basis: 'REG §8; CL §32, §84, §87, §88',
  },
  {
    key: 'articles',
    kind: 'filing',
    vote: 'two-thirds',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '章程修正', en: 'Articles amendment' },
    basis: 'REG §9; CL §66',
  },
  {
    key: 'contributions',
    kind: 'filing',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '股东认缴出资额及出资期限', en: 'Shareholders’ subscriptions and terms' },
    basis: 'REG §9; CL §47; SC784 §2, §4',
  },
  {
    key: 'term',
    kind: 'filing',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '营业期限', en: 'Business term' },
    basis: 'REG §9',
  },
  {
    key: 'officers',
    kind: 'filing',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '董事、监事、经理', en: 'Directors, supervisors, manager' },
    basis: 'REG §9; RULES §7',
  },
  {
    key: 'liaison',
    kind: 'filing',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '登记联络员', en: 'Registration liaison' },
    basis: 'REG §9; RULES §7',
  },
  {
    key: 'beneficial-owners',
    kind: 'filing',
    vote: 'majority',
    onLicence: false,
    invalidatesSeals: false,
    automatic: 'always',
    label: { zh: '受益所有人', en: 'Beneficial owners' },
    basis: 'REG §9; RULES §7',
  },
];

/**
 * Items never shown on the disclosure page: beneficial-owner information goes to the authorities
 * only (RULES §7 files it; nothing makes it public).
 */
export const UNDISCLOSED_ITEMS: readonly ChangeItemKey[] = ['beneficial-owners'];

export const changeItemRule = (key: ChangeItemKey): ChangeItemRule => {
  const rule = changeItemRules.find((r) => r.key === key);
  if (!rule) throw new Error(`unknown change item ${key}`);
  return rule;
};

/** Days and limits of §1, each with its source. */
export const CHANGE_LIMITS = {
  /** Apply within 30 days of the resolution (REG §24, §29; RULES §31, §39) — a duty, not a refusal. */
  applyWithinDays: 30,
  /** Ordinary capital reduction (CL §224): creditors notified within 10 days of the resolution. */
  notifyCreditorsWithinDays: 10,
  /** … announced within 30 days of the resolution on the disclosure page. */
  announceWithinDays: 30,
  /** … creditors may claim within 45 days of the announcement; only then may the company apply. */
  claimWindowDays: 45,
  /** §1.16: delegations granted by the outgoing legal representative end unless confirmed in 30 days. */
  delegationConfirmDays: 30,
  /** … with notice to the delegate 7 days before. */
  delegationNoticeDaysBefore: 7,
} as const;

/**
 * Statutory minimum registered capital for business-scope items that carry one. Since the 2014
 * reform an ordinary LLC has no general minimum; special laws keep some (labour dispatch ¥2,000,000,
 * 劳动合同法 §57). A reduction may not go below the highest minimum of the company's scope, nor to 0.
 */
export const statutoryMinimumCapital: readonly { scopeCode: string; minimum: string; basis: string }[] = [
  { scopeCode: 'L726401', minimum: '2000000.00', basis: '劳动合同法 §57' },
];
