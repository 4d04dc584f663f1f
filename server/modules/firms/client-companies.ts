import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, firmClients } from '../../db/schema';

/** The facts of every client company of a firm that a batch's eligibility and pre-flight read, by name. */
export const firmClientCompanies = (db: DbOrTx, firmId: string) =>
  db
    .select({
      id: companies.id,
      name: companies.name,
      uscc: companies.uscc,
      status: companies.status,
      vatPeriod: companies.vatPeriod,
      establishedOn: companies.establishedOn,
      taxpayerType: companies.taxpayerType,
    })
    .from(firmClients)
    .innerJoin(companies, eq(companies.id, firmClients.companyId))
    .where(eq(firmClients.firmId, firmId))
    .orderBy(companies.name);
