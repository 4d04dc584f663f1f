import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Application, Services } from '../../shared/registration/application';
import { branchesOf } from '../../shared/registration/banks';
import { addYears } from '../../shared/registration/dates';
import { chinaToday } from '../../shared/time/china';
import { demoPeople } from '../seed/demo-data';
import type { ApplicationView, ConfirmationEntry } from '../../shared/api/registration';
import type { ChallengeAction } from '../../shared/api/face';
import { fakePerformance } from './face-double';

/**
 * Helpers for route tests and the benchmark: a complete application in which a demo person is
 * sole shareholder and holds every office, and the API calls of the lifecycle.
 */
export const soleFounderApplication = (personKey: string, name: string, now = new Date()): Application => {
  const p = demoPeople.find((d) => d.key === personKey);
  if (!p) throw new Error(`no demo person ${personKey}`);
  const branch = branchesOf('102', '440100')[0];
  return {
    companyType: 'sole-llc',
    name,
    domicile: { divisionCode: '440106', street: '天河路 100 号 8 楼 801 室' },
    registeredCapital: '100000.00',
    shareholders: [
      {
        kind: 'person',
        name: p.name,
        residentId: p.residentId,
        contribution: { amount: '100000.00', form: 'cash', dueDate: addYears(chinaToday(now), 4) },
      },
    ],
    officers: {
      people: [{ ref: 'p1', name: p.name, residentId: p.residentId, phone: p.phone }],
      legalRepresentative: { ref: 'p1', capacity: 'director' },
      governance: { kind: 'single-director', director: 'p1' },
      manager: 'p1',
      supervision: { kind: 'omitted', allShareholdersConsent: true },
      financeOfficer: 'p1',
      liaison: 'p1',
    },
    businessScope: ['I651301', 'I656001'],
    services: {
      ...Services.parse({}),
      bankAccount: { enabled: true, bankCode: '102', branchCode: branch?.code },
    },
  };
};

type Headers = Record<string, string>;
export type Api = { app: FastifyInstance; headers: Headers };

export const call = async (
  api: Api,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key?: string,
) => {
  const headers: Headers = { ...api.headers, ...(key ? { 'idempotency-key': key } : {}) };
  return api.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
};

const expectOk = <T>(res: { statusCode: number; body: string; json: () => unknown }, what: string): T => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

export const createDraft = async (api: Api): Promise<ApplicationView> =>
  expectOk<ApplicationView>(
    await call(api, 'POST', '/api/v1/registration/applications', {}, randomUUID()),
    'create',
  );

export const saveWhole = async (api: Api, view: ApplicationView, app: Application): Promise<number> => {
  const res = await call(api, 'PUT', `/api/v1/registration/applications/${view.id}/draft`, {
    step: 'services',
    revision: view.revision,
    draft: app,
  });
  return expectOk<{ revision: number }>(res, 'save').revision;
};

export const requestConfirm = async (api: Api, id: string): Promise<ApplicationView> =>
  expectOk<ApplicationView>(
    await call(api, 'POST', `/api/v1/registration/applications/${id}/confirmations`, {}, randomUUID()),
    'request confirmations',
  );

export const confirmByPassword = async (api: Api, confirmationId: string, password = 'Demo@2026') =>
  call(api, 'POST', `/api/v1/registration/confirmations/${confirmationId}/confirm`, { password });

/**
 * The legal representative confirms by face in the app: a challenge, then frames of `who` doing it
 * (the test face double must be installed: `useFaceDouble` from the delegation test support).
 */
export const confirmByFace = async (api: Api, confirmationId: string, who = 'A') => {
  const challenge = expectOk<{ challengeId: string; actions: ChallengeAction[] }>(
    await call(api, 'POST', `/api/v1/registration/confirmations/${confirmationId}/face-challenge`),
    'face challenge',
  );
  return call(api, 'POST', `/api/v1/registration/confirmations/${confirmationId}/face`, {
    challengeId: challenge.challengeId,
    frames: fakePerformance(who, challenge.actions),
  });
};

/** The signed-in person confirms a request addressed to them the way it asks for. */
export const confirmMine = (api: Api, c: ConfirmationEntry, who = 'A') =>
  c.method === 'face' ? confirmByFace(api, c.id, who) : confirmByPassword(api, c.id);

export const submit = (api: Api, id: string, key: string = randomUUID()) =>
  call(api, 'POST', `/api/v1/registration/applications/${id}/submit`, {}, key);

/**
 * Draft → confirmations → the filer confirms (by face when they are the legal representative, so
 * the face double must be installed) → ready to submit; returns the view before submission.
 */
export const readyToSubmit = async (api: Api, app: Application): Promise<ApplicationView> => {
  const view = await createDraft(api);
  await saveWhole(api, view, app);
  const asked = await requestConfirm(api, view.id);
  for (const c of asked.confirmations.filter((x) => x.isMe)) expectOk(await confirmMine(api, c), 'confirm');
  return asked;
};
