import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { companies, licences } from '../db/schema';
import { demoCompanies } from './demo-data';
import { licenceTypeByKey } from '../../shared/licences/catalogue';
import { addDays } from '../../shared/licences/expiry';
import { chinaDate } from '../../shared/time/china';
import { draftLicenceFields, type HolderFacts } from '../modules/licences';
import { holderFactsOf } from '../modules/licences';
import { issueLicence, reissueLicence, revokeLicence, type LicenceFields } from '../modules/licences';
import { addMonths } from '../modules/licences';
import { ensureIssuerKeys } from '../modules/licences';

/**
 * The demo wallet: 24 licence types across the five demo companies. Dates are relative to the
 * platform clock, so "expires in 40 days" stays true whenever the sandbox is seeded.
 */
type Planned = {
  company: string;
  typeKey: string;
  /** Days from today to the last valid day: near expiry when small, expired when negative. */
  expiresInDays?: number;
  revoke?: string;
  /** Re-issue once with these field changes (shows a version history). */
  change?: (h: HolderFacts) => LicenceFields;
  fields?: LicenceFields;
};

export const DEMO_LICENCES: readonly Planned[] = [
  {
    company: 'yunfan-tech',
    typeKey: 'business-licence',
    fields: { domicile: '广东省广州市天河区体育西路 101 号维多利广场 A 座 2105 室' },
    change: (h) => ({ domicile: h.address }),
  },
  {
    company: 'yunfan-tech',
    typeKey: 'e-seal',
    expiresInDays: 50,
    fields: { sealName: '广州市云帆信息科技有限公司（公章）' },
  },
  { company: 'yunfan-tech', typeKey: 'value-added-telecom', expiresInDays: 75 },
  { company: 'yunfan-tech', typeKey: 'internet-culture' },
  { company: 'yunfan-tech', typeKey: 'high-tech-enterprise' },
  { company: 'yunfan-tech', typeKey: 'trademark-registration' },
  { company: 'yunfan-tech', typeKey: 'basic-deposit-account' },
  { company: 'yunfan-tech', typeKey: 'tax-payment-certificate', fields: { amount: '12860.35' } },
  { company: 'yunfan-food', typeKey: 'business-licence' },
  {
    company: 'yunfan-food',
    typeKey: 'food-business',
    expiresInDays: 40,
    fields: { businessForm: '餐饮服务经营者' },
  },
  { company: 'yunfan-food', typeKey: 'public-place-hygiene' },
  { company: 'yunfan-food', typeKey: 'fire-safety-inspection' },
  { company: 'yunfan-food', typeKey: 'tobacco-retail', expiresInDays: -12 },
  { company: 'yunfan-food', typeKey: 'drainage-permit' },
  { company: 'qiming-trade', typeKey: 'business-licence' },
  { company: 'qiming-trade', typeKey: 'customs-declarant-filing' },
  {
    company: 'qiming-trade',
    typeKey: 'hazardous-chemicals-business',
    revoke: '经营条件发生变化，依申请注销',
  },
  { company: 'qiming-trade', typeKey: 'basic-deposit-account' },
  { company: 'qiming-trade', typeKey: 'road-transport', expiresInDays: 20 },
  { company: 'qiming-trade', typeKey: 'express-delivery' },
  { company: 'meijia-home', typeKey: 'business-licence' },
  { company: 'meijia-home', typeKey: 'pollutant-discharge' },
  { company: 'meijia-home', typeKey: 'industrial-product', expiresInDays: 200 },
  { company: 'meijia-home', typeKey: 'fire-safety-inspection' },
  { company: 'meijia-home', typeKey: 'real-estate-title' },
  {
    company: 'meijia-home',
    typeKey: 'e-seal',
    expiresInDays: 85,
    fields: { sealName: '佛山市顺德区美家家居有限公司（公章）' },
  },
  { company: 'zhizao-tech', typeKey: 'business-licence' },
  { company: 'zhizao-tech', typeKey: 'high-tech-enterprise' },
  { company: 'zhizao-tech', typeKey: 'special-equipment-use' },
  { company: 'zhizao-tech', typeKey: 'work-safety' },
  { company: 'zhizao-tech', typeKey: 'investment-project-filing' },
  { company: 'zhizao-tech', typeKey: 'planning-permit' },
  { company: 'zhizao-tech', typeKey: 'real-estate-title' },
  { company: 'zhizao-tech', typeKey: 'tax-payment-certificate', fields: { amount: '86420.00' } },
];

/** Start date so that a term of the type's length ends `expiresInDays` from today. */
const startFor = (
  typeKey: string,
  today: string,
  expiresInDays: number,
): { validFrom: string; validUntil: string } => {
  const type = licenceTypeByKey(typeKey);
  const months = (type?.validity.years ?? 0) * 12 + (type?.validity.months ?? 0) || 12;
  const validUntil = addDays(today, expiresInDays);
  return { validFrom: addDays(addMonths(validUntil, -months), 1), validUntil };
};

/**
 * Seeds the demo licences. Idempotent: a company that already holds a licence of a planned
 * type (any status) is left alone for that type. Needs the demo companies (seedDemo) first.
 */
export const seedDemoLicences = async (ctx: AppContext): Promise<void> => {
  await ensureIssuerKeys(ctx);
  const now = ctx.now();
  const today = chinaDate(now);
  await ctx.db.transaction(async (tx) => {
    for (const p of DEMO_LICENCES) {
      const demo = demoCompanies.find((c) => c.key === p.company);
      const type = licenceTypeByKey(p.typeKey);
      if (!demo || !type) continue;
      const [company] = await tx
        .select({ id: companies.id })
        .from(companies)
        .where(eq(companies.uscc, demo.uscc));
      if (!company) continue;
      const [held] = await tx
        .select({ id: licences.id })
        .from(licences)
        .where(and(eq(licences.companyId, company.id), eq(licences.typeKey, p.typeKey)))
        .limit(1);
      if (held) continue;
      const holder = await holderFactsOf(tx, company.id);
      const dates =
        p.expiresInDays !== undefined
          ? startFor(p.typeKey, today, p.expiresInDays)
          : { validFrom: p.typeKey === 'business-licence' ? demo.establishedOn : addDays(today, -120) };
      const issued = await issueLicence(tx, ctx, {
        typeKey: p.typeKey,
        holder: { companyId: company.id },
        fields: (serial) =>
          draftLicenceFields(type, holder, { serial, today: dates.validFrom, overrides: p.fields ?? {} }),
        ...dates,
        issuedAt: new Date(Math.min(now.getTime(), Date.parse(`${dates.validFrom}T09:00:00+08:00`))),
      });
      if (p.change) {
        // The first version carried the old address; the change re-issues it as version 2.
        await reissueLicence(tx, ctx, { licenceId: issued.id, fields: p.change(holder) });
      }
      if (p.revoke) await revokeLicence(tx, ctx, { licenceId: issued.id, reason: p.revoke });
    }
  });
};
