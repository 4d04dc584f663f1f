import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { accounts, firmMembers, firms, persons, preferences } from '../../db/schema';
import type { Me } from '../../../shared/api/identity';
import { referenceFaceOf } from '../identity-authority';

export const loadMe = async (ctx: AppContext, accountId: string): Promise<Me> => {
  const db = ctx.db;
  const [row] = await db
    .select({ account: accounts, person: persons, prefs: preferences })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .leftJoin(preferences, eq(preferences.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  if (!row) throw new Error(`account ${accountId} vanished`);
  const memberships = await db
    .select({ id: firms.id, name: firms.name, role: firmMembers.role })
    .from(firmMembers)
    .innerJoin(firms, eq(firms.id, firmMembers.firmId))
    .where(eq(firmMembers.personId, row.person.id));
  return {
    person: {
      id: row.person.id,
      name: row.person.name,
      residentIdMasked: row.person.residentIdMasked,
      phoneMasked: row.person.phoneMasked,
    },
    role: row.account.role,
    preferences: { lang: row.prefs?.lang ?? 'zh', elderMode: row.prefs?.elderMode ?? false },
    firms: memberships,
    // The reference face is the authority's portrait; nobody enrols their own.
    faceEnrolled: (await referenceFaceOf(ctx, row.person.id)) !== undefined,
    verification: {
      authority: row.person.authorityVerifiedAt !== null,
      counter: row.person.counterVerifiedAt !== null,
    },
    reverifyWindowMinutes: row.account.reverifyWindowMinutes,
  };
};
