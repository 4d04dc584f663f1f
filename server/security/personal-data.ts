import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption and keyed hashing of personal data (resident ID, phone). Two subkeys are derived from
 * the configured data key so that the lookup hash cannot be used to decrypt and vice versa.
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(dataKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shangtong/pd-enc/v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shangtong/pd-mac/v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unrecognised sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Deterministic keyed hash for equality lookups (sign-in by phone or resident ID). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }
}
