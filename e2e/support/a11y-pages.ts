import type { APIRequestContext, Page } from '@playwright/test';
import { demoCompanies } from '../../server/seed/demo-data';
import { demo } from './pages';
import { chinaToday } from '../../shared/time/china';

/**
 * The pages the accessibility sweep (e2e/web/a11y.spec.ts) checks in every mode.
 *
 * To add a page: append one entry. `role` says who is signed in (`anon` for the pages without
 * sign-in); `path` is a string or a function of the demo ids resolved once per run (companies,
 * firm, a registration draft, an approval link); `ready` waits for what the page shows when it is
 * loaded, so axe sees the page and not its spinner; `phone` checks it at 390×844.
 */
export type A11yRole = 'anon' | 'chen' | 'li' | 'huang' | 'zhao';

export type DemoIds = {
  yunfanTech: string;
  yunfanFood: string;
  firmId: string;
  registrationId: string;
  approvePath: string;
  techUscc: string;
  returnId: string | null;
  /** A change of 云帆信息科技's address, filed by 陈志明 and waiting for his confirmation. */
  changeId: string;
};

export type A11yPage = {
  name: string;
  role: A11yRole;
  path: string | ((ids: DemoIds) => string | null);
  ready?: (page: Page) => Promise<unknown>;
  phone?: boolean;
};

const heading = (page: Page) => page.locator('h1').first().waitFor({ timeout: 15_000 });

export const a11yPages: A11yPage[] = [
  // Before sign-in
  { name: 'sign-in', role: 'anon', path: '/sign-in', ready: heading },
  { name: 'sign-up', role: 'anon', path: '/sign-up', ready: heading },
  { name: 'verify', role: 'anon', path: '/v', ready: heading },
  { name: 'public-record', role: 'anon', path: (ids) => `/gs/${ids.techUscc}`, ready: heading },
  {
    name: 'phone-approval',
    role: 'anon',
    path: (ids) => ids.approvePath,
    ready: (p) => p.getByTestId('approve-company').waitFor(),
    phone: true,
  },
  { name: 'phone-approval-invalid', role: 'anon', path: '/approve/not-a-token', ready: heading, phone: true },
  {
    name: 'phone-confirmation-invalid',
    role: 'anon',
    path: '/registration/confirm-link/not-a-token',
    ready: heading,
    phone: true,
  },
  { name: 'not-found', role: 'anon', path: '/no-such-page', ready: heading },
  { name: 'verify-seal', role: 'anon', path: '/verify-seal', ready: heading },
  // The legal representative
  { name: 'home', role: 'chen', path: '/', ready: (p) => p.getByTestId('tax-due-widget').waitFor() },
  { name: 'company-tech', role: 'chen', path: (ids) => `/companies/${ids.yunfanTech}`, ready: heading },
  { name: 'company-food', role: 'chen', path: (ids) => `/companies/${ids.yunfanFood}`, ready: heading },
  {
    name: 'tax-filing-zero',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanFood}/tax/file/vat-small-scale/2026-Q3`,
    ready: heading,
  },
  {
    name: 'tax-return-receipt',
    role: 'chen',
    path: (ids) => (ids.returnId ? `/companies/${ids.yunfanTech}/tax/returns/${ids.returnId}` : null),
    ready: heading,
  },
  { name: 'tax-calendar', role: 'chen', path: '/tax/calendar', ready: heading },
  {
    name: 'licences-wallet',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanFood}/licences`,
    ready: heading,
  },
  {
    name: 'licences-apply',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanFood}/licences/apply`,
    ready: heading,
  },
  {
    name: 'annual-reports',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanTech}/annual-reports`,
    ready: heading,
  },
  {
    name: 'registration-wizard',
    role: 'chen',
    path: (ids) => `/registration/${ids.registrationId}`,
    ready: heading,
  },
  { name: 'delegations-granted', role: 'chen', path: '/delegations', ready: heading },
  { name: 'inbox', role: 'chen', path: '/inbox', ready: heading },
  { name: 'account-face', role: 'chen', path: '/account/face', ready: heading },
  { name: 'approvals', role: 'chen', path: '/approvals', ready: heading },
  {
    name: 'change-new',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanTech}/changes/new`,
    ready: heading,
  },
  {
    name: 'change-detail',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanTech}/changes/${ids.changeId}`,
    ready: heading,
  },
  { name: 'changes-confirm', role: 'chen', path: '/changes/confirm', ready: heading },
  { name: 'seals', role: 'chen', path: (ids) => `/companies/${ids.yunfanTech}/seals`, ready: heading },
  {
    name: 'deregistration',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanTech}/deregistration`,
    ready: (p) => p.getByTestId('dereg-eligibility').waitFor({ timeout: 30_000 }),
  },
  {
    name: 'activity-log',
    role: 'chen',
    path: (ids) => `/companies/${ids.yunfanTech}/activity`,
    ready: heading,
  },
  { name: 'todos', role: 'chen', path: '/todos', ready: heading },
  { name: 'todo-settings', role: 'chen', path: '/todos/settings', ready: heading },
  { name: 'equity-notices', role: 'chen', path: '/changes/equity-notices', ready: heading },
  // The agent
  { name: 'agent-home', role: 'li', path: '/', ready: heading },
  { name: 'agent-company', role: 'li', path: (ids) => `/companies/${ids.yunfanTech}`, ready: heading },
  // The firm
  { name: 'firm-index', role: 'huang', path: '/firm', ready: heading },
  {
    name: 'firm-roster',
    role: 'huang',
    path: (ids) => `/firm/${ids.firmId}/roster`,
    ready: (p) => p.getByTestId('roster-name').first().waitFor(),
  },
  { name: 'firm-ledger', role: 'huang', path: (ids) => `/firm/${ids.firmId}/ledger`, ready: heading },
  { name: 'firm-batches', role: 'huang', path: (ids) => `/firm/${ids.firmId}/batches`, ready: heading },
  { name: 'firm-team', role: 'huang', path: (ids) => `/firm/${ids.firmId}/team`, ready: heading },
  // Reviewers
  { name: 'review-licences', role: 'zhao', path: '/review/licences', ready: heading },
  { name: 'review-registration', role: 'zhao', path: '/registration/review', ready: heading },
  { name: 'review-changes', role: 'zhao', path: '/changes/review', ready: heading },
  { name: 'review-notices', role: 'zhao', path: '/review/notices', ready: heading },
];

/** Signs a demo person in through the API; the token goes into the browser's storage. */
export const signInToken = async (
  request: APIRequestContext,
  baseURL: string,
  login: string,
): Promise<string> => {
  const res = await request.post(`${baseURL}/api/v1/auth/sign-in`, {
    data: { login, password: 'Demo@2026' },
  });
  if (!res.ok()) throw new Error(`sign-in ${login}: ${res.status()}`);
  return ((await res.json()) as { token: string }).token;
};

export const roleLogins: Record<Exclude<A11yRole, 'anon'>, string> = {
  chen: demo.chen,
  li: demo.li,
  huang: demo.huang,
  zhao: demo.zhao,
};

const getJson = async <T>(request: APIRequestContext, url: string, token: string): Promise<T> => {
  const res = await request.get(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
  return (await res.json()) as T;
};

const send = async <T>(request: APIRequestContext, url: string, token: string, data: unknown): Promise<T> => {
  const res = await request.post(url, {
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': `a11y${Math.random().toString(36).slice(2, 14)}`,
    },
    data,
  });
  if (!res.ok()) throw new Error(`POST ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

