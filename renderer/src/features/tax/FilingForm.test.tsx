// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CompanyDetail } from '../../../../shared/api/companies';
import { computeReturn, type Prefill, type ReturnInput } from '../../../../shared/api/tax';
import { formatCurrency } from '../../components/format';
import { renderWithApp } from '../../test/render';
import { FilingForm } from './FilingForm';

const company: CompanyDetail = {
  id: '00000000-0000-4000-8000-0000000000c1',
  uscc: '91440101MA00000001',
  name: '广州市示例科技有限公司',
  type: 'llc',
  status: 'active',
  legalRepresentative: { name: '陈示例', residentIdMasked: '4401**********0011' },
  registeredCapital: '1000000.00',
  divisionCode: '440106',
  address: '广州市天河区示例路 1 号',
  businessScope: [],
  establishedOn: '2024-01-02',
  registrationAuthority: '广州市天河区市场监督管理局',
  taxpayerType: 'small-scale',
  vatPeriod: 'quarter',
  myRoles: ['legal-representative'],
  actingAs: 'legal-representative',
  grantedScopes: ['*'],
  actingUntil: null,
};

const prefill: Prefill = {
  form: 'vat-small-scale',
  period: { type: 'quarter', year: 2026, quarter: 3 },
  periodKey: '2026-Q3',
  dueDate: '2026-10-26',
  periodEnded: true,
  late: false,
  facts: { location: 'urban', prepaidOnPlatform: '0.00' },
  input: { form: 'vat-small-scale', sales: {} },
  inputSource: 'empty',
  draftReturnId: null,
  corrects: null,
  invoices: null,
  company: { name: company.name, uscc: company.uscc, taxpayerType: 'small-scale' },
};

/** What the shared engine computes for these figures, as the form shows it. */
const expectedTotal = (sales: Extract<ReturnInput, { form: 'vat-small-scale' }>['sales']): string =>
  formatCurrency(
    computeReturn(prefill.period, { form: 'vat-small-scale', sales }, prefill.facts).totalPayable,
    'en',
  );

const setup = () =>
  renderWithApp(
    <FilingForm
      prefill={prefill}
      company={company}
      correction={false}
      refetch={() => Promise.resolve(prefill)}
    />,
  );

const type = (path: string, value: string): void => {
  fireEvent.change(screen.getByTestId(`field-${path}`), { target: { value } });
};

describe('the filing form', () => {
  it('recomputes the return beside the form on every change', () => {
    setup();
    expect(screen.getByTestId('total-payable')).toHaveTextContent(expectedTotal({}));
    expect(screen.getByTestId('submit-return')).toBeEnabled();

    // Above the quarterly threshold the 1% sales are taxed; the figure follows each keystroke.
    type('sales.general1pct', '400000');
    const taxed = expectedTotal({ general1pct: '400000' });
    expect(taxed).not.toBe(expectedTotal({}));
    expect(screen.getByTestId('total-payable')).toHaveTextContent(taxed);

    type('sales.special3pct', '1000.50');
    expect(screen.getByTestId('total-payable')).toHaveTextContent(
      expectedTotal({ general1pct: '400000', special3pct: '1000.50' }),
    );
  });

  it('shows the engine’s refusal under the field and in place of the figures, and blocks submission', () => {
    setup();
    type('sales.general1pct', '-5');
    const problem = screen.getByTestId('computation-problem');
    expect(screen.queryByTestId('total-payable')).not.toBeInTheDocument();
    expect(screen.getByTestId('submit-return')).toBeDisabled();
    const field = screen.getByTestId('field-sales.general1pct');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const message = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(message).not.toBeNull();
    expect(within(problem).getByText(message?.textContent ?? '')).toBeInTheDocument();
    // The message is the form's own words, not the engine's field path.
    expect(message?.textContent).not.toContain('sales.general1pct');

    type('sales.general1pct', 'abc');
    expect(screen.getByTestId('field-sales.general1pct')).toHaveAttribute('aria-invalid', 'true');

    type('sales.general1pct', '5');
    expect(screen.queryByTestId('computation-problem')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-sales.general1pct')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('submit-return')).toBeEnabled();
  });

  it('does not offer submission before the period has ended', () => {
    renderWithApp(
      <FilingForm
        prefill={{ ...prefill, periodEnded: false }}
        company={company}
        correction={false}
        refetch={() => Promise.resolve(prefill)}
      />,
    );
    expect(screen.getByTestId('total-payable')).toBeInTheDocument();
    expect(screen.getByTestId('submit-return')).toBeDisabled();
  });
});
