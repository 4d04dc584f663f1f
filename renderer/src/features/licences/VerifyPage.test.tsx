// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VerifyAnswer } from '../../../../shared/api/licences';
import { renderWithApp } from '../../test/render';
import { Facts } from './VerifyPage';
import { VerdictAlert } from './bits';
import { verifyOffline } from './OfflineVerify';

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

/**
 * A real seal signed in Node (SM2 signing does not run under jsdom), its expiry then changed to
 * 2099-12-31 in the QR data: the signature no longer covers it.
 */
const TAMPERED = {
  publicKeyHex:
    '0478bb5eaafe2ae4dbe5364bc76411c8882339a0ac9cce036b6dc4ef2340c58618627a7a22bacafa6d16ba7ad3c90e08b2ce0decf3d7eaf14ed50ed26d766acbbc',
  qr: '1.eyJkIjoiMWUwOTY4NjUyNTVmYmQ5MTBlZDY1N2M4NTA2ZGJjODg5NGFlNWU5MTU0ZTE3ZDI2NGQwOTk3YTAzYjEyZGJiNCIsImgiOiI5MTQ0MDEwNlQ5MDAwMDAxMlUiLCJpZCI6IjEuMi4xNTYuMzAwNS4yLjExMTAwMDAwVDAwMDAwMDFYTDAwMS4xMTQ0MDEwMFQxMDAwMDAxMzAuMjAyNDAwMDAwMDEuMDAxLkMiLCJrIjoiZ3otYW1yIzEiLCJzIjoiYjJkZmZjNDVkMzk4YmYxZGZlZjk0MmE2MWIwNjU5NWEwM2ZhMWQ2Njc4ODliZDdkNWM3ZjE1MjhlMDFhYWM2M2JhY2RiMTJiZmJkMGFlZGI3NmQ0MzE1ZjYyNjAzYjMzZmQ2YWY1ZDMyZGE0ODRhYjM3MDQ3N2Q4OGRkZjNhZDEiLCJ1IjoiMjA5OS0xMi0zMSIsInYiOjF9',
  holderUscc: '91440106T90000012U',
};

describe('a QR whose expiry was changed to 2099-12-31', () => {
  it('is 已被篡改 and the page states nothing of it as fact: not the date, not the holder', () => {
    const verdict = verifyOffline(TAMPERED.qr, [
      { keyId: 'gz-amr#1', issuerKey: 'gz-amr', publicKeyHex: TAMPERED.publicKeyHex },
    ]);
    expect(verdict.verdict).toBe('tampered');
    renderWithApp(
      <>
        <VerdictAlert answer={verdict} title="离线核验" testId="offline-result" />
        <Facts answer={verdict} />
      </>,
    );
    expect(screen.getByTestId('offline-result-verdict')).toHaveTextContent(/已被篡改|Tampered/);
    expect(screen.queryByTestId('verify-facts')).toBeNull();
    expect(document.body.textContent).not.toContain('2099');
    expect(document.body.textContent).not.toContain(TAMPERED.holderUscc);
  });
});
