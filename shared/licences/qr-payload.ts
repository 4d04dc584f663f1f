import { z } from 'zod';
import { DomainError } from '../domain-error';
import { isIsoDate } from '../identifiers/calendar-date';
import { type LocalizedText, text } from '../text';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { canonicalJsonBytes } from './canonical-json';
import type { SignedLicence } from './document';
import { type Seal, sealOf } from './signing';

/**
 * What the QR code on a licence encodes:
 *
 *   https://<platform>/v/#1.<base64url(canonicalJson({d, h, id, k, s, u, v}))>
 *
 * `d h id u v` are the signed seal (signing.ts), `s` its SM2 signature and `k` the issuer key id.
 * A phone opening the URL lands on the public verification page, which checks the signature
 * against the published issuer keys without any server round trip; the data sits in the
 * fragment, which browsers never send to the server, so scanning a licence leaves no trace in
 * server logs. `1.` is the format version. About 430 characters: a QR of version ~14 at level M.
 */

export const QR_FORMAT_VERSION = '1';
export const VERIFY_PATH = '/v/';
const MAX_LENGTH = 2048;

export const QrPayload = z.strictObject({
  d: z.string().regex(/^[0-9a-f]{64}$/),
  h: z.string().regex(/^[0-9A-Z]{18}$/),
  id: z.string().min(1).max(200),
  k: z.string().min(1).max(100),
  s: z.string().regex(/^[0-9a-f]{128}$/),
  u: z.string().refine(isIsoDate).nullable(),
  v: z.number().int().min(1).max(999),
});
export type QrPayload = z.infer<typeof QrPayload>;

export const qrPayloadOf = (signed: SignedLicence): QrPayload => {
  const seal = sealOf(signed.document);
  return { ...seal, k: signed.publicKeyId, s: signed.signature };
};

export const sealOfPayload = (p: QrPayload): Seal => ({ d: p.d, h: p.h, id: p.id, u: p.u, v: p.v });

/** The fragment part, `1.<base64url>`. */
export const encodeQrFragment = (payload: QrPayload): string =>
  `${QR_FORMAT_VERSION}.${encodeBase64Url(canonicalJsonBytes(payload))}`;

/** Full URL for the QR code; `verifyOrigin` is the public platform origin, e.g. https://st.example. */
export const buildQrUrl = (signed: SignedLicence, verifyOrigin: string): string =>
  `${verifyOrigin.replace(/\/+$/, '')}${VERIFY_PATH}#${encodeQrFragment(qrPayloadOf(signed))}`;

const malformed = (t: LocalizedText): DomainError => new DomainError('MALFORMED_QR', t);

const fragmentOf = (input: string): string => {
  if (/^https?:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw malformed(text('二维码中的网址无法识别', 'The address in the QR code cannot be read'));
    }
    if (!/\/v\/?$/.test(url.pathname) || url.hash.length < 2) {
      throw malformed(text('二维码不是电子证照核验码', 'The QR code is not an e-licence verification code'));
    }
    return url.hash.slice(1);
  }
  return input.startsWith('#') ? input.slice(1) : input;
};

/**
 * Reads a scanned QR text: the full URL, or just its fragment (with or without `#`). Throws
 * DomainError `MALFORMED_QR` saying what is wrong; the signature is not checked here.
 */
export const parseQrPayload = (input: string): QrPayload => {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) {
    throw malformed(text('二维码内容为空或过长', 'The QR code content is empty or too long'));
  }
  const fragment = fragmentOf(trimmed);
  const dot = fragment.indexOf('.');
  if (dot < 0 || fragment.slice(0, dot) !== QR_FORMAT_VERSION) {
    throw malformed(text('不支持的核验码格式版本', 'Unsupported verification code format version'));
  }
  const bytes = decodeBase64Url(fragment.slice(dot + 1));
  if (!bytes || bytes.length === 0) {
    throw malformed(text('核验码数据编码错误', 'The verification code data is not valid base64url'));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed(text('核验码数据不是有效的 JSON', 'The verification code data is not valid JSON'));
  }
  const parsed = QrPayload.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw malformed(
      text(`核验码数据字段不正确：${where}`, `The verification code data has invalid fields: ${where}`),
    );
  }
  return parsed.data;
};
