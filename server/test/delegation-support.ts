// Shared helpers for the delegation route tests (not product code).
import { eq } from 'drizzle-orm';
import type { TestApp } from './harness';
import { companies, persons } from '../db/schema';
import { demoCompanies, demoPeople } from '../seed/demo-data';
import type { ChallengeAction, DelegationRequestBody } from '../../shared/api/delegation';
import { setFaceVerifierForTests } from '../modules/face-checks/face-port';
import { storeFaceTemplate } from '../seed/demo-faces';
import { FaceVerifierDouble, fakePerformance } from './face-double';

let keySeq = 0;
export const idem = (): { 'idempotency-key': string } => ({
  'idempotency-key': `test-key-${Date.now()}-${++keySeq}`,
});

export const personIdOf = async (t: TestApp, key: string): Promise<string> => {
  const name = demoPeople.find((p) => p.key === key)?.name;
  const [row] = await t.ctx.db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.name, name ?? ''));
  if (!row) throw new Error(`no person ${key}`);
  return row.id;
};

export const companyIdOf = async (t: TestApp, key: string): Promise<string> => {
  const name = demoCompanies.find((c) => c.key === key)?.name;
  const [row] = await t.ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.name, name ?? ''));
  if (!row) throw new Error(`no company ${key}`);
  return row.id;
};

/** Installs the face double and enrols the demo legal representatives: chen and liu as "A", wang as "B". */
export const useFaceDouble = async (t: TestApp): Promise<FaceVerifierDouble> => {
  const double = new FaceVerifierDouble();
  setFaceVerifierForTests(t.ctx, double);
  for (const [key, who] of [
    ['chen', 'A'],
    ['liu', 'A'],
    ['wang', 'B'],
  ] as const)
    await storeFaceTemplate(t.ctx, await personIdOf(t, key), double.templateFor(who));
  return double;
};

export const tokenOf = (linkPath: string): string => linkPath.replace(/^\/(?:a|approve)\//, '');

export const askFor = async (
  t: TestApp,
  token: string,
  companyId: string,
  body: Partial<DelegationRequestBody> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/delegations`,
    headers: { ...t.auth(token), ...idem() },
    payload: { scopes: ['tax.file'], validity: { kind: 'months', months: 3 }, note: '季度申报', ...body },
  });

export const challenge = async (
  t: TestApp,
  linkToken: string,
): Promise<{ challengeId: string; actions: ChallengeAction[] }> => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/approvals/${linkToken}/challenge`,
    headers: { 'user-agent': 'test-phone' },
  });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  return res.json();
};

export const submit = (t: TestApp, linkToken: string, challengeId: string, frames: string[]) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/approvals/${linkToken}/verify`,
    headers: { 'user-agent': 'test-phone' },
    payload: { challengeId, frames },
  });

/** The legal representative ("A" or "B") approves on the phone with a correct performance. */
export const approveAs = async (t: TestApp, linkToken: string, who: string) => {
  const c = await challenge(t, linkToken);
  return submit(t, linkToken, c.challengeId, fakePerformance(who, c.actions));
};
