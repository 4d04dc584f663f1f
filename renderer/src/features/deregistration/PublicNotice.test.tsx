// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublicDeregistration } from '../../../../shared/api/deregistration';
import { renderWithApp, stubApi } from '../../test/render';
import { PublicDeregistrationNotice } from './PublicNotice';

const USCC = '91440104MA5H2R8W96';
const notice = (objectionsOpen: boolean): PublicDeregistration => ({
  notice: {
    companyName: '广州市云帆餐饮管理有限公司',
    uscc: USCC,
    status: 'notice',
    noticeFrom: '2026-12-03',
    noticeUntil: '2026-12-22',
    commitmentText: { zh: '全体投资人承诺……', en: 'All investors commit…' },
    investors: ['陈志明'],
    objectionsOpen,
    completedAt: null,
  },
});

describe('the deregistration notice on the disclosure page', () => {
  it('shows the period and takes an objection from anyone, checked before it is sent', async () => {
    const calls = stubApi([
      { method: 'GET', path: `/api/v1/gs/${USCC}/deregistration`, body: notice(true) },
      {
        method: 'POST',
        path: `/api/v1/gs/${USCC}/deregistration/objections`,
        status: 201,
        body: { received: true },
      },
    ]);
    renderWithApp(<PublicDeregistrationNotice uscc={USCC} />);
    expect(await screen.findByTestId('gs-dereg-period')).toHaveTextContent(
      'Notice: 2026-12-03 to 2026-12-22 (20 days)',
    );
    const user = userEvent.setup();
    await user.click(screen.getByTestId('gs-dereg-submit'));
    // antd shows each field's message as its rule settles.
    await waitFor(() => expect(screen.getAllByText('Please fill this in.')).toHaveLength(3));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText('Your name or organisation'), '广州某供应商');
    await user.type(screen.getByLabelText('Contact'), '020-12345678');
    await user.type(screen.getByLabelText('Reason for the objection'), '尚欠货款 12 万元未结清');
    await user.click(screen.getByTestId('gs-dereg-submit'));
    expect(await screen.findByTestId('gs-dereg-received')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '广州某供应商',
      contact: '020-12345678',
      reason: '尚欠货款 12 万元未结清',
    });
  });

  it('offers no form once the notice is over', async () => {
    stubApi([{ method: 'GET', path: `/api/v1/gs/${USCC}/deregistration`, body: notice(false) }]);
    renderWithApp(<PublicDeregistrationNotice uscc={USCC} />);
    expect(
      await screen.findByText('The notice has ended; objections are no longer accepted.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('gs-dereg-object-form')).toBeNull());
  });
});
