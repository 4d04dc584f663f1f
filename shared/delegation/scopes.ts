import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text, type LocalizedText } from '../text';

/** What a delegate may do for a company, in plain language. */
export const SCOPE_KEYS = [
  'company.view',
  'tax.file',
  'tax.pay',
  'registration.change',
  'licence.apply',
  'licence.use',
  'invoice.manage',
  'social.manage',
  'annual-report.file',
] as const;

export const ScopeKey = z.enum(SCOPE_KEYS);
export type ScopeKey = z.infer<typeof ScopeKey>;

export type ScopeInfo = {
  key: ScopeKey;
  name: LocalizedText;
  description: LocalizedText;
  implies: ScopeKey[];
};

export const scopeCatalogue: readonly ScopeInfo[] = [
  {
    key: 'company.view',
    name: { zh: '查看企业信息', en: 'View company information' },
    description: {
      zh: '查看登记信息、证照、申报记录和办件进度。',
      en: 'See registration facts, licences, returns and case progress.',
    },
    implies: [],
  },
  {
    key: 'tax.file',
    name: { zh: '税费申报', en: 'File tax returns' },
    description: {
      zh: '填写、提交和更正增值税、附加税费和企业所得税申报。',
      en: 'Prepare, submit and correct VAT, surcharge and corporate income tax returns.',
    },
    implies: ['company.view'],
  },
  {
    key: 'tax.pay',
    name: { zh: '缴纳税款', en: 'Pay taxes' },
    description: { zh: '对已申报的税款发起缴纳。', en: 'Pay the tax due on filed returns.' },
    implies: ['company.view'],
  },
  {
    key: 'registration.change',
    name: { zh: '登记变更', en: 'Change registration' },
    description: {
      zh: '办理企业登记事项的变更和备案。',
      en: 'Apply for changes to the company registration.',
    },
    implies: ['company.view'],
  },
  {
    key: 'licence.apply',
    name: { zh: '许可申请', en: 'Apply for licences' },
    description: {
      zh: '代企业申请新办、延续或变更许可。',
      en: 'Apply for new, renewed or changed licences on the company’s behalf.',
    },
    implies: ['company.view'],
  },
  {
    key: 'licence.use',
    name: { zh: '用证', en: 'Use licences' },
    description: {
      zh: '在办事时调用企业的电子证照，或把证照分享给第三方。',
      en: 'Attach the company’s e-licences to applications or share them with third parties.',
    },
    implies: ['company.view'],
  },
  {
    key: 'invoice.manage',
    name: { zh: '发票管理', en: 'Manage invoices' },
    description: {
      zh: '导入和查看企业的数电发票。',
      en: 'Import and review the company’s digital e-invoices.',
    },
    implies: ['company.view'],
  },
  {
    key: 'social.manage',
    name: { zh: '社保公积金', en: 'Social insurance & housing fund' },
    description: {
      zh: '办理社保和公积金登记与申报。',
      en: 'Handle social insurance and housing fund registration and filings.',
    },
    implies: ['company.view'],
  },
  {
    key: 'annual-report.file',
    name: { zh: '企业年报', en: 'File annual reports' },
    description: {
      zh: '报送和更正企业年度报告，申请移出经营异常名录。',
      en: 'File and correct the company’s annual reports and apply for removal from the abnormal operations list.',
    },
    implies: ['company.view'],
  },
];

export const scopeInfo = (key: ScopeKey): ScopeInfo => scopeCatalogue.find((s) => s.key === key)!;

/** A granted set covers a scope when it names it or names a scope that implies it. */
export const scopesCover = (granted: readonly string[], needed: ScopeKey): boolean =>
  granted.includes(needed) ||
  granted.some((g) => scopeCatalogue.find((s) => s.key === g)?.implies.includes(needed));

/** What the agent is trying to do → the smallest scopes that allow it. */
export const TASK_SCOPES: Record<string, ScopeKey[]> = {
  'view-company': ['company.view'],
  'file-tax': ['tax.file'],
  'zero-filing': ['tax.file'],
  'pay-tax': ['tax.pay'],
  'apply-licence': ['licence.apply', 'licence.use'],
  'share-licence': ['licence.use'],
  'change-registration': ['registration.change'],
  'import-invoices': ['invoice.manage'],
  'file-annual-report': ['annual-report.file'],
};

export const suggestScopes = (tasks: readonly string[]): ScopeKey[] => {
  const out = new Set<ScopeKey>();
  for (const t of tasks) for (const s of TASK_SCOPES[t] ?? []) out.add(s);
  return minimalScopes(SCOPE_KEYS.filter((k) => out.has(k)));
};

/** The tasks an agent can pick from ("what are you trying to do?"), in plain language. */
export const taskCatalogue: readonly { key: keyof typeof TASK_SCOPES; name: LocalizedText }[] = [
  {
    key: 'view-company',
    name: text('查看企业信息和办件进度', 'See the company’s information and case progress'),
  },
  { key: 'file-tax', name: text('申报纳税', 'File tax returns') },
  { key: 'zero-filing', name: text('零申报', 'Zero filing') },
  { key: 'pay-tax', name: text('缴纳税款', 'Pay taxes') },
  { key: 'apply-licence', name: text('申请许可证', 'Apply for a licence') },
  { key: 'share-licence', name: text('出示或分享电子证照', 'Show or share e-licences') },
  { key: 'change-registration', name: text('办理登记变更', 'Change the registration') },
  { key: 'import-invoices', name: text('导入发票', 'Import invoices') },
  { key: 'file-annual-report', name: text('报送企业年报', 'File the annual report') },
];

export const isScopeKey = (s: string): s is ScopeKey => (SCOPE_KEYS as readonly string[]).includes(s);

/** Drops scopes that another requested scope already implies (tax.file already allows company.view). */
export const minimalScopes = (scopes: readonly ScopeKey[]): ScopeKey[] =>
  SCOPE_KEYS.filter(
    (k) => scopes.includes(k) && !scopes.some((other) => other !== k && scopeInfo(other).implies.includes(k)),
  );

/**
 * Checks requested scope names against the catalogue: at least one, each known. Returns them in
 * catalogue order without duplicates; implied scopes are kept only if asked for on their own.
 */
export const checkScopes = (requested: readonly string[]): ScopeKey[] => {
  if (requested.length === 0)
    throw new DomainError('SCOPES_REQUIRED', text('请至少选择一项授权范围。', 'Choose at least one scope.'), {
      field: 'scopes',
    });
  const unknown = requested.filter((s) => !isScopeKey(s));
  if (unknown.length > 0)
    throw new DomainError(
      'SCOPE_UNKNOWN',
      text(
        `授权范围不在目录中：${unknown.join('、')}。`,
        `Not in the scope catalogue: ${unknown.join(', ')}.`,
      ),
      { field: 'scopes' },
    );
  return SCOPE_KEYS.filter((k) => requested.includes(k));
};
