import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accessGroups, firmInvites, firmMembers, persons } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { addMember } from './team';

/** Pending invites addressed to this person's phone number. */
export const invitesFor = async (db: DbOrTx, personId: string) => {
  const [me] = await db
    .select({ phoneHash: persons.phoneHash })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!me?.phoneHash) return [];
  return db
    .select()
    .from(firmInvites)
    .where(and(eq(firmInvites.phoneHash, me.phoneHash), eq(firmInvites.status, 'pending')));
};

/** The invitee accepts (joins with the invited role and groups) or declines. */
export const answerInvite = async (
  ctx: AppContext,
  tx: DbOrTx,
  personId: string,
  inviteId: string,
  accept: boolean,
): Promise<void> => {
  const invite = (await invitesFor(tx, personId)).find((i) => i.id === inviteId);
  if (!invite)
    throw new DomainError(
      'INVITE_NOT_FOUND',
      text('未找到该邀请，或它已失效。', 'Invite not found, or no longer valid.'),
    );
  const [already] = await tx
    .select({ role: firmMembers.role })
    .from(firmMembers)
    .where(and(eq(firmMembers.firmId, invite.firmId), eq(firmMembers.personId, personId)));
  if (accept && !already) {
    const groups = await tx
      .select({ id: accessGroups.id })
      .from(accessGroups)
      .where(
        and(
          eq(accessGroups.firmId, invite.firmId),
          invite.groupIds.length ? inArray(accessGroups.id, invite.groupIds) : undefined,
        ),
      );
    await addMember(
      tx,
      invite.firmId,
      personId,
      invite.role,
      invite.groupIds.length ? groups.map((g) => g.id) : [],
    );
  }
  await tx
    .update(firmInvites)
    .set({
      status: accept ? 'accepted' : 'declined',
      acceptedByPersonId: accept ? personId : null,
      decidedAt: ctx.now(),
    })
    .where(eq(firmInvites.id, invite.id));
  await writeAudit(tx, {
    actorPersonId: personId,
    actingAs: 'self',
    action: accept ? 'firm.invite.accept' : 'firm.invite.decline',
    firmId: invite.firmId,
    detail: { inviteId },
  });
};
