import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { companies, licences, sealGrants, sealKeys, sealSignatures } from '../../db/schema';
import type { SealCheck, SealSignatureReport, SealVerifyReport } from '../../../shared/api/seals';
import { keyIdentifier } from '../../../shared/seals/cms';
import { bytesToHex } from '../../../shared/seals/hex';
import { notPdf } from '../../../shared/seals/pdf-objects';
import { findSealSignatures, type FoundSignature } from '../../../shared/seals/pdf-verify';
import { verifyLicenceSignature } from '../../../shared/licences/signing';
import { chinaDate, chinaMinute } from '../../../shared/time/china';
import { text, type LocalizedText } from '../../../shared/text';
import { publishedKeys } from '../licences';
import { certVerifies } from './keys';

const check = (key: SealCheck['key'], ok: boolean, t: LocalizedText): SealCheck => ({ key, ok, text: t });

type Keys = Awaited<ReturnType<typeof publishedKeys>>;

/** Every check of lifecycle.md §5.5, in the GB/T 38540 order, each said in words. */
const reportOf = async (
  ctx: AppContext,
  sig: FoundSignature,
  last: boolean,
  keys: Keys,
): Promise<SealSignatureReport> => {
  const checks: SealCheck[] = [];
  const cms = sig.cms;
  checks.push(
    sig.intact
      ? check(
          'document',
          true,
          text('文档内容自签章以来未被改动。', 'The document has not changed since it was sealed.'),
        )
      : check(
          'document',
          false,
          text(
            '文档内容与签章时不一致（已被篡改或签名损坏）。',
            'The document differs from what was sealed (tampered with, or the signature is damaged).',
          ),
        ),
  );
  if (last)
    checks.push(
      sig.coversWholeFile
        ? check('whole-file', true, text('签章覆盖整个文件。', 'The seal covers the whole file.'))
        : check(
            'whole-file',
            false,
            text('签章之后文件被追加了内容。', 'Content was added to the file after it was sealed.'),
          ),
    );
  const empty = { valid: false, signedAt: null, seal: null, signer: null, page: null, checks };
  if (!cms) return empty;

  const [row] = await ctx.db
    .select({ licence: licences, key: sealKeys, holderName: companies.name })
    .from(licences)
    .leftJoin(sealKeys, eq(sealKeys.licenceId, licences.id))
    .innerJoin(companies, eq(companies.id, licences.companyId))
    .where(eq(licences.identifier, cms.statement.sealId));
  const fields = row?.licence.signed.document.fields;
  const seal = row
    ? {
        identifier: row.licence.identifier,
        name: String(fields?.sealName ?? ''),
        sealType: String(fields?.sealType ?? ''),
        holderName: row.holderName,
        holderUscc: row.licence.signed.document.holder.uscc,
        statusNow: row.licence.status,
        revokedAt: row.licence.revokedAt?.toISOString() ?? null,
      }
    : null;
  const base = {
    signedAt: cms.signedAt.toISOString(),
    page: cms.statement.page,
    signer: cms.statement.signer,
    seal,
  };
  if (!row?.key) {
    checks.push(
      check(
        'seal-issued',
        false,
        text('签章所用印章不是本平台制发的印章。', 'The seal that signed was not issued by this platform.'),
      ),
    );
    return { ...base, valid: false, checks };
  }
  const issuerLicenceKey = keys.find((k) => k.keyId === row.licence.signed.publicKeyId);
  const issuerSealKey = keys.find((k) => k.keyId === row.key!.issuerKeyId);
  const issued =
    !!issuerLicenceKey &&
    !!issuerSealKey &&
    verifyLicenceSignature(row.licence.signed, issuerLicenceKey.publicKeyHex) &&
    certVerifies(
      {
        identifier: row.licence.identifier,
        holderUscc: seal!.holderUscc,
        publicKeyHex: row.key.publicKeyHex,
        certSignature: row.key.certSignature,
      },
      issuerSealKey.publicKeyHex,
    );
  checks.push(
    issued
      ? check(
          'seal-issued',
          true,
          text(
            `印章「${seal!.name}」由${row.licence.signed.document.issuer.name}制发，电子印章证照验签通过。`,
            `The seal "${seal!.name}" was issued by the platform's authority; its e-seal licence verifies.`,
          ),
        )
      : check(
          'seal-issued',
          false,
          text(
            '印章的电子证照或密钥证明未通过发证机构验签。',
            "The seal's e-licence or key binding does not verify with the issuer key.",
          ),
        ),
  );
  const keyMatches = bytesToHex(keyIdentifier(row.key.publicKeyHex)) === cms.keyIdentifierHex;
  const sigOk = keyMatches && cms.verifies(row.key.publicKeyHex);
  checks.push(
    sigOk
      ? check(
          'seal-signature',
          true,
          text('签名值用该印章的 SM2 密钥验证通过。', "The signature verifies with the seal's SM2 key."),
        )
      : check(
          'seal-signature',
          false,
          text('签名值不能用该印章的密钥验证。', "The signature does not verify with the seal's key."),
        ),
  );

  const at = cms.signedAt;
  const l = row.licence;
  const day = chinaDate(at);
  const endedBefore = (t: Date | null) => !!t && t <= at;
  const validAtSigning =
    l.validFrom <= day &&
    (!l.validUntil || day <= l.validUntil) &&
    !endedBefore(l.revokedAt) &&
    !endedBefore(l.supersededAt);
  const nowNote =
    l.status === 'revoked'
      ? text(
          `；该印章已于 ${chinaMinute(l.revokedAt!)} 注销`,
          `; the seal was revoked on ${chinaMinute(l.revokedAt!)}`,
        )
      : l.status === 'superseded'
        ? text('；该印章现已被新版本取代', '; the seal has since been superseded')
        : text('；该印章目前有效', '; the seal is still valid');
  checks.push(
    validAtSigning
      ? check(
          'seal-valid-at-signing',
          true,
          text(
            `签章时间 ${chinaMinute(at)}（北京时间）印章有效${nowNote.zh}。`,
            `At signing time ${chinaMinute(at)} (Beijing time) the seal was valid${nowNote.en}.`,
          ),
        )
      : check(
          'seal-valid-at-signing',
          false,
          text(
            `签章时间 ${chinaMinute(at)} 印章已失效或不在有效期内。`,
            `At signing time ${chinaMinute(at)} the seal was not valid.`,
          ),
        ),
  );

  const [record] = await ctx.db
    .select()
    .from(sealSignatures)
    .where(eq(sealSignatures.id, cms.statement.signatureId));
  let granted = false;
  // The CMS signing time has whole seconds; the record keeps the exact instant the grant is checked at.
  if (
    record &&
    record.licenceId === l.id &&
    Math.floor(record.signedAt.getTime() / 1000) === at.getTime() / 1000
  ) {
    const exact = record.signedAt;
    if (!record.grantId)
      granted = true; // the legal representative, who holds every seal
    else {
      const [g] = await ctx.db.select().from(sealGrants).where(eq(sealGrants.id, record.grantId));
      granted = !!g && g.validFrom <= exact && g.validUntil > exact && (!g.revokedAt || g.revokedAt > exact);
    }
  }
  const who = `${cms.statement.signer.name}（${cms.statement.signer.residentIdMasked}）`;
  checks.push(
    granted
      ? check(
          'signer-grant',
          true,
          text(
            `签章人 ${who} 签章时持有该印章的使用授权。`,
            `The signer ${who} held a grant for this seal when signing.`,
          ),
        )
      : check(
          'signer-grant',
          false,
          text(
            `没有签章人 ${who} 在签章时使用该印章的授权记录。`,
            `No record that the signer ${who} held a grant for this seal when signing.`,
          ),
        ),
  );
  return { ...base, valid: checks.every((c) => c.ok), checks };
};

export const verifySealedPdf = async (ctx: AppContext, contentBase64: string): Promise<SealVerifyReport> => {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  if (bytes.length < 8) throw notPdf();
  const found = findSealSignatures(bytes);
  const keys = await publishedKeys(ctx.db);
  const signatures: SealSignatureReport[] = [];
  for (const [i, sig] of found.entries())
    signatures.push(await reportOf(ctx, sig, i === found.length - 1, keys));
  const summary =
    signatures.length === 0
      ? text('该 PDF 没有电子印章签章。', 'This PDF carries no e-seal signature.')
      : signatures.every((s) => s.valid)
        ? text(
            `全部 ${signatures.length} 个签章验证通过。`,
            `All ${signatures.length} seal signature(s) verify.`,
          )
        : text('存在未通过验证的签章，详见各项检查。', 'At least one seal signature fails; see each check.');
  return { signatures, summary };
};
