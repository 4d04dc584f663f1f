import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { issueLicence } from '../licences';
import type { FieldValue } from '../../../shared/licences/fields';

/** Licence type keys in shared/licences/catalogue.ts. */
export const BUSINESS_LICENCE_TYPE = 'business-licence';
export const E_SEAL_TYPE = 'e-seal';

export type RegistrationLicenceInput = {
  typeKey: string;
  companyId: string;
  validFrom: string;
  fields: Record<string, FieldValue>;
};

/**
 * The one place registration issues an e-licence: through the licences module, signed by the
 * type's issuing authority inside the approval transaction (a failure rolls the approval back).
 */
export const issueRegistrationLicence = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: RegistrationLicenceInput,
): Promise<{ id: string; identifier: string }> => {
  const issued = await issueLicence(tx, ctx, {
    typeKey: input.typeKey,
    holder: { companyId: input.companyId },
    fields: input.fields,
    validFrom: input.validFrom,
  });
  return { id: issued.id, identifier: issued.identifier };
};
