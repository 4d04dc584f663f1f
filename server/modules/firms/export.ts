import type { Ledger, Roster } from '../../../shared/api/firms';
import { decodeRosterRow } from '../../../shared/firms/roster';
import { delegationStateName, filingStateName } from '../../../shared/firms/client-state';
import { statusName } from '../../../shared/delegation/status';
import { scopeInfo, type ScopeKey } from '../../../shared/delegation/scopes';
import { IMPORT_COLUMNS } from '../../../shared/firms/client-import';
import type { Lang } from '../../../shared/text';
import { chinaMinute } from '../../../shared/time/china';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxType = XLSX;

/** Instants as China time, the way a firm's staff read them. */
const cst = (iso: string | null): string => (iso ? chinaMinute(iso) : '');

const sheet = async (
  name: string,
  columns: { header: string; width: number }[],
  rows: (string | number)[][],
): Promise<Buffer> => {
  // Loaded on the first export only.
  const { writeSheet } = await import('../../xlsx/write');
  return writeSheet({
    name,
    rows: [columns.map((c) => c.header), ...rows],
    widths: columns.map((c) => c.width),
    header: true,
    // The USCC column holds codes, not numbers: keep Excel from turning them into 9.1E+17.
    textColumns: [0],
  });
};

const TAXES = {
  vat: { zh: '增值税', en: 'VAT' },
  'cit-prepay': { zh: '企业所得税预缴', en: 'CIT prepayment' },
  'cit-annual': { zh: '企业所得税汇算清缴', en: 'CIT annual' },
};

export const rosterWorkbook = (roster: Roster, lang: Lang): Promise<Buffer> => {
  const zh = lang === 'zh';
  const h = (a: string, b: string) => (zh ? a : b);
  const columns = [
    { header: h('统一社会信用代码', 'USCC'), width: 22 },
    { header: h('企业名称', 'Company'), width: 36 },
    { header: h('分组', 'Groups'), width: 14 },
    { header: h('联系人', 'Contact'), width: 16 },
    { header: h('授权状态', 'Authorization'), width: 14 },
    { header: h('授权到期', 'Authorized until'), width: 18 },
    { header: h('剩余天数', 'Days left'), width: 10 },
    {
      header: h(
        `增值税（${roster.periods.quarter}/${roster.periods.month}）`,
        `VAT (${roster.periods.quarter}/${roster.periods.month})`,
      ),
      width: 18,
    },
    { header: h(`企业所得税（${roster.periods.cit}）`, `CIT (${roster.periods.cit})`), width: 18 },
    { header: h('下一申报期限', 'Next deadline'), width: 14 },
    { header: h('到期事项', 'Due'), width: 16 },
    { header: h('90天内到期证照', 'Licences ending ≤ 90 days'), width: 14 },
    { header: h('最近办理', 'Last activity'), width: 18 },
  ];
  const rows = roster.rows.map((t) => {
    const r = decodeRosterRow(t);
    return [
      r.uscc,
      r.name,
      r.groups.map((g) => roster.groups[g]?.name ?? '').join('、'),
      r.contact ?? '',
      delegationStateName[r.delegation][lang],
      cst(r.validUntil),
      r.daysLeft ?? '',
      filingStateName[r.vat][lang],
      filingStateName[r.cit][lang],
      r.nextDeadline ?? '',
      r.nextTax ? TAXES[r.nextTax][lang] : '',
      r.licencesExpiring,
      cst(r.lastActivity),
    ];
  });
  return sheet(zh ? '客户名册' : 'Clients', columns, rows);
};

export const ledgerWorkbook = (ledger: Ledger, lang: Lang): Promise<Buffer> => {
  const zh = lang === 'zh';
  const h = (a: string, b: string) => (zh ? a : b);
  const columns = [
    { header: h('统一社会信用代码', 'USCC'), width: 22 },
    { header: h('企业名称', 'Company'), width: 36 },
    { header: h('法定代表人', 'Legal representative'), width: 12 },
    { header: h('状态', 'Status'), width: 10 },
    { header: h('授权范围', 'Scopes'), width: 40 },
    { header: h('生效', 'From'), width: 18 },
    { header: h('到期', 'Until'), width: 18 },
    { header: h('剩余天数', 'Days left'), width: 10 },
    { header: h('申请链接失效', 'Link expires'), width: 18 },
    { header: h('自动重发次数', 'Automatic re-sends'), width: 12 },
    { header: h('申请人', 'Requested by'), width: 12 },
  ];
  const rows = ledger.rows.map((r) => [
    r.uscc,
    r.companyName,
    r.grantorName,
    r.lapsed ? statusName.expired[lang] : statusName[r.status][lang],
    r.scopes.map((s) => scopeInfo(s as ScopeKey)?.name[lang] ?? s).join(zh ? '、' : ', '),
    cst(r.validFrom),
    cst(r.validUntil),
    r.daysLeft ?? '',
    cst(r.linkExpiresAt),
    r.autoResends,
    r.requestedBy,
  ]);
  return sheet(zh ? '授权台账' : 'Authorizations', columns, rows);
};

/** An empty import sheet with the expected headers. */
export const importTemplate = (lang: Lang): Promise<Buffer> => {
  const i = lang === 'zh' ? 0 : 2;
  const columns = (['uscc', 'name', 'contact', 'group'] as const).map((k) => ({
    header: IMPORT_COLUMNS[k][i] ?? k,
    width: k === 'name' ? 36 : 22,
  }));
  // Never a string ending in " import": electron-vite's ESM shim takes `import"…"` in the main bundle for an import statement.
  return sheet(lang === 'zh' ? '客户导入' : 'Import clients', columns, []);
};
