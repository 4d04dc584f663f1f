import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { companies } from '../../db/schema';
import { findActiveLicence, issueLicence, reissueLicence } from '../licences';
import { scopeText } from '../registration';
import { chinaToday } from '../../../shared/time/china';

const BUSINESS_LICENCE = 'business-licence';

const ENTITY_TYPE = {
  llc: '有限责任公司（自然人投资或控股）',
  'sole-llc': '有限责任公司（自然人独资）',
} as const;

type Company = typeof companies.$inferSelect;

/**
 * The business licence after the change (REG §28): the next version of the active one, the old
 * one superseded (it still verifies, as superseded); a company that never had an e-licence on the
 * platform gets its first. Runs after the company row was updated, in the same transaction.
 */
export const issueChangedLicence = async (
  ctx: AppContext,
  tx: DbOrTx,
  c: Company,
  legalRepName: string,
  scopeCodes: readonly string[],
  typeChanged: boolean,
): Promise<{ id: string; identifier: string; version: number }> => {
  const today = chinaToday(ctx.now());
  const old = await findActiveLicence(tx, c.id, BUSINESS_LICENCE);
  const oldType = old?.signed.document.fields['entityType'];
  const fields = {
    name: c.name,
    uscc: c.uscc,
    entityType: typeChanged || typeof oldType !== 'string' ? ENTITY_TYPE[c.type] : oldType,
    legalRepresentative: legalRepName,
    businessScope: scopeCodes.length > 0 ? scopeText(scopeCodes) : c.businessScope.join('；'),
    registeredCapital: c.registeredCapital,
    establishedOn: c.establishedOn,
    domicile: c.address,
    registrationAuthority: c.registrationAuthority,
    registeredOn: today,
  };
  const issued = old
    ? await reissueLicence(tx, ctx, { licenceId: old.id, fields })
    : await issueLicence(tx, ctx, {
        typeKey: BUSINESS_LICENCE,
        holder: { companyId: c.id },
        fields,
        validFrom: today,
      });
  return { id: issued.id, identifier: issued.identifier, version: issued.version };
};
