import { isDomainError } from '../domain-error';
import { validateLicenceId } from '../identifiers/licence-id';
import { type LocalizedText, text } from '../text';
import { issuingAuthorityByKey } from './catalogue';
import { type LicenceDocument, SignedLicence } from './document';
import { type LicenceStateResult, licenceState } from './expiry';
import { chinaDate } from '../time/china';
import { parseQrPayload, sealOfPayload } from './qr-payload';
import { type Seal, sealOf, verifySealSignature } from './signing';

export type VerifierIssuerKey = { keyId: string; issuerKey: string; publicKeyHex: string };

export type VerifyContext = {
  /** The published issuer keys this verifier trusts. */
  issuers: readonly VerifierIssuerKey[];
  /** true revoked, false known not revoked, undefined unknown (e.g. offline). */
  revoked: (id: string, version: number) => boolean | undefined;
  /** ISO instant; licences run by China calendar date. */
  now: string;
};

export type Verdict =
  'valid' | 'tampered' | 'expired' | 'not-yet-valid' | 'revoked' | 'unknown-issuer' | 'malformed';

export type VerifyResult = {
  verdict: Verdict;
  /** Why, in order of checking; the last one explains the verdict. Never empty. */
  reasons: LocalizedText[];
  /** Present when a full signed licence was given and parsed. */
  document?: LicenceDocument;
  /** The signed statement (from the document or the QR code) once it could be read. */
  seal?: Seal;
  /** The authority behind the key, once the key is known. */
  issuer?: { key: string; name?: LocalizedText; uscc?: string };
  /** False when revocation could not be checked; a 'valid' verdict is then provisional. */
  revocationChecked: boolean;
  state?: LicenceStateResult;
};

type Read = { seal: Seal; signature: string; keyId: string; document?: LicenceDocument };

const read = (input: SignedLicence | string): Read | LocalizedText => {
  if (typeof input === 'string') {
    try {
      const p = parseQrPayload(input);
      return { seal: sealOfPayload(p), signature: p.s, keyId: p.k };
    } catch (e) {
      if (isDomainError(e)) return e.text;
      throw e;
    }
  }
  const parsed = SignedLicence.safeParse(input);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
    return text(`电子证照文件格式不正确：${where}`, `The e-licence file is malformed: ${where}`);
  }
  const { document, signature, publicKeyId } = parsed.data;
  return { seal: sealOf(document), signature, keyId: publicKeyId, document };
};

/**
 * Offline verification of a signed licence or a scanned QR code: identifier form and check
 * character, signature against the published key, that the key belongs to the issuer the
 * licence names, revocation (as far as the verifier knows) and the validity window — in that
 * order, stopping at the first failure. Any change to a signed document, however small, fails
 * the signature and is reported as `tampered`.
 */
export const verifyLicence = (input: SignedLicence | string, ctx: VerifyContext): VerifyResult => {
  const reasons: LocalizedText[] = [];
  const done = (verdict: Verdict, why: LocalizedText, extra: Partial<VerifyResult> = {}): VerifyResult => ({
    verdict,
    reasons: [...reasons, why],
    revocationChecked: false,
    ...extra,
  });

  const r = read(input);
  if (!('seal' in r)) return done('malformed', r);
  const { seal, signature, keyId, document } = r;
  const base: Partial<VerifyResult> = document ? { seal, document } : { seal };

  const id = validateLicenceId(seal.id, 'strict');
  if (!id.valid) {
    const codes = id.errors.join(', ');
    return done(
      'malformed',
      text(
        `证照标识不符合 GB/T 36904 规则（${codes}）`,
        `The licence identifier breaks the GB/T 36904 rules (${codes})`,
      ),
      base,
    );
  }

  const key = ctx.issuers.find((k) => k.keyId === keyId);
  if (!key) {
    return done(
      'unknown-issuer',
      text(
        `签名密钥 ${keyId} 不在已公布的发证机构密钥中`,
        `Signing key ${keyId} is not among the published issuer keys`,
      ),
      base,
    );
  }
  const authority = issuingAuthorityByKey(key.issuerKey);
  const issuer = { key: key.issuerKey, ...(authority ? { name: authority.name, uscc: authority.uscc } : {}) };
  const withIssuer = { ...base, issuer };

  if (!verifySealSignature(seal, signature, key.publicKeyHex)) {
    return done(
      'tampered',
      text(
        '签名验证失败：证照内容被改动或签名不属于该密钥',
        'Signature check failed: the licence was altered or was not signed with this key',
      ),
      withIssuer,
    );
  }
  reasons.push(text('签名有效', 'The signature is valid'));

  const { typeCode, issuerUscc, version } = id.details;
  const inconsistent =
    version !== String(seal.v).padStart(3, '0') ||
    (document !== undefined && (document.typeCode !== typeCode || document.issuer.uscc !== issuerUscc));
  if (inconsistent) {
    return done(
      'malformed',
      text(
        '证照标识与证照内容（类型、发证机构或版本）不一致',
        'The identifier does not match the licence type, issuer or version it carries',
      ),
      withIssuer,
    );
  }

  const claimsOtherIssuer = document !== undefined && document.issuer.key !== key.issuerKey;
  if (claimsOtherIssuer || (authority !== undefined && authority.uscc !== issuerUscc)) {
    return done(
      'unknown-issuer',
      text(
        '签名密钥不属于证照所载的发证机构',
        'The signing key does not belong to the issuing authority named on the licence',
      ),
      withIssuer,
    );
  }

  const revoked = ctx.revoked(seal.id, seal.v);
  if (revoked === true) {
    const why = text('该证照已被注销或撤销', 'This licence has been revoked');
    return done('revoked', why, { ...withIssuer, revocationChecked: true });
  }
  const revocationChecked = revoked === false;
  if (!revocationChecked) {
    reasons.push(
      text('无法确认是否已注销（离线核验）', 'Revocation could not be checked (offline verification)'),
    );
  }

  const state = document ? licenceState(document, ctx.now) : undefined;
  const expired = state ? state.state === 'expired' : seal.u !== null && chinaDate(ctx.now) > seal.u;
  const extra = { ...withIssuer, revocationChecked, ...(state ? { state } : {}) };
  if (expired) {
    return done(
      'expired',
      text(`证照已于 ${seal.u ?? ''} 到期`, `The licence expired on ${seal.u ?? ''}`),
      extra,
    );
  }
  if (state?.state === 'not-yet-valid' && document) {
    const from = document.validFrom;
    return done('not-yet-valid', text(`证照自 ${from} 起生效`, `The licence takes effect on ${from}`), extra);
  }
  const until =
    seal.u === null
      ? text('长期有效', 'valid indefinitely')
      : text(`有效期至 ${seal.u}`, `valid until ${seal.u}`);
  return done('valid', text(`证照有效，${until.zh}`, `The licence is valid, ${until.en}`), extra);
};
