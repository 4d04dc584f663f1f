import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { licences } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { buildLicenceId } from '../../../shared/identifiers/licence-id';
import { isIsoDate } from '../../../shared/identifiers/calendar-date';
import {
  issuingAuthorityByKey,
  licenceTypeByKey,
  type LicenceType,
} from '../../../shared/licences/catalogue';
import type { LicenceDocument, SignedLicence } from '../../../shared/licences/document';
import { chinaDate } from '../../../shared/time/china';
import { checkLicenceFields, type FieldValue } from '../../../shared/licences/fields';
import { digestDocument, signLicence } from '../../../shared/licences/signing';
import { text } from '../../../shared/text';
import { holderFactsOf } from './holder';
import { defaultValidUntil } from './validity';
import { signingKeyOf } from './key-ring';

export type LicenceFields = Record<string, FieldValue>;

export type IssueInput = {
  typeKey: string;
  holder: { companyId: string };
  /** The licence's fields, or a function of the serial when a field (the number) derives from it. */
  fields: LicenceFields | ((serial: string) => LicenceFields);
  /** China calendar date, default today. */
  validFrom?: string;
  /** Inclusive last day; default from the type's validity (null for indefinite types). */
  validUntil?: string | null;
  /** Signing time, default now; only seeds and back-fills set it. */
  issuedAt?: Date;
};

export type IssuedLicence = {
  /** Registry row id of this version (what the wallet API and applications refer to). */
  id: string;
  /** GB/T 36904 identifier of this version. */
  identifier: string;
  version: number;
  serial: string;
  typeKey: string;
  companyId: string;
  digest: string;
  validFrom: string;
  validUntil: string | null;
  signed: SignedLicence;
};

const typeOrFail = (typeKey: string): LicenceType => {
  const type = licenceTypeByKey(typeKey);
  if (!type)
    throw new DomainError(
      'UNKNOWN_LICENCE_TYPE',
      text(`未知的证照类型：${typeKey}`, `Unknown licence type: ${typeKey}`),
    );
  return type;
};

const checkFields = (type: LicenceType, fields: LicenceFields): void => {
  const errors = checkLicenceFields(type, fields);
  const first = errors[0];
  if (first) {
    const all = text(errors.map((e) => e.text.zh).join('；'), errors.map((e) => e.text.en).join('; '));
    throw new DomainError(first.code, all, first.field ? { field: first.field } : {});
  }
};

const checkDates = (validFrom: string, validUntil: string | null): void => {
  if (!isIsoDate(validFrom) || (validUntil !== null && !isIsoDate(validUntil)))
    throw new DomainError(
      'INVALID_VALIDITY',
      text('有效期日期无效（YYYY-MM-DD）', 'Validity dates must be real dates (YYYY-MM-DD)'),
    );
  if (validUntil !== null && validUntil < validFrom)
    throw new DomainError(
      'INVALID_VALIDITY',
      text('有效期截止日早于起始日', 'The validity ends before it starts'),
    );
};

const nextSerial = async (db: DbOrTx, now: Date): Promise<string> => {
  const result = (await db.execute(sql`select nextval('licence_serial_seq')::text as n`)) as unknown as {
    rows: { n: string }[];
  };
  const n = result.rows[0]?.n;
  if (!n) throw new Error('licence serial sequence gave nothing');
  return `${chinaDate(now).slice(0, 4)}${n.padStart(7, '0')}`;
};

type Draft = {
  type: LicenceType;
  companyId: string;
  serial: string;
  version: number;
  fields: LicenceFields;
  validFrom: string;
  validUntil: string | null;
  issuedAt?: Date | undefined;
};

/** Signs and stores one version; the caller has checked everything. */
const signAndStore = async (tx: DbOrTx, ctx: AppContext, d: Draft): Promise<IssuedLicence> => {
  checkFields(d.type, d.fields);
  checkDates(d.validFrom, d.validUntil);
  const authority = issuingAuthorityByKey(d.type.issuerKey);
  if (!authority) throw new Error(`licence type ${d.type.key} names unknown issuer ${d.type.issuerKey}`);
  const holder = await holderFactsOf(tx, d.companyId);
  const now = d.issuedAt ?? ctx.now();
  const doc: LicenceDocument = {
    id: buildLicenceId({
      typeCode: d.type.code,
      issuerUscc: authority.uscc,
      serial: d.serial,
      version: d.version,
    }),
    typeCode: d.type.code,
    version: d.version,
    holder: { uscc: holder.uscc, name: holder.name },
    issuer: { key: authority.key, name: authority.name.zh, uscc: authority.uscc },
    fields: d.fields,
    issuedAt: now.toISOString(),
    validFrom: d.validFrom,
    validUntil: d.validUntil,
  };
  const key = await signingKeyOf(tx, ctx, authority.key);
  const signed = signLicence(doc, key.privateKeyHex, key.keyId, { publicKeyHex: key.publicKeyHex });
  const digest = digestDocument(signed.document);
  const [row] = await tx
    .insert(licences)
    .values({
      identifier: doc.id,
      serial: d.serial,
      typeKey: d.type.key,
      typeCode: d.type.code,
      version: d.version,
      companyId: d.companyId,
      issuerKey: authority.key,
      signed,
      digest,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      issuedAt: now,
    })
    .returning({ id: licences.id });
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: d.version === 1 ? 'licence.issue' : 'licence.reissue',
    companyId: d.companyId,
    detail: { identifier: doc.id, typeKey: d.type.key, version: d.version, issuer: authority.key, digest },
  });
  return {
    id: row!.id,
    identifier: doc.id,
    version: d.version,
    serial: d.serial,
    typeKey: d.type.key,
    companyId: d.companyId,
    digest,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    signed,
  };
};

