import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeRecords, licences } from '../../db/schema';
import { issueLicence, revokeLicence } from '../licences';

const E_SEAL = 'e-seal';

/** The text a seal carries for the company's name and legal representative (as formation issues them). */
const sealNameFor = (
  sealType: string,
  oldSealName: string,
  names: { oldName: string; newName: string; legalRep: string },
): string => {
  if (sealType === '法定名称章') return names.newName;
  if (sealType === '法定代表人名章') return `${names.legalRep}印`;
  const label = oldSealName.startsWith(names.oldName) ? oldSealName.slice(names.oldName.length) : oldSealName;
  return `${names.newName}${label}`;
};

/**
 * A change of name, legal representative or type invalidates the e-seals (lifecycle.md §1.15):
 * each active seal is revoked (it still verifies, as revoked) and a new one issued with the new
 * text and a new certificate, in the approval's transaction.
 */
export const reissueSeals = async (
  ctx: AppContext,
  tx: DbOrTx,
  c: {
    companyId: string;
    applicationId: string;
    oldName: string;
    newName: string;
    legalRep: string;
    reason: string;
  },
): Promise<number> => {
  const active = await tx
    .select()
    .from(licences)
    .where(
      and(eq(licences.companyId, c.companyId), eq(licences.typeKey, E_SEAL), eq(licences.status, 'active')),
    );
  const now = ctx.now();
  for (const old of active) {
    const fields = old.signed.document.fields;
    const sealType = String(fields['sealType'] ?? '');
    await revokeLicence(tx, ctx, { licenceId: old.id, reason: c.reason });
    await tx.insert(changeRecords).values({
      applicationId: c.applicationId,
      companyId: c.companyId,
      kind: 'seal-revoked',
      reference: old.identifier,
      licenceId: old.id,
      createdAt: now,
    });
    const issued = await issueLicence(tx, ctx, {
      typeKey: E_SEAL,
      holder: { companyId: c.companyId },
      fields: {
        ...fields,
        sealName: sealNameFor(sealType, String(fields['sealName'] ?? ''), c),
        certificateSerial: randomBytes(8).toString('hex').toUpperCase(),
      },
    });
    await tx.insert(changeRecords).values({
      applicationId: c.applicationId,
      companyId: c.companyId,
      kind: 'seal-issued',
      reference: issued.identifier,
      licenceId: issued.id,
      createdAt: now,
    });
  }
  return active.length;
};
