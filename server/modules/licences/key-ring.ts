import { hkdfSync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { licenceIssuerKeys } from '../../db/schema';
import { PersonalDataCipher } from '../../security/personal-data';
import { issuingAuthorities, issuingAuthorityByKey } from '../../../shared/licences/catalogue';
import { generateIssuerKeyPair } from '../../../shared/licences/signing';
import type { VerifierIssuerKey } from '../../../shared/licences/verify';
import type { IssuerKeyView } from '../../../shared/api/licences';

/**
 * Issuing authorities' SM2 keys. Private keys are sealed with AES-GCM under a key derived from
 * the platform data key with its own label, so neither the personal-data keys nor this one can
 * open the other's ciphertexts.
 */

const ciphers = new WeakMap<Buffer, PersonalDataCipher>();
const keyCipher = (dataKey: Buffer): PersonalDataCipher => {
  let c = ciphers.get(dataKey);
  if (!c) {
    const derived = Buffer.from(
      hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shangtong/licence-issuer-keys/v1', 32),
    );
    c = new PersonalDataCipher(derived);
    ciphers.set(dataKey, c);
  }
  return c;
};

/**
 * Decrypted private keys by their sealed form. The sealed text never changes for a key, so this
 * cannot go stale even when the row was read inside a transaction that later rolls back.
 */
const opened = new Map<string, string>();

export type SigningKey = { keyId: string; issuerKey: string; publicKeyHex: string; privateKeyHex: string };

const newKeyId = (issuerKey: string, now: Date): string =>
  `${issuerKey}.${now.toISOString().slice(0, 10).replaceAll('-', '')}.${randomBytes(3).toString('hex')}`;

const insertKey = async (db: DbOrTx, ctx: AppContext, issuerKey: string): Promise<void> => {
  const pair = generateIssuerKeyPair();
  await db
    .insert(licenceIssuerKeys)
    .values({
      keyId: newKeyId(issuerKey, ctx.now()),
      issuerKey,
      publicKeyHex: pair.publicKeyHex,
      privateKeyEnc: keyCipher(ctx.config.dataKey).encrypt(pair.privateKeyHex),
    })
    .onConflictDoNothing({ target: licenceIssuerKeys.issuerKey });
};

/** Makes a key pair for every authority that has none (first start); safe to call concurrently. */
export const ensureIssuerKeys = async (ctx: AppContext, db: DbOrTx = ctx.db): Promise<void> => {
  const have = new Set(
    (await db.select({ k: licenceIssuerKeys.issuerKey }).from(licenceIssuerKeys)).map((r) => r.k),
  );
  for (const a of issuingAuthorities) if (!have.has(a.key)) await insertKey(db, ctx, a.key);
};

/** The authority's signing key, created on first use inside the caller's transaction. */
export const signingKeyOf = async (db: DbOrTx, ctx: AppContext, issuerKey: string): Promise<SigningKey> => {
  const load = () => db.select().from(licenceIssuerKeys).where(eq(licenceIssuerKeys.issuerKey, issuerKey));
  let [row] = await load();
  if (!row) {
    await insertKey(db, ctx, issuerKey);
    [row] = await load();
  }
  if (!row) throw new Error(`no signing key for ${issuerKey}`);
  let privateKeyHex = opened.get(row.privateKeyEnc);
  if (!privateKeyHex) {
    privateKeyHex = keyCipher(ctx.config.dataKey).decrypt(row.privateKeyEnc);
    opened.set(row.privateKeyEnc, privateKeyHex);
  }
  return { keyId: row.keyId, issuerKey, publicKeyHex: row.publicKeyHex, privateKeyHex };
};

/** The published keys, as the verification API and the app's offline verifier use them. */
export const publishedKeys = async (db: DbOrTx): Promise<IssuerKeyView[]> => {
  const rows = await db.select().from(licenceIssuerKeys);
  return rows.flatMap((r) => {
    const a = issuingAuthorityByKey(r.issuerKey);
    if (!a) return [];
    return [
      {
        keyId: r.keyId,
        issuerKey: r.issuerKey,
        name: a.name,
        uscc: a.uscc,
        publicKeyHex: r.publicKeyHex,
        algorithm: 'SM2-SM3' as const,
        createdAt: r.createdAt.toISOString(),
      },
    ];
  });
};

export const verifierKeys = (keys: readonly IssuerKeyView[]): VerifierIssuerKey[] =>
  keys.map((k) => ({ keyId: k.keyId, issuerKey: k.issuerKey, publicKeyHex: k.publicKeyHex }));
