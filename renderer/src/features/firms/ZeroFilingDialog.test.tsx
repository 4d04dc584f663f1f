// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EligibilityRow, ZeroFilingPreview } from '../../../../shared/api/firms';
import { renderWithApp, stubApi } from '../../test/render';
import { ZeroFilingDialog, mayOverride, overridesOf } from './ZeroFilingDialog';

const FIRM = '00000000-0000-4000-8000-00000000f001';
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';
const BATCH = '00000000-0000-4000-8000-00000000b001';
const text = (en: string) => ({ zh: en, en });

const expiring = (overridden: boolean) => ({
  code: 'DELEGATION_EXPIRING',
  reason: text('The authorization ends 2026-10-16, before the deadline 2026-10-26; renew it.'),
  overridable: true,
  overridden,
});
const hasSales = {
  code: 'HAS_SALES',
  reason: text('Invoices are on file for 2026 Q3 (sales 1200.00 yuan): no nil return.'),
  overridable: false,
  overridden: false,
};
const rowA = (overridden: boolean): EligibilityRow => ({
  companyId: A,
  name: 'Alpha Trading Co.',
  uscc: '91440106MA59QB4E1X',
  eligible: overridden,
  code: overridden ? null : 'DELEGATION_EXPIRING',
  reason: overridden ? null : expiring(false).reason,
  checks: [expiring(overridden)],
});
const rowB: EligibilityRow = {
  companyId: B,
  name: 'Beta Tech Co.',
  uscc: '91440106MA59QB4F2Y',
  eligible: false,
  code: 'HAS_SALES',
  reason: hasSales.reason,
  checks: [hasSales],
};
const previewOf = (overridden: boolean): ZeroFilingPreview => ({
  tax: 'vat',
  periodKey: '2026-Q3',
  periodLabel: text('2026 Q3'),
  eligibleCount: overridden ? 1 : 0,
  rows: [rowA(overridden), rowB],
});

describe('override notes', () => {
  it('a note is asked only where the blocking finding is overridable', () => {
    expect(mayOverride(rowA(false))).toBe(true);
    expect(mayOverride(rowA(true))).toBe(false);
    expect(mayOverride(rowB)).toBe(false);
    expect(overridesOf([rowA(false), rowB], { [A]: ' 已联系客户续期 ', [B]: 'x' })).toEqual([
      { companyId: A, code: 'DELEGATION_EXPIRING', note: '已联系客户续期' },
    ]);
    // A note on a row with only non-overridable findings lets nothing pass.
    expect(overridesOf([rowB], { [B]: '客户说没有开票' })).toEqual([]);
  });
});

describe('ZeroFilingDialog', () => {
  it('lets an expiring authorization pass with a note, never HAS_SALES, and sends the note with the batch', async () => {
    const preview = {
      method: 'POST',
      path: `/api/v1/firms/${FIRM}/batches/zero-filing/preview`,
      body: previewOf(false),
    };
    const calls = stubApi([
      preview,
      {
        method: 'POST',
        path: `/api/v1/firms/${FIRM}/batches/zero-filing`,
        status: 201,
        body: {
          id: BATCH,
          kind: 'zero-filing',
          firmId: FIRM,
          status: 'running',
          title: text('Nil returns'),
          total: 2,
          counts: { pending: 1, running: 0, done: 0, failed: 0, skipped: 1, cancelled: 0 },
          ownerName: '黄丽',
          createdAt: '2026-10-10T04:00:00.000Z',
          finishedAt: null,
          hasOutput: false,
        },
      },
    ]);
    const onStarted = vi.fn();
    renderWithApp(
      <ZeroFilingDialog
        firmId={FIRM}
        periods={{ quarter: '2026-Q3', month: '2026-09' }}
        selected={[A, B]}
        onClose={() => undefined}
        onStarted={onStarted}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByTestId('zero-preview'));
    await screen.findByText(/before the deadline 2026-10-26/);
    expect(screen.getByTestId('zero-check-HAS_SALES')).toBeTruthy();
    // One note box: for Alpha (overridable), none for Beta (the bureau would refuse it).
    const notes = screen.getAllByTestId('zero-override-note');
    expect(notes).toHaveLength(1);
    expect(screen.getByTestId('zero-run')).toHaveProperty('disabled', true);

    await user.type(notes[0]!, '已联系客户续期');
    preview.body = previewOf(true);
    await user.click(screen.getByTestId('zero-preview'));
    await waitFor(() => expect(screen.getByTestId('zero-run')).toHaveProperty('disabled', false));
    expect(screen.queryAllByTestId('zero-override-note')).toHaveLength(0);
    const previews = calls.filter((c) => c.path.endsWith('/preview'));
    expect(previews[0]!.body).not.toHaveProperty('overrides');
    expect(previews[1]!.body).toMatchObject({
      overrides: [{ companyId: A, code: 'DELEGATION_EXPIRING', note: '已联系客户续期' }],
    });

    await user.click(screen.getByTestId('zero-run'));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(BATCH));
    const run = calls.find((c) => c.path.endsWith('/zero-filing'))!;
    expect(run.body).toMatchObject({
      periodKey: '2026-Q3',
      clients: { companyIds: [A, B] },
      overrides: [{ companyId: A, code: 'DELEGATION_EXPIRING', note: '已联系客户续期' }],
    });
  });
});
