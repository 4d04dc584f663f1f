import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { ensurePerson, findPersonByPhone } from '../identity';
import { identityAuthorityFor } from '../identity-authority';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';

/**
 * Real-name verification of a person named in a change (RULES §16): the name must match the
 * resident ID at the identity authority and the person may act. Returns their person id (created
 * in the real-name register if new; a phone already on someone else is left off).
 */
export const verifiedPerson = async (
  ctx: AppContext,
  db: DbOrTx,
  p: { name: string; residentId: string; phone?: string },
  field: string,
): Promise<string> => {
  const verdict = await identityAuthorityFor(ctx).verifyName(p.residentId, p.name, { db });
  if (!verdict.ok)
    throw new DomainError(
      'PERSON_NOT_VERIFIED',
      text(
        `${p.name} 未通过实名核验（姓名与身份证号不一致或证件状态异常），请核对后重试（《市场主体登记管理条例实施细则》第十六条）。`,
        `${p.name} failed real-name verification (the name does not match the resident ID, or the ID is not valid); check and retry (RULES §16).`,
      ),
      { field },
    );
  const phoneFree = p.phone ? !(await findPersonByPhone(db, ctx.cipher, p.phone)) : false;
  return ensurePerson(db, ctx.cipher, {
    name: p.name,
    residentId: p.residentId,
    phone: phoneFree ? (p.phone ?? null) : null,
  });
};

/** REG §12: a person barred from being a legal representative is refused (lifecycle.md §1.6). */
export const assertNotBarred = async (ctx: AppContext, db: DbOrTx, residentId: string, name: string) => {
  if (await identityAuthorityFor(ctx).barred(residentId, { db }))
    throw new DomainError(
      'LEGAL_REP_INELIGIBLE',
      text(
        `${name} 依法不得担任法定代表人（《市场主体登记管理条例》第十二条）。`,
        `${name} may not be a legal representative (REG §12).`,
      ),
      { field: 'legalRepresentative.residentId' },
    );
};
