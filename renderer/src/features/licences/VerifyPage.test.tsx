// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VerifyAnswer } from '../../../../shared/api/licences';
import { renderWithApp } from '../../test/render';
import { Facts } from './VerifyPage';

const answer = (verdict: VerifyAnswer['verdict']): VerifyAnswer => ({
  verdict,
  reasons: [{ zh: '原因', en: 'reason' }],
  revocationChecked: false,
  identifier: 'urn:licence:1',
  version: 1,
  holderUscc: '91440101MA00000001',
  validUntil: '2099-12-31',
});

describe('the verification page’s facts', () => {
  it('shows the fields of a document whose seal held', () => {
    renderWithApp(<Facts answer={answer('valid')} />);
    expect(screen.getByTestId('verify-facts')).toHaveTextContent('2099-12-31');
  });

  it('never shows the fields of a tampered or unsigned document as facts', () => {
    for (const verdict of ['tampered', 'unknown-issuer', 'malformed'] as const) {
      const { unmount } = renderWithApp(<Facts answer={answer(verdict)} />);
      expect(screen.queryByTestId('verify-facts')).toBeNull();
      expect(screen.queryByText('2099-12-31')).toBeNull();
      unmount();
    }
  });
});
