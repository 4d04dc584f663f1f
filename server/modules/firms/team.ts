import { and, count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
  accounts,
  firmInvites,
  firmMembers,
  persons,
} from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { postInbox } from '../inbox';
import { findPersonByPhone } from '../identity';
import { maskPhone } from '../../../shared/masking';
import { text } from '../../../shared/text';
import type {
  FirmMember,
  FirmInviteView,
  AccessGroupView,
  InviteBody,
  InviteResult,
} from '../../../shared/api/firms';
import type { FirmMembership } from './access';

/** The firm's people, pending invites and access groups. */
export const loadTeam = async (
  db: DbOrTx,
  firmId: string,
): Promise<{ members: FirmMember[]; invites: FirmInviteView[]; groups: AccessGroupView[] }> => {
  const members = await db
    .select({
      personId: firmMembers.personId,
      role: firmMembers.role,
      name: persons.name,
      phoneMasked: persons.phoneMasked,
    })
    .from(firmMembers)
    .innerJoin(persons, eq(persons.id, firmMembers.personId))
    .where(eq(firmMembers.firmId, firmId))
    .orderBy(firmMembers.createdAt);
  const groups = await db
    .select()
    .from(accessGroups)
    .where(eq(accessGroups.firmId, firmId))
    .orderBy(accessGroups.createdAt);
  const groupIds = groups.map((g) => g.id);
  const staff = groupIds.length
    ? await db.select().from(accessGroupStaff).where(inArray(accessGroupStaff.groupId, groupIds))
    : [];
  const clientCounts = groupIds.length
    ? await db
        .select({ groupId: accessGroupClients.groupId, n: count() })
        .from(accessGroupClients)
        .where(inArray(accessGroupClients.groupId, groupIds))
        .groupBy(accessGroupClients.groupId)
    : [];
  const invites = await db
    .select()
    .from(firmInvites)
    .where(and(eq(firmInvites.firmId, firmId), eq(firmInvites.status, 'pending')));
  return {
    members: members.map((m) => ({
      ...m,
      groupIds: staff.filter((s) => s.personId === m.personId).map((s) => s.groupId),
    })),
    invites: invites.map((i) => ({
      id: i.id,
      phoneMasked: i.phoneMasked,
      role: i.role,
      status: i.status,
      createdAt: i.createdAt.toISOString(),
    })),
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      staffIds: staff.filter((s) => s.groupId === g.id).map((s) => s.personId),
      clientCount: Number(clientCounts.find((c) => c.groupId === g.id)?.n ?? 0),
    })),
  };
};

const checkGroups = async (tx: DbOrTx, firmId: string, groupIds: readonly string[]): Promise<void> => {
  if (groupIds.length === 0) return;
  const found = await tx
    .select({ id: accessGroups.id })
    .from(accessGroups)
    .where(and(eq(accessGroups.firmId, firmId), inArray(accessGroups.id, [...groupIds])));
  if (found.length !== new Set(groupIds).size)
    throw new DomainError(
      'GROUP_NOT_FOUND',
      text('所选分组不属于本事务所。', 'A chosen group does not belong to this firm.'),
      { field: 'groupIds' },
    );
};

/** Makes a person a member (and puts them in groups) inside the caller's transaction. */
export const addMember = async (
  tx: DbOrTx,
  firmId: string,
  personId: string,
  role: 'admin' | 'staff',
  groupIds: readonly string[],
): Promise<void> => {
  await tx.insert(firmMembers).values({ firmId, personId, role });
  for (const groupId of new Set(groupIds))
    await tx.insert(accessGroupStaff).values({ groupId, personId }).onConflictDoNothing();
};

/**
 * Invites by phone: a person with an account is added at once (and told in their inbox); anyone
 * else gets a pending invite they accept after signing up with that phone number.
 */
