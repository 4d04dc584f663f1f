import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { registrationRecords } from '../../db/schema';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { type Application, EsealKind, esealLabels } from '../../../shared/registration/application';
import { findScopeEntry } from '../../../shared/registration/business-scope';
import { findBank, findBranch } from '../../../shared/registration/banks';
import { issueRegistrationLicence, BUSINESS_LICENCE_TYPE, E_SEAL_TYPE } from './licence-port';
import { addEvent } from './store';

/** The new company as the records issued on approval need it. */
export type NewCompany = {
  applicationId: string;
  companyId: string;
  uscc: string;
  sequence: number;
  name: string;
  entityType: string;
  legalRepName: string;
  domicile: string;
  divisionCode: string;
  registrationAuthority: string;
  establishedOn: string;
};

/** 经营范围 as a licence prints it: general items, then licensed items with the standard note. */
export const scopeText = (codes: readonly string[]): string => {
  const entries = codes.flatMap((c) => findScopeEntry(c) ?? []);
  const general = entries.filter((e) => e.kind === 'general').map((e) => e.wording.zh);
  const licensed = entries.filter((e) => e.kind === 'licensed').map((e) => e.wording.zh);
  const parts: string[] = [];
  if (general.length > 0)
    parts.push(`一般项目：${general.join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`);
  if (licensed.length > 0)
    parts.push(
      `许可项目：${licensed.join('；')}（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）`,
    );
  return parts.join('。');
};

const record = async (
  tx: DbOrTx,
  c: NewCompany,
  now: Date,
  kind: (typeof registrationRecords.$inferInsert)['kind'],
  reference: string,
  detail: Record<string, string>,
  licenceId: string | null = null,
): Promise<void> => {
  await tx.insert(registrationRecords).values({
    applicationId: c.applicationId,
    companyId: c.companyId,
    kind,
    reference,
    licenceId,
    detail,
    createdAt: now,
  });
};

export const issueBusinessLicence = async (
  tx: DbOrTx,
  ctx: AppContext,
  c: NewCompany,
  app: Application,
): Promise<string> => {
  const issued = await issueRegistrationLicence(tx, ctx, {
    typeKey: BUSINESS_LICENCE_TYPE,
    companyId: c.companyId,
    validFrom: c.establishedOn,
    fields: {
      name: c.name,
      uscc: c.uscc,
      entityType: c.entityType,
      legalRepresentative: c.legalRepName,
      businessScope: scopeText(app.businessScope),
      registeredCapital: app.registeredCapital,
      establishedOn: c.establishedOn,
      domicile: c.domicile,
      registrationAuthority: c.registrationAuthority,
      registeredOn: c.establishedOn,
    },
  });
  const now = ctx.now();
  await record(tx, c, now, 'business-licence', issued.identifier, { name: c.name, uscc: c.uscc }, issued.id);
  await addEvent(tx, c.applicationId, 'business-licence-issued', now, { identifier: issued.identifier });
  return issued.identifier;
};

/** The e-seal licence type's wording for each of the 5 seals. */
const SEAL_TYPES: Record<EsealKind, string> = {
  company: '法定名称章',
  invoice: '发票专用章',
  contract: '合同专用章',
  finance: '财务专用章',
  'legal-representative': '法定代表人名章',
};

/**
 * The set of 5 electronic seals, each a signed e-seal licence. Should the catalogue ever drop a seal
 * type, that seal is kept as a record rather than failing the approval.
 */
export const issueSeals = async (tx: DbOrTx, ctx: AppContext, c: NewCompany): Promise<void> => {
  const type = licenceTypeByKey(E_SEAL_TYPE);
  const allowed = type?.fields.find((f) => f.name === 'sealType')?.options ?? [];
  let n = 0;
  for (const kind of EsealKind.options) {
    n += 1;
    const sealName =
      kind === 'company'
        ? c.name
        : kind === 'legal-representative'
          ? `${c.legalRepName}印`
          : `${c.name}${esealLabels[kind].zh}`;
    const sealCode = `${c.divisionCode}${String(c.sequence * 10 + n)
      .padStart(7, '0')
      .slice(-7)}`;
    const certificateSerial = randomBytes(8).toString('hex').toUpperCase();
    const detail = { sealKind: kind, sealName, sealCode, certificateSerial };
    if (allowed.includes(SEAL_TYPES[kind])) {
      const issued = await issueRegistrationLicence(tx, ctx, {
        typeKey: E_SEAL_TYPE,
        companyId: c.companyId,
        validFrom: c.establishedOn,
        fields: { sealName, sealType: SEAL_TYPES[kind], sealCode, certificateSerial },
      });
      await record(tx, c, ctx.now(), 'seal', issued.identifier, detail, issued.id);
    } else {
      await record(tx, c, ctx.now(), 'seal', sealCode, detail);
    }
  }
  await addEvent(tx, c.applicationId, 'seals-issued', ctx.now(), { count: String(n) });
};

const serialOf = (c: NewCompany): string => String(c.sequence).padStart(6, '0');

/** Tax registration (small-scale taxpayer, digital e-invoices), social insurance, housing fund, bank appointment. */
export const registerServices = async (
  tx: DbOrTx,
  ctx: AppContext,
  c: NewCompany,
  app: Application,
): Promise<void> => {
  const s = app.services;
  if (s.taxRegistration.enabled) {
    const now = ctx.now();
    await record(tx, c, now, 'tax-registration', c.uscc, {
      taxpayerType: 'small-scale',
      digitalInvoices: s.taxRegistration.digitalInvoices ? 'yes' : 'no',
    });
    await addEvent(tx, c.applicationId, 'tax-registered', now);
  }
  if (s.socialInsurance) {
    const now = ctx.now();
    await record(tx, c, now, 'social-insurance', `SB${c.divisionCode}${serialOf(c)}`, {});
    await addEvent(tx, c.applicationId, 'social-insurance-registered', now);
  }
  if (s.housingFund) {
    const now = ctx.now();
    await record(tx, c, now, 'housing-fund', `GJJ${c.divisionCode}${serialOf(c)}`, {});
    await addEvent(tx, c.applicationId, 'housing-fund-registered', now);
  }
  const bank = s.bankAccount;
  if (bank.enabled && bank.bankCode && bank.branchCode) {
    const now = ctx.now();
    const branch = findBranch(bank.branchCode);
    const detail = {
      bankCode: bank.bankCode,
      bankName: findBank(bank.bankCode)?.name ?? '',
      branchCode: bank.branchCode,
      branchName: branch?.name ?? '',
      status: 'booked',
    };
    await record(
      tx,
      c,
      now,
      'bank-account',
      `YY${c.establishedOn.replaceAll('-', '')}${serialOf(c)}`,
      detail,
    );
    await addEvent(tx, c.applicationId, 'bank-appointment', now, { branch: detail.branchName });
  }
};
