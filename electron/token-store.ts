import { readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from './json-file';

/** Electron's `safeStorage`, reduced to what the store needs (and what a test can fake). */
export type SecretCipher = {
  /** False when the OS offers no real protection (no keychain; Linux's "basic_text" backend). */
  canProtect(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
};

export type TokenStore = {
  get(): string | null;
  set(token: string | null): void;
  /** Whether the token survives a restart (false: kept in memory only). */
  readonly persistent: boolean;
};

/**
 * The session token, sealed with the OS keychain through safeStorage and written to one file in
 * userData. When the OS cannot protect it, the token lives in memory only: the user signs in
 * again after a restart rather than having a bearer token lying on disk in clear.
 */
export const createTokenStore = (file: string, cipher: SecretCipher): TokenStore => {
  const persistent = cipher.canProtect();
  let cached: string | null | undefined = persistent ? undefined : null;
  const load = (): string | null => {
    try {
      return cipher.decrypt(readFileSync(file));
    } catch {
      return null;
    }
  };
  return {
    persistent,
    get: () => {
      if (cached === undefined) cached = load();
      return cached;
    },
    set: (token) => {
      cached = token;
      if (!persistent) return;
      if (token === null) rmSync(file, { force: true });
      else writeFileAtomic(file, cipher.encrypt(token));
    },
  };
};
