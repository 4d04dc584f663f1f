import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { persons } from '../../db/schema';
import type { PersonalDataCipher } from '../../security/personal-data';
import { maskPhone, maskResidentId } from '../../../shared/masking';

export type NewPerson = {
  name: string;
  residentId: string;
  phone?: string | null;
};

/** Stores a person with personal data encrypted, hashed for lookup and masked for display. */
export const insertPerson = async (db: DbOrTx, cipher: PersonalDataCipher, p: NewPerson): Promise<string> => {
  const [row] = await db
    .insert(persons)
    .values({
      name: p.name,
      residentIdEnc: cipher.encrypt(p.residentId),
      residentIdHash: cipher.lookupHash(p.residentId),
      residentIdMasked: maskResidentId(p.residentId),
      phoneEnc: p.phone ? cipher.encrypt(p.phone) : null,
      phoneHash: p.phone ? cipher.lookupHash(p.phone) : null,
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
    })
    .returning({ id: persons.id });
  return row!.id;
};

export const findPersonByResidentId = async (db: DbOrTx, cipher: PersonalDataCipher, residentId: string) => {
  const [row] = await db
    .select()
    .from(persons)
    .where(eq(persons.residentIdHash, cipher.lookupHash(residentId)));
  return row;
};

export const findPersonByPhone = async (db: DbOrTx, cipher: PersonalDataCipher, phone: string) => {
  const [row] = await db
    .select()
    .from(persons)
    .where(eq(persons.phoneHash, cipher.lookupHash(phone)));
  return row;
};

/** Finds the person with this resident ID, or creates them (idempotent for seeding and registration). */
export const ensurePerson = async (db: DbOrTx, cipher: PersonalDataCipher, p: NewPerson): Promise<string> => {
  const existing = await findPersonByResidentId(db, cipher, p.residentId);
  return existing ? existing.id : insertPerson(db, cipher, p);
};
