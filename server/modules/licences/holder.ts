import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, persons } from '../../db/schema';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';
import type { HolderFacts } from './fields-for';

const ENTITY_TYPE = {
  llc: '有限责任公司（自然人投资或控股）',
  'sole-llc': '有限责任公司（自然人独资）',
} as const;

/** Registration facts of a company, as a licence issued to it states them. */
export const holderFactsOf = async (db: DbOrTx, companyId: string): Promise<HolderFacts> => {
  const [row] = await db
    .select({ c: companies, rep: persons.name })
    .from(companies)
    .innerJoin(persons, eq(persons.id, companies.legalRepPersonId))
    .where(eq(companies.id, companyId));
  if (!row) throw notFound(text('持证企业', 'Holder company'));
  const c = row.c;
  return {
    name: c.name,
    uscc: c.uscc,
    legalRepName: row.rep,
    address: c.address,
    businessScope: c.businessScope,
    registeredCapital: c.registeredCapital,
    establishedOn: c.establishedOn,
    registrationAuthority: c.registrationAuthority,
    entityType: ENTITY_TYPE[c.type],
  };
};