/**
 * Issues version 1 of a new licence to a company, signed by the type's issuing authority, inside
 * the caller's transaction (registration, tax, an approved application). Refuses fields that do
 * not fit the type (DomainError LICENCE_FIELD_*), unknown types and bad dates.
 */
export const issueLicence = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: IssueInput,
): Promise<IssuedLicence> => {
  const type = typeOrFail(input.typeKey);
  const validFrom = input.validFrom ?? chinaDate(ctx.now());
  const validUntil = input.validUntil === undefined ? defaultValidUntil(type, validFrom) : input.validUntil;
  const serial = await nextSerial(tx, ctx.now());
  const fields = typeof input.fields === 'function' ? input.fields(serial) : input.fields;
  const companyId = input.holder.companyId;
  return signAndStore(tx, ctx, {
    type,
    companyId,
    serial,
    version: 1,
    fields,
    validFrom,
    validUntil,
    issuedAt: input.issuedAt,
  });
};

export type ReissueInput = {
  /** Registry row id of the version being replaced; it must be the active one. */
  licenceId: string;
  /** Replaces the fields given; the others are kept. */
  fields?: LicenceFields;
  validFrom?: string;
  validUntil?: string | null;
};

const lockedActive = async (tx: DbOrTx, licenceId: string) => {
  const [row] = await tx.select().from(licences).where(eq(licences.id, licenceId)).for('update');
  if (!row) throw notFound(text('证照', 'Licence'));
  if (row.status !== 'active')
    throw new DomainError(
      row.status === 'revoked' ? 'LICENCE_REVOKED' : 'LICENCE_SUPERSEDED',
      row.status === 'revoked'
        ? text('该证照已被注销，不能换发。', 'This licence has been revoked and cannot be re-issued.')
        : text('该证照已有更新的版本。', 'A newer version of this licence exists.'),
    );
  return row;
};

/** Issues the next version of a licence (changed fields or validity) and supersedes the old one. */
export const reissueLicence = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: ReissueInput,
): Promise<IssuedLicence> => {
  const old = await lockedActive(tx, input.licenceId);
  const type = typeOrFail(old.typeKey);
  await tx
    .update(licences)
    .set({ status: 'superseded', supersededAt: ctx.now() })
    .where(eq(licences.id, old.id));
  return signAndStore(tx, ctx, {
    type,
    companyId: old.companyId,
    serial: old.serial,
    version: old.version + 1,
    fields: { ...old.signed.document.fields, ...(input.fields ?? {}) },
    validFrom: input.validFrom ?? old.validFrom,
    validUntil: input.validUntil === undefined ? old.validUntil : input.validUntil,
  });
};

/** Revokes (注销/撤销) the active version of a licence; it then verifies as revoked. */
export const revokeLicence = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: { licenceId: string; reason: string },
): Promise<void> => {
  const row = await lockedActive(tx, input.licenceId);
  await tx
    .update(licences)
    .set({ status: 'revoked', revokedAt: ctx.now(), revokedReason: input.reason })
    .where(eq(licences.id, row.id));
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: 'licence.revoke',
    companyId: row.companyId,
    detail: { identifier: row.identifier, version: row.version, reason: input.reason },
  });
};

/** The company's active licence of a type with the latest expiry, if any (e.g. to re-issue on a change). */
export const findActiveLicence = async (db: DbOrTx, companyId: string, typeKey: string) => {
  const [row] = await db
    .select()
    .from(licences)
    .where(
      and(eq(licences.companyId, companyId), eq(licences.typeKey, typeKey), eq(licences.status, 'active')),
    )
    .orderBy(desc(sql`coalesce(${licences.validUntil}, '9999-12-31')`), desc(licences.issuedAt))
    .limit(1);
  return row;
};
