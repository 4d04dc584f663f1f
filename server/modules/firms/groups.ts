import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
  firmClients,
  firmMembers,
  persons,
} from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import type { FirmMembership } from './access';

const audit = (tx: DbOrTx, m: FirmMembership, action: string, detail: Record<string, unknown>) =>
  writeAudit(tx, { actorPersonId: m.personId, actingAs: 'firm-admin', action, firmId: m.firmId, detail });

const requireGroup = async (tx: DbOrTx, firmId: string, groupId: string) => {
  const [g] = await tx
    .select()
    .from(accessGroups)
    .where(and(eq(accessGroups.id, groupId), eq(accessGroups.firmId, firmId)));
  if (!g) throw new DomainError('GROUP_NOT_FOUND', text('未找到该分组。', 'Group not found.'));
  return g;
};

const requireUniqueName = async (
  tx: DbOrTx,
  firmId: string,
  name: string,
  exceptId?: string,
): Promise<void> => {
  const [clash] = await tx
    .select({ id: accessGroups.id })
    .from(accessGroups)
    .where(
      and(
        eq(accessGroups.firmId, firmId),
        eq(accessGroups.name, name),
        exceptId ? ne(accessGroups.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new DomainError(
      'GROUP_NAME_TAKEN',
      text(`已有名为“${name}”的分组。`, `There is already a group named “${name}”.`),
      { field: 'name' },
    );
};

export const createGroup = async (tx: DbOrTx, m: FirmMembership, name: string): Promise<string> => {
  await requireUniqueName(tx, m.firmId, name);
  const [g] = await tx
    .insert(accessGroups)
    .values({ firmId: m.firmId, name })
    .returning({ id: accessGroups.id });
  await audit(tx, m, 'firm.group.create', { groupId: g!.id, name });
  return g!.id;
};

export const renameGroup = async (
  tx: DbOrTx,
  m: FirmMembership,
  groupId: string,
  name: string,
): Promise<void> => {
  await requireGroup(tx, m.firmId, groupId);
  await requireUniqueName(tx, m.firmId, name, groupId);
  await tx.update(accessGroups).set({ name }).where(eq(accessGroups.id, groupId));
  await audit(tx, m, 'firm.group.rename', { groupId, name });
};

/** Deletes a group; its staff lose access to its clients unless another of their groups has them. */
export const deleteGroup = async (tx: DbOrTx, m: FirmMembership, groupId: string): Promise<void> => {
  await requireGroup(tx, m.firmId, groupId);
  await tx.delete(accessGroupStaff).where(eq(accessGroupStaff.groupId, groupId));
  await tx.delete(accessGroupClients).where(eq(accessGroupClients.groupId, groupId));
  await tx.delete(accessGroups).where(eq(accessGroups.id, groupId));
  await audit(tx, m, 'firm.group.delete', { groupId });
};

/** Sets who works in a group. Everyone named must already be a member of the firm. */
export const setGroupStaff = async (
  tx: DbOrTx,
  m: FirmMembership,
  groupId: string,
  staffIds: readonly string[],
): Promise<void> => {
  await requireGroup(tx, m.firmId, groupId);
  const wanted = [...new Set(staffIds)];
  if (wanted.length) {
    const members = await tx
      .select({ personId: firmMembers.personId })
      .from(firmMembers)
      .where(and(eq(firmMembers.firmId, m.firmId), inArray(firmMembers.personId, wanted)));
    const outsiders = wanted.filter((id) => !members.some((x) => x.personId === id));
    if (outsiders.length) {
      const names = await tx
        .select({ name: persons.name })
        .from(persons)
        .where(inArray(persons.id, outsiders));
      const who = names.map((n) => n.name).join('、') || outsiders.join(', ');
      throw new DomainError(
        'STAFF_NOT_IN_FIRM',
        text(
          `${who} 不是本事务所成员，请先邀请其加入，再分配到分组。`,
          `${who} is not a member of the firm; invite them first, then add them to the group.`,
        ),
        { field: 'staffIds' },
      );
    }
  }
  await tx.delete(accessGroupStaff).where(eq(accessGroupStaff.groupId, groupId));
  if (wanted.length)
    await tx.insert(accessGroupStaff).values(wanted.map((personId) => ({ groupId, personId })));
  await audit(tx, m, 'firm.group.staff', { groupId, staffIds: wanted });
};

const CHUNK = 1000;

/** Adds clients to and removes them from a group. Every client added must be a client of the firm. */
export const changeGroupClients = async (
  tx: DbOrTx,
  m: FirmMembership,
  groupId: string,
  change: { add: readonly string[]; remove: readonly string[] },
): Promise<{ added: number; removed: number }> => {
  await requireGroup(tx, m.firmId, groupId);
  const add = [...new Set(change.add)];
  const remove = [...new Set(change.remove)];
  let known = 0;
  for (let i = 0; i < add.length; i += CHUNK) {
    const part = add.slice(i, i + CHUNK);
    const rows = await tx
      .select({ id: firmClients.companyId })
      .from(firmClients)
      .where(and(eq(firmClients.firmId, m.firmId), inArray(firmClients.companyId, part)));
    known += rows.length;
  }
  if (known !== add.length)
    throw new DomainError(
      'CLIENT_NOT_OF_FIRM',
      text(
        `有 ${add.length - known} 家企业不是本事务所的客户，请先添加为客户。`,
        `${add.length - known} of these companies are not clients of the firm; add them as clients first.`,
      ),
      { field: 'add' },
    );
  for (let i = 0; i < add.length; i += CHUNK)
    await tx
      .insert(accessGroupClients)
      .values(add.slice(i, i + CHUNK).map((companyId) => ({ groupId, companyId })))
      .onConflictDoNothing();
  for (let i = 0; i < remove.length; i += CHUNK)
    await tx
      .delete(accessGroupClients)
      .where(
        and(
          eq(accessGroupClients.groupId, groupId),
          inArray(accessGroupClients.companyId, remove.slice(i, i + CHUNK)),
        ),
      );
  await audit(tx, m, 'firm.group.clients', { groupId, added: add.length, removed: remove.length });
  return { added: add.length, removed: remove.length };
};
