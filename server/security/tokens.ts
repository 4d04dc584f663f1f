import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer tokens: 256 random bits, only their SHA-256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * Short opaque tokens for links printed as QR codes: 128 random bits, base64url (22 characters),
 * so `<public>/a/<token>` stays under 80 characters and the QR stays sparse enough to print small.
 */
export const newShortToken = (): string => randomBytes(16).toString('base64url');

/** A licence's verification code (`/v/<code>`): 120 random bits, base64url, 20 characters. */
export const newVerifyCode = (): string => randomBytes(15).toString('base64url');
