import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/session';
import { persons } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { writeAudit } from '../../audit/write';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { identifierErrorMessage } from '../../../shared/identifiers/messages';
import { maskResidentId } from '../../../shared/masking';
import { text } from '../../../shared/text';
import type { CounterVerificationRequest, CounterVerified } from '../../../shared/api/assurance';
import { findPersonByResidentId, insertPerson } from '../identity';
import { identityAuthorityFor } from '../identity-authority';
import { AUTHORITY_REFUSALS } from './refusals';

/**
 * Counter verification (L5): a reviewer saw the original ID card and the person. The name and ID
 * must still match the authority (实名 is not waived, only the face); the reviewer cannot verify
 * themself. A person named nowhere yet gets a record so later filings find them verified.
 * Every verification and refusal is audited with the reviewer.
 */
export const verifyAtCounter = async (
  ctx: AppContext,
  reviewer: Actor,
  body: CounterVerificationRequest,
): Promise<CounterVerified> => {
  const verdict = validateResidentId(body.residentId, 'normalized');
  if (!verdict.valid)
    throw new DomainError('INVALID_RESIDENT_ID', identifierErrorMessage('resident-id', verdict.errors[0]!), {
      field: 'residentId',
    });
  const residentId = verdict.normalized;
  const masked = maskResidentId(residentId);
  const refuse = async (e: DomainError): Promise<DomainError> => {
    await writeAudit(ctx.db, {
      actorPersonId: reviewer.personId,
      actingAs: 'reviewer',
      action: 'identity.counter-refused',
      detail: { code: e.code, residentIdMasked: masked },
    });
    return e;
  };
  const answer = await identityAuthorityFor(ctx).verifyName(residentId, body.name);
  if (!answer.ok) {
    const r = AUTHORITY_REFUSALS[answer.reason];
    throw await refuse(new DomainError(r.code, r.t, { field: r.field }));
  }
  const existing = await findPersonByResidentId(ctx.db, ctx.cipher, residentId);
  if (existing?.id === reviewer.personId)
    throw await refuse(
      new DomainError(
        'COUNTER_SELF',
        text('不能为自己办理窗口核验。', 'A reviewer cannot verify themself at the counter.'),
      ),
    );
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const personId = existing?.id ?? (await insertPerson(tx, ctx.cipher, { name: body.name, residentId }));
    await tx
      .update(persons)
      .set({ counterVerifiedAt: now, counterVerifiedBy: reviewer.personId })
      .where(eq(persons.id, personId));
    await writeAudit(tx, {
      actorPersonId: reviewer.personId,
      actingAs: 'reviewer',
      action: 'identity.counter-verified',
      detail: { personId, residentIdMasked: masked, idCardSeen: true, note: body.note ?? null },
    });
    return {
      personId,
      name: existing?.name ?? body.name,
      residentIdMasked: masked,
      counterVerifiedAt: now.toISOString(),
      created: !existing,
    };
  });
};
