// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../../shared/api/firms';
import { encodeRosterRow, type RosterRow } from '../../../../shared/firms/roster';
import { renderWithApp, stubApi } from '../../test/render';
import { RosterTab } from './RosterTab';

const FIRM = '00000000-0000-4000-8000-00000000f001';
const GROUP = '00000000-0000-4000-8000-00000000a001';
const id = (n: number): string => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

const client = (n: number, name: string, uscc: string, more: Partial<RosterRow> = {}) =>
  encodeRosterRow({
    companyId: id(n),
    uscc,
    name,
    groups: [],
    contact: null,
    delegation: 'active',
    validUntil: null,
    daysLeft: null,
    vat: 'filed',
    cit: 'filed',
    nextDeadline: null,
    nextTax: null,
    licencesExpiring: 0,
    lastActivity: null,
    vatPeriod: 'quarter',
    noSales: false,
    renewalPending: false,
    annualDaysLeft: null,
    annualOverdue: false,
    lifecycle: 'active',
    ...more,
  });

const roster: Roster = {
  today: '2026-12-03',
  periods: { month: '2026-11', quarter: '2026-Q3', cit: '2026-Q3' },
  groups: [{ id: GROUP, name: '顺德组' }],
  rows: [
    client(1, '广州市云帆信息科技有限公司', '91440101MA5AAAAA1A', { groups: [0], noSales: true }),
    client(2, '广州市云帆餐饮管理有限公司', '91440101MA5BBBBB2B', { lifecycle: 'deregistered' }),
    client(3, '深圳市启明贸易有限公司', '91440300MA5CCCCC3C', { noSales: true }),
    client(4, '佛山市顺德区美家家居有限公司', '91440606MA5DDDDD4D', { lifecycle: 'deregistering' }),
  ],
};

const setup = () => {
  stubApi([
    { method: 'GET', path: `/api/v1/firms/${FIRM}/roster`, body: roster },
    { method: 'GET', path: `/api/v1/firms/${FIRM}/views`, body: { views: [] } },
    {
      method: 'GET',
      path: `/api/v1/firms/${FIRM}/team`,
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no' } },
    },
  ]);
  renderWithApp(<RosterTab firmId={FIRM} isAdmin={false} />);
};

const count = (): HTMLElement => screen.getByTestId('roster-count');
const names = (): (string | null)[] => screen.queryAllByTestId('roster-name').map((e) => e.textContent);
const rowBox = (name: string): HTMLElement => {
  const row = screen.getByText(name).closest<HTMLElement>('.ant-table-row');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row).getByRole('checkbox');
};
const search = (text: string): void => {
  fireEvent.change(screen.getByLabelText('Search name, credit code or contact'), { target: { value: text } });
};

describe('the firm roster', () => {
  it('marks deregistered clients and clients in a simplified-deregistration notice', async () => {
    setup();
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
    const tags = screen.getAllByTestId('roster-lifecycle');
    const nameOf = (e: HTMLElement) =>
      e.closest('.ant-table-row')?.querySelector('[data-testid="roster-name"]')?.textContent;
    expect(tags.map((e) => [nameOf(e), e.textContent])).toEqual([
      ['广州市云帆餐饮管理有限公司', 'Deregistered'],
      ['佛山市顺德区美家家居有限公司', 'Deregistering'],
    ]);
  });

  it('filters the loaded roster as the search is typed, ignoring case, spaces and hyphens', async () => {
    setup();
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
    search('云帆');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 2 of 4'));
    expect(names()).toEqual(['广州市云帆信息科技有限公司', '广州市云帆餐饮管理有限公司']);
    search('91440300-ma5c cccc3c');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 1 of 4'));
    expect(names()).toEqual(['深圳市启明贸易有限公司']);
    search('');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
  });

  it('applies the filters and combines them with the search', async () => {
    setup();
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
    await userEvent.click(screen.getByTestId('toggle-filters'));
    await userEvent.click(screen.getByTestId('filter-no-sales'));
    await waitFor(() => expect(count()).toHaveTextContent('Showing 2 of 4'));
    search('深圳');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 1 of 4'));
    search('佛山');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 0 of 4'));
  });

  it('selects what is shown, keeps the selection while the filter changes, and clears it', async () => {
    setup();
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
    const receipts = screen.getByRole('button', { name: 'Export receipts' });
    expect(receipts).toBeDisabled();

    search('云帆');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 2 of 4'));
    await userEvent.click(screen.getByTestId('select-shown'));
    expect(count()).toHaveTextContent('Showing 2 of 4 · 2 selected');
    expect(receipts).toBeEnabled();

    search('');
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4 · 2 selected'));
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(count()).toHaveTextContent(/^Showing 4 of 4$/);
    expect(receipts).toBeDisabled();
  });

  it('selects single clients with their row checkbox', async () => {
    setup();
    await waitFor(() => expect(count()).toHaveTextContent('Showing 4 of 4'));
    await userEvent.click(rowBox('深圳市启明贸易有限公司'));
    expect(count()).toHaveTextContent('Showing 4 of 4 · 1 selected');
    expect(rowBox('深圳市启明贸易有限公司')).toBeChecked();
    expect(rowBox('广州市云帆餐饮管理有限公司')).not.toBeChecked();
    await userEvent.click(rowBox('广州市云帆餐饮管理有限公司'));
    expect(count()).toHaveTextContent('· 2 selected');
    await userEvent.click(rowBox('深圳市启明贸易有限公司'));
    expect(count()).toHaveTextContent('· 1 selected');
    expect(rowBox('广州市云帆餐饮管理有限公司')).toBeChecked();
  });
});
