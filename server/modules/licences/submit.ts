import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  licenceApplicationAttachments,
  licenceApplications,
  licences,
  licenceUploads,
} from '../../db/schema';
import { authorize, refusalError, type Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { buildChecklist, type Checklist } from '../../../shared/licences/checklist';
import { chinaDate } from '../../../shared/time/china';
import type { ServiceItem } from '../../../shared/services/catalogue';
import { text, type LocalizedText } from '../../../shared/text';
import type { ApplicationCreate } from '../../../shared/api/licences';
import { heldLicences, serviceOrFail } from './checklist';
import { typeNameOf, type LicenceRow } from './views';

/** Setting up a company is the registration module's one-form flow, not a 免证办 application. */
export const VIA_REGISTRATION = 'business-licence.new';

/** Each of these codes is a 409 in STATUS_OF_CODE (server/http/errors.ts). */
const conflict = (code: string, t: LocalizedText): DomainError =>
  new DomainError(code, t, { field: 'consent.attachments' });

/** Attaching licences is "using" them: the submitter needs licence.use as well as licence.apply. */
const requireLicenceUse = async (db: DbOrTx, authority: Authority, now: Date): Promise<void> => {
  if (authority.actingAs === 'legal-representative') return;
  const d = await authorize(db, {
    personId: authority.personId,
    companyId: authority.companyId,
    scope: 'licence.use',
    now,
  });
  if (!d.allowed) throw refusalError(d);
};

/**
 * Each licence the applicant consented to must still be exactly what they saw: same version,
 * same digest, not revoked, not expired. Says which one changed and how, so the applicant
 * knows what to fix; nothing is recorded.
 */
const checkConsent = async (
  db: DbOrTx,
  body: ApplicationCreate,
  current: LicenceRow[],
  today: string,
): Promise<void> => {
  for (const c of body.consent.attachments) {
    const row = current.find((r) => r.identifier === c.identifier);
    if (!row) {
      const [other] = await db.select().from(licences).where(eq(licences.identifier, c.identifier));
      if (other?.status === 'superseded') {
        const n = typeNameOf(other.typeKey);
        throw conflict(
          'LICENCE_CHANGED_SINCE_CHECKLIST',
          text(
            `${n.zh}在您预览后换发了新版本，请重新查看材料清单并确认。`,
            `A new version of the ${n.en} was issued after you previewed it; review the checklist again.`,
          ),
        );
      }
      throw conflict(
        'CONSENT_MISMATCH',
        text('所确认的证照不属于该企业。', 'A consented licence does not belong to this company.'),
      );
    }
    const n = typeNameOf(row.typeKey);
    if (row.status === 'revoked')
      throw conflict(
        'LICENCE_REVOKED_SINCE_CHECKLIST',
        text(
          `${n.zh}（第 ${row.version} 版）在您预览后已被注销${row.revokedReason ? `（${row.revokedReason}）` : ''}，本次申请未提交。请重新查看材料清单。`,
          `The ${n.en} (version ${row.version}) was revoked after you previewed it${row.revokedReason ? ` (${row.revokedReason})` : ''}; nothing was submitted. Review the checklist again.`,
        ),
      );
    if (row.version !== c.version || row.digest !== c.digest)
      throw conflict(
        'LICENCE_CHANGED_SINCE_CHECKLIST',
        text(
          `${n.zh}与您预览时的内容不一致，请重新确认。`,
          `The ${n.en} differs from what you previewed; confirm again.`,
        ),
      );
    if (row.validUntil !== null && row.validUntil < today)
      throw conflict(
        'LICENCE_EXPIRED_SINCE_CHECKLIST',
        text(
          `${n.zh}已于 ${row.validUntil} 过期，请先办理延续。`,
          `The ${n.en} expired on ${row.validUntil}; renew it first.`,
        ),
      );
  }
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

const checkChecklist = (c: Checklist, body: ApplicationCreate): void => {
  if (!c.canSubmit) {
    const blocking = c.items.filter(
      (i) => i.material.kind === 'licence' && i.material.required && i.status !== 'auto',
    );
    throw new DomainError(
      'MATERIALS_MISSING',
      text(blocking.map((i) => i.text.zh).join('；'), blocking.map((i) => i.text.en).join('; ')),
      { field: 'serviceCode' },
    );
  }
  const key = (a: { id?: string; identifier?: string; version: number; digest: string }) =>
    `${a.id ?? a.identifier}|${a.version}|${a.digest}`;
  if (!sameSet(c.attachments.map(key), body.consent.attachments.map(key)))
    throw conflict(
      'CHECKLIST_CHANGED',
      text(
        '要调取的证照与您确认的不一致，请重新查看材料清单并确认。',
        'The licences to attach differ from what you consented to; review and confirm again.',
      ),
    );
};

/** Uploads must cover every required upload material, be this company's, and not be used already. */
const claimUploads = async (
  tx: DbOrTx,
  service: ServiceItem,
  body: ApplicationCreate,
  companyId: string,
  applicationId: string,
): Promise<void> => {
  const wanted = service.materials.filter((m) => m.kind === 'upload');
  for (const u of body.uploads)
    if (!wanted.some((m) => m.key === u.materialKey))
      throw new DomainError(
        'UPLOAD_NOT_A_MATERIAL',
        text(`该事项不需要材料 ${u.materialKey}。`, `This service has no material ${u.materialKey}.`),
        { field: 'uploads' },
      );
  for (const m of wanted)
    if (m.required && !body.uploads.some((u) => u.materialKey === m.key))
      throw new DomainError('UPLOAD_REQUIRED', text(`请上传${m.name.zh}。`, `Upload the ${m.name.en}.`), {
        field: 'uploads',
      });
  if (body.uploads.length === 0) return;
  const ids = body.uploads.map((u) => u.uploadId);
  const claimed = await tx
    .update(licenceUploads)
    .set({ applicationId })
    .where(
      and(
        inArray(licenceUploads.id, ids),
        eq(licenceUploads.companyId, companyId),
        isNull(licenceUploads.applicationId),
      ),
    )
    .returning({ id: licenceUploads.id, materialKey: licenceUploads.materialKey });
  const ok = body.uploads.every((u) =>
    claimed.some((c) => c.id === u.uploadId && c.materialKey === u.materialKey),
  );
  if (!ok || claimed.length !== new Set(ids).size)
    throw new DomainError(
      'UPLOAD_INVALID',
      text(
        '上传的文件无效或已用于其他申请，请重新上传。',
        'An uploaded file is unknown or already used by another application; upload it again.',
      ),
      { field: 'uploads' },
    );
};

/**
 * Submits a 免证办 application in one transaction: authority, the checklist recomputed under row
 * locks, the applicant's consent matched exactly, uploads claimed, the application and the
 * identifier/version/digest of each attached licence recorded, audit. Any refusal rolls it all back.
 */
export const submitApplication = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  body: ApplicationCreate,
): Promise<string> => {
  const now = ctx.now();
  const service = serviceOrFail(body.serviceCode);
  if (service.code === VIA_REGISTRATION)
    throw new DomainError(
      'SERVICE_VIA_REGISTRATION',
      text(
        '企业设立登记请通过“企业开办”办理。',
        'Company establishment goes through company registration (企业开办).',
      ),
      { field: 'serviceCode' },
    );
  await requireLicenceUse(tx, authority, now);
  const { held, rows } = await heldLicences(tx, authority.companyId, true);
  await checkConsent(tx, body, rows, chinaDate(now));
  const checklist = buildChecklist(service, held, now);
  checkChecklist(checklist, body);
  const [app] = await tx
    .insert(licenceApplications)
    .values({
      companyId: authority.companyId,
      serviceCode: service.code,
      submittedByPersonId: authority.personId,
      actingAs: authority.actingAs,
      delegationId: authority.delegationId ?? null,
      firmId: authority.firmId ?? null,
      note: body.note ?? null,
      consentedAt: now,
      submittedAt: now,
    })
    .returning({ id: licenceApplications.id });
  const applicationId = app!.id;
  const attached = checklist.items.flatMap((i) => {
    const row =
      i.status === 'auto' && i.licence ? rows.find((r) => r.identifier === i.licence?.id) : undefined;
    return row
      ? [
          {
            applicationId,
            licenceId: row.id,
            materialKey: i.material.key,
            typeKey: row.typeKey,
            identifier: row.identifier,
            version: row.version,
            digest: row.digest,
          },
        ]
      : [];
  });
  if (attached.length > 0) await tx.insert(licenceApplicationAttachments).values(attached);
  await claimUploads(tx, service, body, authority.companyId, applicationId);
  await auditActingFor(
    tx,
    authority,
    'licence.apply',
    {
      applicationId,
      serviceCode: service.code,
      attachments: attached.map((a) => ({ identifier: a.identifier, version: a.version, digest: a.digest })),
      uploads: body.uploads.map((u) => u.uploadId),
    },
    now,
  );
  return applicationId;
};
