import { hkdfSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { type licences, sealKeys } from '../../db/schema';
import { PersonalDataCipher } from '../../security/personal-data';
import { canonicalJsonBytes } from '../../../shared/licences/canonical-json';
import { generateIssuerKeyPair, sm2Sign, sm2Verify } from '../../../shared/licences/signing';
import { signingKeyOf } from '../licences';

/**
 * Each seal version's own SM2 key pair. The private key is sealed under a key derived from the
 * platform data key with its own label; the public key is bound to the seal's e-seal licence
 * identifier by the issuing authority's signature (`certSignature`), which the verifier checks.
 */

const cipherOf = (ctx: AppContext): PersonalDataCipher =>
  new PersonalDataCipher(
    Buffer.from(hkdfSync('sha256', ctx.config.dataKey, Buffer.alloc(0), 'shangtong/seal-keys/v1', 32)),
  );

type LicenceRow = typeof licences.$inferSelect;

/** What the issuer signs for a seal key: the seal's identifier, its holder and the public key. */
export const sealCertBytes = (identifier: string, holderUscc: string, publicKeyHex: string): Uint8Array =>
  canonicalJsonBytes({ h: holderUscc, id: identifier, k: publicKeyHex });

export const certVerifies = (
  row: { identifier: string; holderUscc: string; publicKeyHex: string; certSignature: string },
  issuerPublicKeyHex: string,
): boolean =>
  sm2Verify(
    sealCertBytes(row.identifier, row.holderUscc, row.publicKeyHex),
    row.certSignature,
    issuerPublicKeyHex,
  );

/** Makes the seal's key pair when it has none (at claim, or for a re-issued seal at first use). */
export const ensureSealKey = async (tx: DbOrTx, ctx: AppContext, seal: LicenceRow): Promise<void> => {
  const [have] = await tx
    .select({ id: sealKeys.licenceId })
    .from(sealKeys)
    .where(eq(sealKeys.licenceId, seal.id));
  if (have) return;
  const pair = generateIssuerKeyPair();
  const issuer = await signingKeyOf(tx, ctx, seal.issuerKey);
  const cert = sm2Sign(
    sealCertBytes(seal.identifier, seal.signed.document.holder.uscc, pair.publicKeyHex),
    issuer.privateKeyHex,
    issuer.publicKeyHex,
  );
  await tx
    .insert(sealKeys)
    .values({
      licenceId: seal.id,
      publicKeyHex: pair.publicKeyHex,
      privateKeyEnc: cipherOf(ctx).encrypt(pair.privateKeyHex),
      issuerKeyId: issuer.keyId,
      certSignature: cert,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing();
};

export const sealKeyOf = async (db: DbOrTx, licenceId: string) =>
  (await db.select().from(sealKeys).where(eq(sealKeys.licenceId, licenceId)))[0];

export const openPrivateKey = (ctx: AppContext, enc: string): string => cipherOf(ctx).decrypt(enc);
