// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import type { DueItem } from '../../../../shared/api/tax';
import { renderWithApp } from '../../test/render';
import { useSession } from '../../state/session';
import { ZeroFilingDialog } from './ZeroFilingDialog';

const item: DueItem = {
  companyId: '00000000-0000-4000-8000-000000000001',
  companyName: 'Yunfan Catering',
  tax: 'vat',
  form: 'vat-small-scale',
  period: { type: 'quarter', year: 2026, quarter: 3 },
  periodKey: '2026-Q3',
  dueDate: '2026-10-24',
  daysLeft: -40,
  sourceOfDate: 'official',
  state: 'overdue',
  draftReturnId: null,
  returnId: null,
  paymentId: null,
  amountDue: null,
  zeroFilingOffered: true,
  canFile: true,
  canPay: true,
};

const show = (elderMode: boolean) => {
  const view = renderWithApp(
    <ZeroFilingDialog
      item={item}
      period={{ type: 'quarter', year: 2026, quarter: 3 }}
      form="vat-small-scale"
      onClose={() => undefined}
    />,
  );
  act(() => useSession.setState({ prefs: { lang: 'en', elderMode } }));
  return view;
};

/** The buttons of the dialog's footer (the close icon in the title bar is not one of them). */
const footerButtons = (): string[] =>
  [...document.querySelectorAll('.ant-modal-footer button')].map((b) => b.textContent ?? '');

describe('zero filing, one primary action', () => {
  it('in elder mode: only the confirm button, no optional notes; the warning that matters stays', () => {
    show(true);
    expect(footerButtons()).toEqual([expect.stringMatching(/File/)]);
    expect(document.querySelectorAll('.ant-modal .ant-btn-primary')).toHaveLength(1);
    expect(screen.queryByText(/no sales/i)).toBeNull();
    expect(screen.getByTestId('zero-declaration')).toBeInTheDocument();
    expect(screen.getByText(/deadline has passed|late/i)).toBeInTheDocument();
  });

  it('in the standard mode: cancel beside it, and the notes', () => {
    show(false);
    expect(footerButtons()).toHaveLength(2);
    expect(document.querySelectorAll('.ant-modal .ant-btn-primary')).toHaveLength(1);
    expect(screen.getByText(/no sales/i)).toBeInTheDocument();
  });
});
