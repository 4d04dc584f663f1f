import { eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { registrationDraftsApi } from '../../../shared/api/contracts/registration-drafts';
import { persons } from '../../db/schema';
import { askForConfirmations, createApplication, saveDraft } from './drafts';
import { checkNameWithRegistry } from './name-check';
import { announceUpdate } from './publish';
import { getOwnApplication } from './store';
import { submitApplication } from './submit';
import { applicationView, listApplications } from './views';

const nameCheck = implement(registrationDraftsApi.nameCheck, async ({ app, body }) => {
  const r = await checkNameWithRegistry(
    app.db,
    body.name,
    body.companyType,
    body.applicationId ? { excludeApplicationId: body.applicationId } : {},
  );
  return { ok: r.ok, parts: r.parts ?? null, problems: r.problems, suggestions: r.suggestions };
});

const mePerson = implement(registrationDraftsApi.mePerson, async ({ app, actor }) => {
  const [p] = await app.db.select().from(persons).where(eq(persons.id, actor.personId));
  if (!p) throw new Error('signed-in person vanished');
  return {
    name: p.name,
    residentId: app.cipher.decrypt(p.residentIdEnc),
    phone: p.phoneEnc ? app.cipher.decrypt(p.phoneEnc) : null,
  };
});

const create = implement(registrationDraftsApi.create, async ({ app, db, actor }) =>
  applicationView(db, app, await createApplication(db, app, actor.personId), actor.personId),
);

const list = implement(registrationDraftsApi.list, async ({ app, actor }) => ({
  applications: await listApplications(app.db, actor.personId),
}));

const get = implement(registrationDraftsApi.get, async ({ app, params, actor }) =>
  applicationView(
    app.db,
    app,
    await getOwnApplication(app.db, params.applicationId, actor.personId),
    actor.personId,
  ),
);

const save = implement(registrationDraftsApi.save, async ({ app, params, body, actor }) =>
  app.db.transaction(async (tx) =>
    saveDraft(tx, app, await getOwnApplication(tx, params.applicationId, actor.personId, true), body),
  ),
);

const requestConfirm = implement(registrationDraftsApi.requestConfirm, async ({ app, db, params, actor }) => {
  const row = await getOwnApplication(db, params.applicationId, actor.personId, true);
  const notify = await askForConfirmations(db, app, row, { personId: actor.personId, name: actor.name });
  await announceUpdate(app, notify, { applicationId: row.id }, db);
  return applicationView(db, app, await getOwnApplication(db, row.id, actor.personId), actor.personId);
});

const submit = implement(registrationDraftsApi.submit, async ({ app, db, params, actor }) => {
  const row = await getOwnApplication(db, params.applicationId, actor.personId, true);
  const outcome = await submitApplication(db, app, row, actor.personId);
  await announceUpdate(app, outcome.notify, { applicationId: row.id, status: outcome.status }, db);
  return applicationView(db, app, await getOwnApplication(db, row.id, actor.personId), actor.personId);
});

export const draftRoutes = [nameCheck, mePerson, create, list, get, save, requestConfirm, submit];
