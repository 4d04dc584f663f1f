import { hashToken, newShortToken } from '../../security/tokens';
import type { PersonalDataCipher } from '../../security/personal-data';
import type { ApprovalLink } from '../../../shared/api/delegation';

/**
 * Approval link tokens: 128 random bits, base64url (22 characters), so the QR's URL
 * `<public>/a/<token>` stays short. Links handed out before (256 bits, 43 characters, under
 * /approve/) keep working until they expire.
 */
const TOKEN_PATTERN = /^(?:[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{43})$/;

export type IssuedLink = { token: string; hash: string; enc: string; expiresAt: Date };

/** A fresh link: the token for the URL, its hash for lookup, and a sealed copy to show the QR again. */
export const issueLink = (cipher: PersonalDataCipher, now: Date, days: number): IssuedLink => {
  const token = newShortToken();
  return {
    token,
    hash: hashToken(token),
    enc: cipher.encrypt(token),
    expiresAt: new Date(now.getTime() + days * 86_400_000),
  };
};

/** The lookup hash of a presented token, or undefined when it cannot be one of ours. */
export const linkLookupHash = (presented: string): string | undefined =>
  TOKEN_PATTERN.test(presented) ? hashToken(presented) : undefined;

/** The short path printed in the QR code; the page behind it is the same as under /approve/. */
export const approvalPath = (token: string): string => `/a/${token}`;

export const linkView = (
  cipher: PersonalDataCipher,
  enc: string | null,
  expiresAt: Date | null,
  publicUrl: string | undefined,
): ApprovalLink | null => {
  if (!enc || !expiresAt) return null;
  const path = approvalPath(cipher.decrypt(enc));
  return {
    path,
    url: publicUrl ? new URL(path, publicUrl).toString() : null,
    expiresAt: expiresAt.toISOString(),
  };
};
