import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { companies, firmClients, firmMembers, firms, persons } from '../db/schema';
import { writeAudit } from '../audit/write';
import { demoCompanies, demoPeople, demoSecondFirm } from './demo-data';

/**
 * Adds the second demo firm (demo-data `demoSecondFirm`) with its admin and its would-be clients,
 * without any authorization: it has to ask for a handover. Seed `demo` first; idempotent.
 */
export const seedSecondFirm = async (ctx: AppContext): Promise<{ firmId: string }> =>
  ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: firms.id })
      .from(firms)
      .where(eq(firms.uscc, demoSecondFirm.uscc));
    if (existing) return { firmId: existing.id };
    const admin = demoPeople.find((p) => p.key === demoSecondFirm.admin)!;
    const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.name, admin.name));
    if (!person) throw new Error('The demo people are missing: seed "demo" first.');
    const [firm] = await tx
      .insert(firms)
      .values({ name: demoSecondFirm.name, uscc: demoSecondFirm.uscc })
      .returning({ id: firms.id });
    await tx.insert(firmMembers).values({ firmId: firm!.id, personId: person.id, role: 'admin' });
    for (const key of demoSecondFirm.clients) {
      const uscc = demoCompanies.find((c) => c.key === key)!.uscc;
      const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc));
      if (!company) throw new Error(`The demo company ${key} is missing.`);
      await tx.insert(firmClients).values({ firmId: firm!.id, companyId: company.id, contact: null });
    }
    await writeAudit(tx, {
      actorPersonId: null,
      actingAs: 'system',
      action: 'seed.firm',
      firmId: firm!.id,
    });
    return { firmId: firm!.id };
  });