export const inviteStaff = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: InviteBody,
): Promise<InviteResult> => {
  await checkGroups(tx, m.firmId, body.groupIds);
  const person = await findPersonByPhone(tx, ctx.cipher, body.phone);
  const [account] = person
    ? await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, person.id))
    : [];
  if (person && account) {
    const [existing] = await tx
      .select({ role: firmMembers.role })
      .from(firmMembers)
      .where(and(eq(firmMembers.firmId, m.firmId), eq(firmMembers.personId, person.id)));
    if (existing)
      throw new DomainError(
        'ALREADY_MEMBER',
        text(`${person.name} 已是本事务所成员。`, `${person.name} is already a member of the firm.`),
        { field: 'phone' },
      );
    await addMember(tx, m.firmId, person.id, body.role, body.groupIds);
    await postInbox(tx, {
      personId: person.id,
      kind: 'firm.member-added',
      title: text(`您已加入 ${m.firmName}`, `You were added to ${m.firmName}`),
      body: text(
        '在首页进入“事务所工作台”即可开始办理。',
        'Open the firm workspace from the home page to start.',
      ),
      link: `/firm/${m.firmId}`,
    });
    await writeAudit(tx, {
      actorPersonId: m.personId,
      actingAs: 'firm-admin',
      action: 'firm.member.add',
      firmId: m.firmId,
      detail: { personId: person.id, role: body.role, groupIds: body.groupIds },
    });
    return {
      outcome: 'added',
      message: text(`已将 ${person.name} 加入本事务所。`, `${person.name} has been added to the firm.`),
    };
  }
  const phoneHash = ctx.cipher.lookupHash(body.phone);
  await tx
    .update(firmInvites)
    .set({ status: 'withdrawn', decidedAt: ctx.now() })
    .where(
      and(
        eq(firmInvites.firmId, m.firmId),
        eq(firmInvites.phoneHash, phoneHash),
        eq(firmInvites.status, 'pending'),
      ),
    );
  const [invite] = await tx
    .insert(firmInvites)
    .values({
      firmId: m.firmId,
      phoneHash,
      phoneMasked: maskPhone(body.phone),
      role: body.role,
      groupIds: body.groupIds,
      invitedByPersonId: m.personId,
      createdAt: ctx.now(),
    })
    .returning({ id: firmInvites.id });
  await writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-admin',
    action: 'firm.invite',
    firmId: m.firmId,
    detail: { inviteId: invite?.id, role: body.role },
  });
  return {
    outcome: 'invited',
    message: text(
      `该手机号尚未注册商通，已生成邀请；对方用 ${maskPhone(body.phone)} 注册后，在首页接受邀请即可加入。`,
      `No account uses this number yet; an invite is waiting. Once they sign up with ${maskPhone(body.phone)}, they accept it on their home page.`,
    ),
  };
};

/** Takes a member out of the firm and all its groups; the last admin cannot leave. */
export const removeMember = async (tx: DbOrTx, m: FirmMembership, personId: string): Promise<void> => {
  const members = await tx.select().from(firmMembers).where(eq(firmMembers.firmId, m.firmId));
  const target = members.find((x) => x.personId === personId);
  if (!target)
    throw new DomainError(
      'NOT_A_MEMBER',
      text('此人不是本事务所成员。', 'This person is not a member of the firm.'),
    );
  if (target.role === 'admin' && members.filter((x) => x.role === 'admin').length === 1)
    throw new DomainError(
      'LAST_ADMIN',
      text('事务所至少需要一位管理员。', 'A firm needs at least one administrator.'),
    );
  const groups = await tx
    .select({ id: accessGroups.id })
    .from(accessGroups)
    .where(eq(accessGroups.firmId, m.firmId));
  if (groups.length)
    await tx.delete(accessGroupStaff).where(
      and(
        eq(accessGroupStaff.personId, personId),
        inArray(
          accessGroupStaff.groupId,
          groups.map((g) => g.id),
        ),
      ),
    );
  await tx
    .delete(firmMembers)
    .where(and(eq(firmMembers.firmId, m.firmId), eq(firmMembers.personId, personId)));
  await writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-admin',
    action: 'firm.member.remove',
    firmId: m.firmId,
    detail: { personId },
  });
};