/** The ids the page paths need, from the demo data of this spec file's platform. */
export const resolveDemoIds = async (
  request: APIRequestContext,
  baseURL: string,
  tokens: Record<Exclude<A11yRole, 'anon'>, string>,
): Promise<DemoIds> => {
  const { companies } = await getJson<{ companies: { id: string; name: string }[] }>(
    request,
    `${baseURL}/api/v1/companies`,
    tokens.chen,
  );
  const idOf = (key: string): string => {
    const name = demoCompanies.find((c) => c.key === key)?.name;
    const id = companies.find((c) => c.name === name)?.id;
    if (!id) throw new Error(`demo company ${key} missing`);
    return id;
  };
  const firms = await getJson<{ firms: { id: string }[] }>(request, `${baseURL}/api/v1/firms`, tokens.huang);
  const draft = await send<{ id: string }>(
    request,
    `${baseURL}/api/v1/registration/applications`,
    tokens.chen,
    {},
  );
  const requested = await send<{ link: { path: string } | null }>(
    request,
    `${baseURL}/api/v1/companies/${idOf('yunfan-tech')}/delegations`,
    tokens.li,
    { scopes: ['tax.file'], validity: { kind: 'months', months: 3 } },
  );
  const returns = await getJson<{ returns?: { id: string }[]; items?: { id: string }[] }>(
    request,
    `${baseURL}/api/v1/companies/${idOf('yunfan-tech')}/tax/returns`,
    tokens.chen,
  );
  const form = await getJson<{ shareholders: { name: string }[] }>(
    request,
    `${baseURL}/api/v1/companies/${idOf('yunfan-tech')}/changes/form`,
    tokens.chen,
  );
  const change = await send<{ id: string }>(
    request,
    `${baseURL}/api/v1/companies/${idOf('yunfan-tech')}/changes`,
    tokens.chen,
    {
      // Yesterday in China: a resolution may not be dated in the future.
      resolutionDate: chinaToday(new Date(Date.now() - 24 * 60 * 60 * 1000)),
      votes: form.shareholders.map((h) => ({ shareholder: h.name, vote: 'for' })),
      domicile: { divisionCode: '440106', street: '天河路 208 号粤海天河城大厦 12 楼 1203 室' },
    },
  );
  const techUscc = demoCompanies.find((c) => c.key === 'yunfan-tech')?.uscc ?? '';
  return {
    yunfanTech: idOf('yunfan-tech'),
    yunfanFood: idOf('yunfan-food'),
    firmId: firms.firms[0]?.id ?? '',
    registrationId: draft.id,
    approvePath: requested.link?.path ?? '/approve/missing',
    techUscc,
    returnId: (returns.returns ?? returns.items ?? [])[0]?.id ?? null,
    changeId: change.id,
  };
};
