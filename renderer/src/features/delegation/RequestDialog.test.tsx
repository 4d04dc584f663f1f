// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { scopeCatalogue } from '../../../../shared/delegation/scopes';
import { renderWithApp, stubApi } from '../../test/render';
import { RequestDialog } from './RequestDialog';

const COMPANY = '00000000-0000-4000-8000-0000000000c1';

const open = () => {
  const onClose = vi.fn();
  renderWithApp(<RequestDialog companyId={COMPANY} open onClose={onClose} />);
  return { onClose, dialog: screen.getByRole('dialog') };
};

/** The scope keys whose boxes are ticked, in catalogue order. */
const ticked = (): string[] =>
  scopeCatalogue
    .filter((s) => (screen.getByTestId(`scope-${s.key}`) as HTMLInputElement).checked)
    .map((s) => s.key);

const submitButton = (): HTMLElement => screen.getByTestId('delegation-submit');

describe('the delegation request dialog', () => {
  it('suggests the smallest scopes for what the agent needs to do', async () => {
    open();
    expect(ticked()).toEqual([]);
    expect(submitButton()).toBeDisabled();

    await userEvent.click(screen.getByLabelText('File tax returns'));
    expect(ticked()).toEqual(['tax.file']);
    await userEvent.click(screen.getByLabelText('Zero filing'));
    expect(ticked()).toEqual(['tax.file']);
    await userEvent.click(screen.getByLabelText('Pay taxes'));
    expect(ticked()).toEqual(['tax.file', 'tax.pay']);
    expect(submitButton()).toBeEnabled();

    // Viewing the company is implied by filing, so it is not asked for separately.
    await userEvent.click(screen.getByLabelText('See the company’s information and case progress'));
    expect(ticked()).toEqual(['tax.file', 'tax.pay']);

    await userEvent.click(screen.getByLabelText('File tax returns'));
    await userEvent.click(screen.getByLabelText('Zero filing'));
    await userEvent.click(screen.getByLabelText('Pay taxes'));
    expect(ticked()).toEqual(['company.view']);
  });

  it('lets the agent change the suggestion, and needs a matter for a single use', async () => {
    open();
    await userEvent.click(screen.getByLabelText('Apply for a licence'));
    expect(ticked()).toEqual(['licence.apply', 'licence.use']);
    await userEvent.click(screen.getByTestId('scope-licence.use'));
    expect(ticked()).toEqual(['licence.apply']);

    await userEvent.click(screen.getByText('This matter only (single use)'));
    expect(submitButton()).toBeDisabled();
    await userEvent.type(screen.getByLabelText('The matter'), 'x');
    expect(submitButton()).toBeDisabled();
    await userEvent.type(screen.getByLabelText('The matter'), 'y');
    expect(submitButton()).toBeEnabled();
  });

  it('sends the tasks, scopes and validity, and shows a refusal with its code', async () => {
    const calls = stubApi([
      {
        method: 'POST',
        path: `/api/v1/companies/${COMPANY}/delegations`,
        status: 409,
        body: { error: { code: 'DELEGATION_PENDING', message: 'A request is already waiting' } },
      },
    ]);
    const { onClose, dialog } = open();
    await userEvent.click(screen.getByLabelText('Pay taxes'));
    await userEvent.click(screen.getByText('7 days'));
    await userEvent.type(screen.getByLabelText(/^Note to the legal representative/), '  for March  ');
    await userEvent.click(submitButton());

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('A request is already waiting');
    expect(alert).toHaveTextContent('DELEGATION_PENDING');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: `/api/v1/companies/${COMPANY}/delegations`,
        body: {
          scopes: ['tax.pay'],
          validity: { kind: 'days', days: 7 },
          note: 'for March',
          tasks: ['pay-tax'],
        },
      },
    ]);
    await waitFor(() => expect(submitButton()).toBeEnabled());
    expect(onClose).not.toHaveBeenCalled();
  });
});
