import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/types';
import { licenceUploads } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import {
  UPLOAD_MAX_BYTES,
  type UploadCreate,
  type UploadMimeType,
  type UploadView,
} from '../../../shared/api/licences';

type UploadRow = typeof licenceUploads.$inferSelect;

const MAGIC: [UploadMimeType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** What the bytes are, by their signature; the declared type and the file name do not count. */
export const sniffType = (bytes: Buffer): UploadMimeType | undefined =>
  MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];

/** Its HTTP status is the code's, in STATUS_OF_CODE (server/http/errors.ts). */
const refuse = (code: string, zh: string, en: string): DomainError =>
  new DomainError(code, text(zh, en), { field: 'contentBase64' });

const decode = (b64: string): Buffer => {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw refuse(
      'UPLOAD_NOT_BASE64',
      '文件内容编码错误，请重新选择文件。',
      'The file content is not valid base64; choose the file again.',
    );
  return Buffer.from(b64, 'base64');
};

/** Keeps the last path segment and drops control characters, so a name cannot smuggle a path. */
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;
const cleanName = (name: string): string =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => !isControl(ch))
    .join('')
    .trim()
    .slice(0, 200) || 'file';

export const toUploadView = (
  u: Pick<UploadRow, 'id' | 'materialKey' | 'fileName' | 'mimeType' | 'size' | 'sha256' | 'createdAt'>,
): UploadView => ({
  id: u.id,
  materialKey: u.materialKey,
  fileName: u.fileName,
  mimeType: u.mimeType as UploadMimeType,
  size: u.size,
  sha256: u.sha256,
  createdAt: u.createdAt.toISOString(),
});

/**
 * Stores a non-licence material for a later submission: PDF, JPEG or PNG by content (not by
 * name), at most 5 MB, in the database. It belongs to no application until one claims it.
 */
export const storeUpload = async (
  tx: DbOrTx,
  authority: Authority,
  body: UploadCreate,
  now: Date,
): Promise<UploadView> => {
  const bytes = decode(body.contentBase64);
  if (bytes.length === 0) throw refuse('UPLOAD_EMPTY', '文件是空的。', 'The file is empty.');
  if (bytes.length > UPLOAD_MAX_BYTES)
    throw refuse(
      'UPLOAD_TOO_LARGE',
      '文件超过 5 MB，请压缩后再上传。',
      'The file is larger than 5 MB; reduce it and try again.',
    );
  const kind = sniffType(bytes);
  if (!kind)
    throw refuse(
      'UPLOAD_TYPE_NOT_ALLOWED',
      '只接受 PDF、JPEG 或 PNG 文件。',
      'Only PDF, JPEG or PNG files are accepted.',
    );
  if (kind !== body.mimeType)
    throw refuse(
      'UPLOAD_TYPE_MISMATCH',
      '文件内容与声明的类型不符。',
      'The file content does not match its declared type.',
    );
  const [row] = await tx
    .insert(licenceUploads)
    .values({
      companyId: authority.companyId,
      uploadedByPersonId: authority.personId,
      materialKey: body.materialKey,
      fileName: cleanName(body.fileName),
      mimeType: kind,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      createdAt: now,
    })
    .returning();
  // Plain audit, not auditActingFor: a draft upload must not use up a single-use delegation.
  await writeAudit(tx, {
    actorPersonId: authority.personId,
    actingAs: authority.actingAs,
    action: 'licence.upload',
    companyId: authority.companyId,
    delegationId: authority.delegationId ?? null,
    firmId: authority.firmId ?? null,
    detail: { uploadId: row!.id, materialKey: body.materialKey, size: bytes.length, mimeType: kind },
  });
  return toUploadView(row!);
};
