import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { persons, sealSignatures } from '../../db/schema';
import type { SealSignRequest, SealSignResult } from '../../../shared/api/seals';
import { buildSealCms } from '../../../shared/seals/cms';
import { notPdf } from '../../../shared/seals/pdf-objects';
import { sealPdf } from '../../../shared/seals/pdf-sign';
import { faceWithin } from '../../../shared/seals/rules';
import { faceRequired, noGrant, notClaimed } from './errors';
import { takeFreshFaceCheck } from './face';
import { ensureSealKey, openPrivateKey, sealKeyOf } from './keys';
import { assertNotLocked, checkPin } from './pin';
import { reverifyWindowOf } from './settings';
import { assertUsable, claimOf, companyOf, grantAt, lastFaceCheckAt, sealOf } from './store';

const decodePdf = (b64: string): Uint8Array => {
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length < 8 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw notPdf();
  return new Uint8Array(bytes);
};

/**
 * Signs a PDF with one seal (lifecycle.md §5.4). The signer must hold a grant for the seal (the
 * legal representative, who claimed the seals, holds every one), and prove it is them: a fresh
 * live face check, or the seal PIN while their last face check is inside the re-verification
 * window. Every refusal leaves nothing behind except a counted wrong PIN.
 */
export const signWithSeal = async (
  ctx: AppContext,
  authority: Authority,
  sealId: string,
  body: SealSignRequest,
): Promise<SealSignResult> => {
  const now = ctx.now();
  const company = await companyOf(ctx.db, authority.companyId);
  const seal = await sealOf(ctx.db, company.id, sealId);
  assertUsable(seal, company.status, now);
  const claim = await claimOf(ctx.db, company.id);
  if (!claim) throw notClaimed();
  const isLegalRep = company.legalRepPersonId === authority.personId;
  const grant = isLegalRep ? undefined : await grantAt(ctx.db, seal.id, authority.personId, now);
  if (!isLegalRep && !grant) throw noGrant();
  await assertNotLocked(ctx, seal.id, authority.personId);
  const pdf = decodePdf(body.contentBase64);

  if ('pin' in body) {
    const window = await reverifyWindowOf(ctx, authority.personId);
    if (!faceWithin(await lastFaceCheckAt(ctx, authority.personId), window, now)) throw faceRequired();
    await checkPin(ctx, {
      licenceId: seal.id,
      personId: authority.personId,
      pin: body.pin,
      pinHash: claim.pinHash,
    });
  }

  const [signer] = await ctx.db
    .select({ name: persons.name, masked: persons.residentIdMasked })
    .from(persons)
    .where(eq(persons.id, authority.personId));
  const signatureId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    if ('faceCheckId' in body) await takeFreshFaceCheck(tx, ctx, authority.personId, body.faceCheckId);
    await ensureSealKey(tx, ctx, seal);
    const key = (await sealKeyOf(tx, seal.id))!;
    const { page, x, y, size } = body.placement;
    const fields = seal.signed.document.fields;
    const out = sealPdf({
      pdf,
      placement: body.placement,
      sealCode: String(fields.sealCode ?? ''),
      fieldName: `Seal-${signatureId.slice(0, 8)}`,
      signedAt: now,
      cms: (digestHex) =>
        buildSealCms({
          digestHex,
          signedAt: now,
          statement: {
            sealId: seal.identifier,
            sealName: String(fields.sealName ?? ''),
            holderUscc: seal.signed.document.holder.uscc,
            signatureId,
            signer: { name: signer?.name ?? '', residentIdMasked: signer?.masked ?? '' },
            page,
            rect: [x, y, x + size, y + size],
            publicKeyHex: key.publicKeyHex,
          },
          privateKeyHex: openPrivateKey(ctx, key.privateKeyEnc),
          publicKeyHex: key.publicKeyHex,
        }),
    });
    await tx.insert(sealSignatures).values({
      id: signatureId,
      licenceId: seal.id,
      companyId: company.id,
      personId: authority.personId,
      grantId: grant?.id ?? null,
      via: 'faceCheckId' in body ? 'face' : 'pin',
      faceAttemptId: 'faceCheckId' in body ? body.faceCheckId : null,
      fileName: body.fileName,
      digest: out.digestHex,
      placement: body.placement,
      signedAt: now,
    });
    await auditActingFor(
      tx,
      authority,
      'seals.sign',
      { seal: seal.identifier, signatureId, fileName: body.fileName, digest: out.digestHex, page },
      now,
    );
    const fileName = body.fileName.replace(/\.pdf$/i, '') + '-signed.pdf';
    return {
      signatureId,
      fileName,
      contentBase64: Buffer.from(out.pdf).toString('base64'),
      signedAt: now.toISOString(),
      digest: out.digestHex,
    };
  });
};
