import { count, eq, inArray } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { firmClients, firmMembers, firms, persons } from '../../db/schema';
import {
  Done,
  FirmGroupParams,
  FirmParams,
  FirmPersonParams,
  GroupBody,
  GroupClientsBody,
  GroupStaffBody,
  InviteBody,
  InviteParams,
  InviteResult,
  MyFirms,
  TeamView,
  type FirmSummary,
} from '../../../shared/api/firms';
import { requireFirmAdmin, requireFirmMember, visibleClientIds, type FirmMembership } from './access';
import { inviteStaff, loadTeam, removeMember } from './team';
import { answerInvite, invitesFor } from './invites';
import { changeGroupClients, createGroup, deleteGroup, renameGroup, setGroupStaff } from './groups';
import type { DbOrTx } from '../../db/types';

const tags = ['firms'];

const summary = async (db: DbOrTx, m: FirmMembership, uscc: string): Promise<FirmSummary> => {
  const visible = await visibleClientIds(db, m);
  const total = visible
    ? visible.size
    : Number(
        (await db.select({ n: count() }).from(firmClients).where(eq(firmClients.firmId, m.firmId)))[0]?.n ??
          0,
      );
  return { id: m.firmId, name: m.firmName, uscc, role: m.role, visibleClients: total };
};

const mineRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms',
  summary: 'The firms the signed-in person works for, and invites waiting for them',
  tags,
  access: { kind: 'user' },
  response: MyFirms,
  handler: async ({ app, actor }) => {
    const rows = await app.db
      .select({ firmId: firms.id, name: firms.name, uscc: firms.uscc, role: firmMembers.role })
      .from(firmMembers)
      .innerJoin(firms, eq(firms.id, firmMembers.firmId))
      .where(eq(firmMembers.personId, actor.personId));
    const list = await Promise.all(
      rows.map((r) =>
        summary(
          app.db,
          { firmId: r.firmId, firmName: r.name, personId: actor.personId, role: r.role },
          r.uscc,
        ),
      ),
    );
    const invites = await invitesFor(app.db, actor.personId);
    const firmNames = invites.length
      ? await app.db
          .select({ id: firms.id, name: firms.name })
          .from(firms)
          .where(
            inArray(
              firms.id,
              invites.map((i) => i.firmId),
            ),
          )
      : [];
    const inviters = invites.length
      ? await app.db
          .select({ id: persons.id, name: persons.name })
          .from(persons)
          .where(
            inArray(
              persons.id,
              invites.map((i) => i.invitedByPersonId),
            ),
          )
      : [];
    return {
      firms: list,
      invites: invites.map((i) => ({
        id: i.id,
        firmName: firmNames.find((f) => f.id === i.firmId)?.name ?? '',
        role: i.role,
        invitedBy: inviters.find((p) => p.id === i.invitedByPersonId)?.name ?? '',
        createdAt: i.createdAt.toISOString(),
      })),
    };
  },
});

const teamRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/team',
  summary: 'The firm, its staff, pending invites and access groups',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  response: TeamView,
  handler: async ({ app, params, actor }) => {
    const m = await requireFirmMember(app.db, params.firmId, actor.personId);
    const [firm] = await app.db.select({ uscc: firms.uscc }).from(firms).where(eq(firms.id, m.firmId));
    const team = await loadTeam(app.db, m.firmId);
    return {
      firm: await summary(app.db, m, firm?.uscc ?? ''),
      ...team,
      invites: m.role === 'admin' ? team.invites : [],
    };
  },
});

const inviteRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/staff',
  summary: 'Invite staff by phone: an existing account joins at once, anyone else gets a pending invite',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: InviteBody,
  response: InviteResult,
  idempotent: true,
  handler: async ({ app, db, params, actor, body }) =>
    inviteStaff(app, db, await requireFirmAdmin(db, params.firmId, actor.personId), body),
});

const removeRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/staff/:personId/remove',
  summary: 'Remove a member from the firm and its groups',
  tags,
  access: { kind: 'user' },
  params: FirmPersonParams,
  response: Done,
  idempotent: true,
  handler: async ({ db, params, actor }) => {
    await removeMember(db, await requireFirmAdmin(db, params.firmId, actor.personId), params.personId);
    return { ok: true as const };
  },
});

const answerRoute = (accept: boolean) =>
  defineRoute({
    method: 'POST',
    url: `/api/v1/firm-invites/:inviteId/${accept ? 'accept' : 'decline'}`,
    summary: accept ? 'Accept an invite to join a firm' : 'Decline an invite to join a firm',
    tags,
    access: { kind: 'user' },
    params: InviteParams,
    response: Done,
    idempotent: true,
    handler: async ({ app, db, params, actor }) => {
      await answerInvite(app, db, actor.personId, params.inviteId, accept);
      return { ok: true as const };
    },
  });

const createGroupRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/groups',
  summary: 'Create an access group',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: GroupBody,
  response: Done,
  status: 201,
  idempotent: true,
  handler: async ({ db, params, actor, body }) => {
    await createGroup(db, await requireFirmAdmin(db, params.firmId, actor.personId), body.name);
    return { ok: true as const };
  },
});

const renameGroupRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/firms/:firmId/groups/:groupId',
  summary: 'Rename an access group',
  tags,
  access: { kind: 'user' },
  params: FirmGroupParams,
  body: GroupBody,
  response: Done,
  handler: async ({ app, params, actor, body }) =>
    app.db.transaction(async (tx) => {
      await renameGroup(
        tx,
        await requireFirmAdmin(tx, params.firmId, actor.personId),
        params.groupId,
        body.name,
      );
      return { ok: true as const };
    }),
});

const deleteGroupRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/firms/:firmId/groups/:groupId',
  summary: 'Delete an access group (its staff lose access to its clients)',
  tags,
  access: { kind: 'user' },
  params: FirmGroupParams,
  response: Done,
  handler: async ({ app, params, actor }) =>
    app.db.transaction(async (tx) => {
      await deleteGroup(tx, await requireFirmAdmin(tx, params.firmId, actor.personId), params.groupId);
      return { ok: true as const };
    }),
});

const groupStaffRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/firms/:firmId/groups/:groupId/staff',
  summary: 'Set who works in an access group (members of the firm only)',
  tags,
  access: { kind: 'user' },
  params: FirmGroupParams,
  body: GroupStaffBody,
  response: Done,
  handler: async ({ app, params, actor, body }) =>
    app.db.transaction(async (tx) => {
      await setGroupStaff(
        tx,
        await requireFirmAdmin(tx, params.firmId, actor.personId),
        params.groupId,
        body.staffIds,
      );
      return { ok: true as const };
    }),
});

const groupClientsRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/groups/:groupId/clients',
  summary: 'Add clients to, or remove them from, an access group',
  tags,
  access: { kind: 'user' },
  params: FirmGroupParams,
  body: GroupClientsBody,
  response: Done,
  bodyLimit: 2 * 1024 * 1024,
  handler: async ({ app, params, actor, body }) =>
    app.db.transaction(async (tx) => {
      await changeGroupClients(
        tx,
        await requireFirmAdmin(tx, params.firmId, actor.personId),
        params.groupId,
        body,
      );
      return { ok: true as const };
    }),
});

export const teamRoutes = [
  mineRoute,
  teamRoute,
  inviteRoute,
  removeRoute,
  answerRoute(true),
  answerRoute(false),
  createGroupRoute,
  renameGroupRoute,
  deleteGroupRoute,
  groupStaffRoute,
  groupClientsRoute,
];
