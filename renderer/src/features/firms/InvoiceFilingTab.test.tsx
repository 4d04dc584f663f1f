// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../../shared/api/firms';
import type { InvoiceBundleReport } from '../../../../shared/firms/invoice-batch';
import { renderWithApp, stubApi } from '../../test/render';
import { InvoiceFilingTab } from './InvoiceFilingTab';

const FIRM = '00000000-0000-4000-8000-00000000f001';
const A = '00000000-0000-4000-8000-000000000001';

/*
 * The platform's periods are deliberately far from any real date the test may run on: had the tab
 * taken them from the browser's clock, they could not match.
 */
const roster: Roster = {
  today: '2025-07-08',
  periods: { month: '2025-06', quarter: '2025-Q2', cit: '2025-Q2' },
  groups: [],
  rows: [],
};

const report: InvoiceBundleReport = {
  files: 1,
  clients: [
    {
      companyId: A,
      name: 'Alpha Trading Co.',
      uscc: '91440106MA59QB4E1X',
      files: ['a.csv'],
      imported: 3,
      alreadyOnFile: 0,
      rejected: [],
      error: null,
    },
  ],
  unmatched: [],
};

describe('InvoiceFilingTab', () => {
  it('offers the platform’s periods, not the browser’s, and reviews the quarter it offers', async () => {
    const calls = stubApi([
      { method: 'GET', path: `/api/v1/firms/${FIRM}/roster`, body: roster },
      { method: 'POST', path: `/api/v1/firms/${FIRM}/invoices/bundles`, body: report },
      {
        method: 'POST',
        path: `/api/v1/firms/${FIRM}/batches/invoice-filing/review`,
        status: 422,
        body: { error: { code: 'STOP', message: 'stop here' } },
      },
    ]);
    const { container } = renderWithApp(<InvoiceFilingTab firmId={FIRM} />);
    const quarter = await screen.findByRole('radio', { name: /Quarter 2025-Q2/ });
    expect(screen.getByRole('radio', { name: /Month 2025-06/ })).toBeTruthy();
    // The quarter is chosen once the roster has answered.
    await waitFor(() => expect(quarter).toBeChecked());

    const user = userEvent.setup();
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, new File(['a,b\n'], 'a.csv', { type: 'text/csv' }));
    await user.click(await screen.findByTestId('invoice-review'));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/review'))).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/review'))!.body).toMatchObject({
      periodKey: '2025-Q2',
      companyIds: [A],
    });
  });
});
