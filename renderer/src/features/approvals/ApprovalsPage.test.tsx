// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ApprovalQueue } from '../../../../shared/api/approvals';
import { renderWithApp, stubApi } from '../../test/render';
import { useSession } from '../../state/session';
import { ApprovalsPage } from './ApprovalsPage';

const queue: ApprovalQueue = {
  items: [
    {
      kind: 'delegation',
      id: '00000000-0000-4000-8000-000000000001',
      companyName: 'Yunfan Tech',
      requesterName: 'Li Xiaohong',
      requesterIdMasked: '4401**********1234',
      scopes: ['tax.file'],
      roles: [],
      note: null,
      requestedAt: '2026-12-01T02:00:00.000Z',
      expiresAt: null,
    },
  ],
  assurance: {
    session: 'password',
    faceVerifiedAt: null,
    faceValidUntil: null,
    reverifyWindowMinutes: null,
    counterVerified: false,
    faceConsent: null,
  },
};

const show = async (elderMode: boolean) => {
  stubApi([{ method: 'GET', path: '/api/v1/me/approvals', body: queue }]);
  renderWithApp(<ApprovalsPage />);
  act(() => useSession.setState({ prefs: { lang: 'en', elderMode } }));
  await screen.findByTestId('approval-item');
};

const primaries = (): number => document.querySelectorAll('.ant-btn-primary').length;

describe('approvals in elder mode: one step, one primary action at a time', () => {
  it('asks for consent first, then offers the face check; settings and select-all are folded away', async () => {
    await show(true);
    expect(screen.queryByTestId('approvals-face-start')).toBeNull();
    expect(primaries()).toBe(0);
    expect(screen.queryByText('Select all')).toBeNull();
    const more = screen.getByTestId('approvals-more');
    expect(more).not.toHaveAttribute('open');
    expect(more.querySelector('summary')).toHaveTextContent('More settings');

    fireEvent.click(screen.getByTestId('approvals-consent'));
    expect(await screen.findByTestId('approvals-face-start')).toBeInTheDocument();
    expect(primaries()).toBe(1);
  });

  it('shows every part at once in the standard mode', async () => {
    await show(false);
    expect(screen.getByTestId('approvals-face-start')).toBeInTheDocument();
    expect(screen.getByTestId('approvals-window')).toBeInTheDocument();
    expect(screen.queryByTestId('approvals-more')).toBeNull();
  });
});
