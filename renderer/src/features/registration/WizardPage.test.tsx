// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationView, NameCheckResponse } from '../../../../shared/api/registration';
import { renderWithApp, stubApi, type FetchCall } from '../../test/render';
import { WizardPage } from './WizardPage';

const APP = '00000000-0000-4000-8000-0000000000a1';
const BASE = '/api/v1/registration';

const application: ApplicationView = {
  id: APP,
  status: 'draft',
  step: 'basics',
  revision: 1,
  draft: { companyType: 'llc' },
  filerName: '陈示例',
  check: { complete: false, problems: [] },
  reviewReasons: [],
  returnComment: null,
  confirmations: [],
  timeline: [],
  requiredLicences: [],
  outcome: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

const verdict = (ok: boolean): NameCheckResponse => ({
  ok,
  parts: null,
  problems: [],
  suggestions: [],
});

let registryAccepts = true;
let calls: FetchCall[] = [];

beforeEach(() => {
  registryAccepts = true;
  calls = stubApi([
    { method: 'GET', path: `${BASE}/applications/${APP}`, body: application },
    {
      method: 'PUT',
      path: `${BASE}/applications/${APP}/draft`,
      body: { revision: 2, status: 'draft', savedAt: '2026-12-01T02:01:00.000Z' },
    },
    // A getter: each test decides what the registry answers.
    {
      method: 'POST',
      path: `${BASE}/name-check`,
      get body() {
        return verdict(registryAccepts);
      },
    },
  ]);
});

const open = async () => {
  renderWithApp(
    <Routes>
      <Route path="/registration/:applicationId" element={<WizardPage />} />
    </Routes>,
    { path: `/registration/${APP}` },
  );
  await screen.findByRole('heading', { name: 'Company type and name' });
};

const basicsHeading = () => screen.getByRole('heading', { name: 'Company type and name' });
const next = () => userEvent.click(screen.getByTestId('reg-next'));
const nameChecks = () => calls.filter((c) => c.path === `${BASE}/name-check`);

describe('the registration wizard', () => {
  it('does not leave a step whose fields are missing, and says why', async () => {
    await open();
    await next();
    expect(screen.getByText('Fix the fields marked in red first')).toBeInTheDocument();
    expect(basicsHeading()).toBeInTheDocument();
    expect(nameChecks()).toEqual([]);
  });

  it('refuses a name that breaks the naming rules', async () => {
    await open();
    fireEvent.change(screen.getByTestId('reg-name'), { target: { value: 'abc' } });
    await next();
    expect(screen.getByText('Fix the fields marked in red first')).toBeInTheDocument();
    expect(basicsHeading()).toBeInTheDocument();
  });

  it('moves on once the registry accepts the name, and validates the next step in turn', async () => {
    await open();
    fireEvent.change(screen.getByTestId('reg-name'), { target: { value: '广州市云帆信息科技有限公司' } });
    await next();
    expect(await screen.findByRole('heading', { name: 'Domicile' })).toBeInTheDocument();
    expect(nameChecks().at(-1)?.body).toMatchObject({
      name: '广州市云帆信息科技有限公司',
      companyType: 'llc',
      applicationId: APP,
    });
    expect(screen.queryByText('Fix the fields marked in red first')).not.toBeInTheDocument();

    await next();
    expect(screen.getByText('Fix the fields marked in red first')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Domicile' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(basicsHeading()).toBeInTheDocument();
    expect(screen.queryByText('Fix the fields marked in red first')).not.toBeInTheDocument();
  });

  it('stays on the name when the registry refuses it', async () => {
    registryAccepts = false;
    await open();
    fireEvent.change(screen.getByTestId('reg-name'), { target: { value: '广州市云帆信息科技有限公司' } });
    await next();
    await waitFor(() => expect(screen.getByText('Fix the fields marked in red first')).toBeInTheDocument());
    expect(nameChecks().length).toBeGreaterThan(0);
    expect(basicsHeading()).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Domicile' })).not.toBeInTheDocument();
  });
});
