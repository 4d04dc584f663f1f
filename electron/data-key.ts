import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from './json-file';
import type { SecretCipher } from './token-store';

/**
 * The embedded platform's data key, kept out of its data folder (userData/platform): sealed with
 * the OS keychain through safeStorage in userData/keys/data-key.sealed and handed to the platform
 * child as SHANGTONG_DATA_KEY. Where the OS offers no keychain (Linux "basic_text") it is a key
 * file in userData/keys (still outside the data folder) named by SHANGTONG_DATA_KEY_FILE. A key an
 * earlier version generated inside the data folder is adopted once and removed from there.
 */
export const desktopDataKeyEnv = (
  keysDir: string,
  platformData: string,
  cipher: SecretCipher,
): Record<string, string> => {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const legacy = join(platformData, 'keys', 'data.key');
  const initial = (): string =>
    existsSync(legacy) ? readFileSync(legacy, 'utf8').trim() : randomBytes(32).toString('base64');
  const forgetLegacy = (): void => rmSync(legacy, { force: true });
  if (cipher.canProtect()) {
    const sealed = join(keysDir, 'data-key.sealed');
    if (!existsSync(sealed)) {
      const key = initial();
      writeFileAtomic(sealed, Buffer.from(cipher.encrypt(key)));
      // Only once the sealed copy reads back is the old one removed.
      if (cipher.decrypt(readFileSync(sealed)) !== key)
        throw new Error('the sealed data key does not read back');
      forgetLegacy();
    }
    return { SHANGTONG_DATA_KEY: cipher.decrypt(readFileSync(sealed)) };
  }
  const file = join(keysDir, 'data.key');
  if (!existsSync(file)) {
    writeFileAtomic(file, initial());
    forgetLegacy();
  }
  return { SHANGTONG_DATA_KEY_FILE: file };
};
