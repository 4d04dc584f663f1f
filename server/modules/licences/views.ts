import { issuingAuthorityByKey, licenceTypeByKey } from '../../../shared/licences/catalogue';
import { licenceState } from '../../../shared/licences/expiry';
import { buildQrUrl, VERIFY_PATH } from '../../../shared/licences/qr-payload';
import type { SignedLicence } from '../../../shared/licences/document';
import type { LicenceCard } from '../../../shared/api/licences';
import type { licences } from '../../db/schema';
import type { AppContext } from '../../context';
import type { FastifyRequest } from 'fastify';

export type LicenceRow = typeof licences.$inferSelect;

const unknownName = (key: string) => ({ zh: key, en: key });

/** The number people quote for a licence: its own number field, else the holder's USCC. */
export const licenceNumberOf = (signed: Pick<SignedLicence, 'document'>): string => {
  const f = signed.document.fields;
  for (const k of [
    'licenceNumber',
    'documentNumber',
    'accountNumberId',
    'customsCode',
    'certificateNumber',
    'permitNumber',
    'registrationNumber',
    'filingNumber',
    'sealCode',
    'projectCode',
  ]) {
    const v = f[k];
    if (typeof v === 'string') return v;
  }
  return signed.document.holder.uscc;
};

export const typeNameOf = (typeKey: string) => licenceTypeByKey(typeKey)?.name ?? unknownName(typeKey);

/** What a card shows: the row's own columns and the signed document (not the signature). */
export type CardSource = Omit<
  LicenceRow,
  | 'signed'
  | 'companyId'
  | 'serial'
  | 'typeCode'
  | 'revokedAt'
  | 'revokedReason'
  | 'supersededAt'
  | 'verifyCode'
> & {
  signed: Pick<SignedLicence, 'document'>;
};

export const toCard = (row: CardSource, companyId: string, now: Date): LicenceCard => {
  const doc = row.signed.document;
  const type = licenceTypeByKey(row.typeKey);
  const authority = issuingAuthorityByKey(row.issuerKey);
  return {
    id: row.id,
    identifier: row.identifier,
    typeKey: row.typeKey,
    name: type?.name ?? unknownName(row.typeKey),
    number: licenceNumberOf(row.signed),
    issuer: { key: row.issuerKey, name: authority?.name ?? unknownName(row.issuerKey) },
    holder: { companyId, name: doc.holder.name, uscc: doc.holder.uscc },
    version: row.version,
    status: row.status,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt.toISOString(),
    digest: row.digest,
    state: licenceState(doc, now),
    renewalServiceCode: type?.renewalServiceCode ?? null,
  };
};

/** The public origin QR codes point at: the configured public URL, else the origin of the request. */
export const publicOrigin = (ctx: AppContext, request?: FastifyRequest): string => {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  if (request) return `${request.protocol}://${request.host}`;
  return 'http://127.0.0.1:5170';
};

/** The printed QR: a short URL on the public host; the page behind it fetches the signed seal by code. */
export const qrUrlOf = (row: LicenceRow, origin: string): string =>
  `${origin.replace(/\/+$/, '')}${VERIFY_PATH}${row.verifyCode}`;

/** The signed seal in a URL fragment (`/v/#1.<payload>`): verifies offline, never sent to a server. */
export const sealUrlOf = (row: LicenceRow, origin: string): string => buildQrUrl(row.signed, origin);
