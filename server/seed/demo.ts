import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import {
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
  accounts,
  companies,
  companyRoles,
  delegations,
  firmClients,
  firmMembers,
  firms,
  preferences,
} from '../db/schema';
import { hashPassword } from '../security/passwords';
import { ensurePerson } from '../modules/identity';
import { writeAudit } from '../audit/write';
import { DEMO_PASSWORD, demoCompanies, demoFirm, demoPeople } from './demo-data';
import { seedDemoLicences } from './licences';

const DAY = 86_400_000;

/**
 * Seeds the demo sandbox. Idempotent: every entity is looked up before it is created. Server tests
 * that do not need the wallet skip the licences (they call seedDemoLicences themselves when they do).
 */
export const seedDemo = async (ctx: AppContext, options: { licences?: boolean } = {}): Promise<void> => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction(async (tx) => {
    const personIds = new Map<string, string>();
    for (const p of demoPeople) {
      const id = await ensurePerson(tx, ctx.cipher, {
        name: p.name,
        residentId: p.residentId,
        phone: p.phone,
      });
      personIds.set(p.key, id);
      const [acc] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, id));
      if (!acc) {
        const [created] = await tx
          .insert(accounts)
          .values({ personId: id, passwordHash, role: p.role ?? 'user' })
          .returning({ id: accounts.id });
        await tx.insert(preferences).values({ accountId: created!.id });
      }
    }
    const pid = (key: string): string => personIds.get(key)!;

    const companyIds = new Map<string, string>();
    for (const c of demoCompanies) {
      const [existing] = await tx
        .select({ id: companies.id })
        .from(companies)
        .where(eq(companies.uscc, c.uscc));
      let id = existing?.id;
      if (!id) {
        const [row] = await tx
          .insert(companies)
          .values({
            uscc: c.uscc,
            name: c.name,
            nameParts: c.nameParts,
            type: c.type,
            legalRepPersonId: pid(c.legalRep),
            registeredCapital: c.capital,
            divisionCode: c.division,
            address: c.address,
            businessScope: c.scope,
            establishedOn: c.establishedOn,
            registrationAuthority: c.authority,
            taxpayerType: c.taxpayerType,
            vatPeriod: c.vatPeriod,
          })
          .returning({ id: companies.id });
        id = row!.id;
        await tx
          .insert(companyRoles)
          .values({ companyId: id, personId: pid(c.legalRep), role: 'legal-representative' });
        for (const r of c.roles)
          await tx
            .insert(companyRoles)
            .values({ companyId: id, personId: pid(r.person), role: r.role })
            .onConflictDoNothing();
        await writeAudit(tx, {
          actorPersonId: null,
          actingAs: 'system',
          action: 'seed.company',
          companyId: id,
        });
      }
      companyIds.set(c.key, id);
    }

    const [firmRow] = await tx.select({ id: firms.id }).from(firms).where(eq(firms.uscc, demoFirm.uscc));
    if (firmRow) return;
    const [firm] = await tx
      .insert(firms)
      .values({ name: demoFirm.name, uscc: demoFirm.uscc })
      .returning({ id: firms.id });
    const firmId = firm!.id;
    await tx.insert(firmMembers).values({ firmId, personId: pid(demoFirm.admin), role: 'admin' });
    for (const s of demoFirm.staff)
      await tx.insert(firmMembers).values({ firmId, personId: pid(s), role: 'staff' });
    const groupIds = new Map<string, string>();
    for (const g of demoFirm.groups) {
      const [group] = await tx
        .insert(accessGroups)
        .values({ firmId, name: g.name })
        .returning({ id: accessGroups.id });
      groupIds.set(g.name, group!.id);
      for (const s of g.staff)
        await tx.insert(accessGroupStaff).values({ groupId: group!.id, personId: pid(s) });
    }
    const now = ctx.now();
    for (const client of demoFirm.clients) {
      const companyId = companyIds.get(client.company)!;
      const company = demoCompanies.find((c) => c.key === client.company)!;
      await tx.insert(firmClients).values({ firmId, companyId, contact: null });
      await tx.insert(accessGroupClients).values({ groupId: groupIds.get(client.group)!, companyId });
      const [d] = await tx
        .insert(delegations)
        .values({
          companyId,
          grantorPersonId: pid(company.legalRep),
          granteeFirmId: firmId,
          requestedByPersonId: pid(demoFirm.admin),
          scopes: ['company.view', 'tax.file', 'tax.pay', 'invoice.manage', 'licence.use'],
          note: '代理记账与纳税申报',
          status: 'approved',
          durationDays: 365,
          validFrom: new Date(now.getTime() - 200 * DAY),
          validUntil: new Date(now.getTime() + 165 * DAY),
          decidedAt: new Date(now.getTime() - 200 * DAY),
        })
        .returning({ id: delegations.id });
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'system',
        action: 'seed.delegation',
        companyId,
        delegationId: d!.id,
        firmId,
      });
    }
  });
  if (options.licences !== false) await seedDemoLicences(ctx);
};
