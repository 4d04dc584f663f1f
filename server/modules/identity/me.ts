import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { accounts, firmMembers, firms, persons, preferences } from '../../db/schema';
import type { Me } from '../../../shared/api/identity';

export const loadMe = async (db: DbOrTx, accountId: string): Promise<Me> => {
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
    faceEnrolled: row.person.faceTemplate !== null,
  };
};
