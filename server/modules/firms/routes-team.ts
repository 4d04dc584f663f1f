import { count, eq, inArray } from 'drizzle-orm';
import { implement, type HandlerContext } from '../../http/route';
import { firmsTeamApi } from '../../../shared/api/contracts/firms-team';
import { firmClients, firmMembers, firms, persons } from '../../db/schema';
import type { FirmSummary } from '../../../shared/api/firms';
import { requireFirmAdmin, requireFirmMember, visibleClientIds, type FirmMembership } from './access';
import { inviteStaff, loadTeam, removeMember } from './team';
import { answerInvite, invitesFor } from './invites';
import { changeGroupClients, createGroup, deleteGroup, renameGroup, setGroupStaff } from './groups';
import type { DbOrTx } from '../../db/types';

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

const mineRoute = implement(firmsTeamApi.mine, async ({ app, actor }) => {
  const rows = await app.db
    .select({ firmId: firms.id, name: firms.name, uscc: firms.uscc, role: firmMembers.role })
    .from(firmMembers)
    .innerJoin(firms, eq(firms.id, firmMembers.firmId))
    .where(eq(firmMembers.personId, actor.personId));
  const list = await Promise.all(
    rows.map((r) =>
      summary(app.db, { firmId: r.firmId, firmName: r.name, personId: actor.personId, role: r.role }, r.uscc),
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
});

const teamRoute = implement(firmsTeamApi.team, async ({ app, params, actor }) => {
  const m = await requireFirmMember(app.db, params.firmId, actor.personId);
  const [firm] = await app.db.select({ uscc: firms.uscc }).from(firms).where(eq(firms.id, m.firmId));
  const team = await loadTeam(app.db, m.firmId);
  return {
    firm: await summary(app.db, m, firm?.uscc ?? ''),
    ...team,
    invites: m.role === 'admin' ? team.invites : [],
  };
});

const inviteRoute = implement(firmsTeamApi.invite, async ({ app, db, params, actor, body }) =>
  inviteStaff(app, db, await requireFirmAdmin(db, params.firmId, actor.personId), body),
);

const removeRoute = implement(firmsTeamApi.remove, async ({ db, params, actor }) => {
  await removeMember(db, await requireFirmAdmin(db, params.firmId, actor.personId), params.personId);
  return { ok: true as const };
});

type AnswerContext = Pick<HandlerContext<typeof firmsTeamApi.acceptInvite>, 'app' | 'db' | 'actor'> & {
  params: { inviteId: string };
};

const answer =
  (accept: boolean) =>
  async ({ app, db, params, actor }: AnswerContext) => {
    await answerInvite(app, db, actor.personId, params.inviteId, accept);
    return { ok: true as const };
  };
const acceptInviteRoute = implement(firmsTeamApi.acceptInvite, answer(true));
const declineInviteRoute = implement(firmsTeamApi.declineInvite, answer(false));

const createGroupRoute = implement(firmsTeamApi.createGroup, async ({ db, params, actor, body }) => {
  await createGroup(db, await requireFirmAdmin(db, params.firmId, actor.personId), body.name);
  return { ok: true as const };
});

const renameGroupRoute = implement(firmsTeamApi.renameGroup, async ({ app, params, actor, body }) =>
  app.db.transaction(async (tx) => {
    await renameGroup(
      tx,
      await requireFirmAdmin(tx, params.firmId, actor.personId),
      params.groupId,
      body.name,
    );
    return { ok: true as const };
  }),
);

const deleteGroupRoute = implement(firmsTeamApi.deleteGroup, async ({ app, params, actor }) =>
  app.db.transaction(async (tx) => {
    await deleteGroup(tx, await requireFirmAdmin(tx, params.firmId, actor.personId), params.groupId);
    return { ok: true as const };
  }),
);

const groupStaffRoute = implement(firmsTeamApi.groupStaff, async ({ app, params, actor, body }) =>
  app.db.transaction(async (tx) => {
    await setGroupStaff(
      tx,
      await requireFirmAdmin(tx, params.firmId, actor.personId),
      params.groupId,
      body.staffIds,
    );
    return { ok: true as const };
  }),
);

const groupClientsRoute = implement(firmsTeamApi.groupClients, async ({ app, params, actor, body }) =>
  app.db.transaction(async (tx) => {
    await changeGroupClients(
      tx,
      await requireFirmAdmin(tx, params.firmId, actor.personId),
      params.groupId,
      body,
    );
    return { ok: true as const };
  }),
);

export const teamRoutes = [
  mineRoute,
  teamRoute,
  inviteRoute,
  removeRoute,
  acceptInviteRoute,
  declineInviteRoute,
  createGroupRoute,
  renameGroupRoute,
  deleteGroupRoute,
  groupStaffRoute,
  groupClientsRoute,
];
