import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { persons } from '../../db/schema';
import {
  ApplicationList,
  ApplicationParams,
  ApplicationView,
  MyPerson,
  NameCheckRequest,
  NameCheckResponse,
  SaveDraftRequest,
  SaveDraftResponse,
} from '../../../shared/api/registration';
import { askForConfirmations, createApplication, saveDraft } from './drafts';
import { checkNameWithRegistry } from './name-check';
import { announceUpdate } from './publish';
import { getOwnApplication } from './store';
import { submitApplication } from './submit';
import { applicationView, listApplications } from './views';

const BASE = '/api/v1/registration';

const nameCheck = defineRoute({
  method: 'POST',
  url: `${BASE}/name-check`,
  summary:
    'Checks a proposed company name: structure, forbidden content, 字号, uniqueness against the registry and pending names',
  tags: ['registration'],
  access: { kind: 'user' },
  body: NameCheckRequest,
  response: NameCheckResponse,
  rateLimit: { max: 120, timeWindow: 60_000 },
  handler: async ({ app, body }) => {
    const r = await checkNameWithRegistry(
      app.db,
      body.name,
      body.companyType,
      body.applicationId ? { excludeApplicationId: body.applicationId } : {},
    );
    return { ok: r.ok, parts: r.parts ?? null, problems: r.problems, suggestions: r.suggestions };
  },
});

const mePerson = defineRoute({
  method: 'GET',
  url: `${BASE}/me-person`,
  summary: 'The signed-in person’s own name, resident ID and phone, to fill them in with one click',
  tags: ['registration'],
  access: { kind: 'user' },
  response: MyPerson,
  handler: async ({ app, actor }) => {
    const [p] = await app.db.select().from(persons).where(eq(persons.id, actor.personId));
    if (!p) throw new Error('signed-in person vanished');
    return {
      name: p.name,
      residentId: app.cipher.decrypt(p.residentIdEnc),
      phone: p.phoneEnc ? app.cipher.decrypt(p.phoneEnc) : null,
    };
  },
});

const create = defineRoute({
  method: 'POST',
  url: `${BASE}/applications`,
  summary: 'Starts a company registration (a server-side draft, resumable on any machine)',
  tags: ['registration'],
  access: { kind: 'user' },
  idempotent: true,
  status: 201,
  body: z.strictObject({}),
  response: ApplicationView,
  handler: async ({ app, db, actor }) =>
    applicationView(db, app, await createApplication(db, app, actor.personId), actor.personId),
});

const list = defineRoute({
  method: 'GET',
  url: `${BASE}/applications`,
  summary: 'My registration applications, newest first, with the company and licence once approved',
  tags: ['registration'],
  access: { kind: 'user' },
  response: ApplicationList,
  handler: async ({ app, actor }) => ({ applications: await listApplications(app.db, actor.personId) }),
});

const get = defineRoute({
  method: 'GET',
  url: `${BASE}/applications/:applicationId`,
  summary: 'One application: the draft, current problems, confirmations, timeline, outcome',
  tags: ['registration'],
  access: { kind: 'user' },
  params: ApplicationParams,
  response: ApplicationView,
  handler: async ({ app, params, actor }) =>
    applicationView(
      app.db,
      app,
      await getOwnApplication(app.db, params.applicationId, actor.personId),
      actor.personId,
    ),
});

const save = defineRoute({
  method: 'PUT',
  url: `${BASE}/applications/:applicationId/draft`,
  summary:
    'Saves the draft as typed (any step, incomplete allowed); refuses a save based on an older revision',
  tags: ['registration'],
  access: { kind: 'user' },
  params: ApplicationParams,
  body: SaveDraftRequest,
  response: SaveDraftResponse,
  bodyLimit: 512 * 1024,
  handler: async ({ app, params, body, actor }) =>
    app.db.transaction(async (tx) =>
      saveDraft(tx, app, await getOwnApplication(tx, params.applicationId, actor.personId, true), body),
    ),
});

const requestConfirm = defineRoute({
  method: 'POST',
  url: `${BASE}/applications/:applicationId/confirmations`,
  summary: 'Checks the application and asks everyone named to confirm it',
  tags: ['registration'],
  access: { kind: 'user' },
  idempotent: true,
  params: ApplicationParams,
  body: z.strictObject({}),
  response: ApplicationView,
  handler: async ({ app, db, params, actor }) => {
    const row = await getOwnApplication(db, params.applicationId, actor.personId, true);
    const notify = await askForConfirmations(db, app, row, { personId: actor.personId, name: actor.name });
    await announceUpdate(app, notify, { applicationId: row.id }, db);
    return applicationView(db, app, await getOwnApplication(db, row.id, actor.personId), actor.personId);
  },
});

const submit = defineRoute({
  method: 'POST',
  url: `${BASE}/applications/:applicationId/submit`,
  summary: 'Submits: automated review approves at once or routes to a reviewer with reasons',
  tags: ['registration'],
  access: { kind: 'user' },
  idempotent: true,
  params: ApplicationParams,
  body: z.strictObject({}),
  response: ApplicationView,
  handler: async ({ app, db, params, actor }) => {
    const row = await getOwnApplication(db, params.applicationId, actor.personId, true);
    const outcome = await submitApplication(db, app, row, actor.personId);
    await announceUpdate(app, outcome.notify, { applicationId: row.id, status: outcome.status }, db);
    return applicationView(db, app, await getOwnApplication(db, row.id, actor.personId), actor.personId);
  },
});

export const draftRoutes = [nameCheck, mePerson, create, list, get, save, requestConfirm, submit];
