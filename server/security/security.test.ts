import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data';
import { hashPassword, verifyPassword } from './passwords';

describe('personal data cipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));
  it('round-trips, uses a fresh IV each time, and detects tampering', () => {
    const a = cipher.encrypt('440106197803123512');
    const b = cipher.encrypt('440106197803123512');
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe('440106197803123512');
    const parts = a.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });
  it('hashes for lookup deterministically per key', () => {
    expect(cipher.lookupHash('13800000001')).toBe(cipher.lookupHash('13800000001'));
    expect(new PersonalDataCipher(randomBytes(32)).lookupHash('13800000001')).not.toBe(
      cipher.lookupHash('13800000001'),
    );
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
