import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  companies,
  licenceApplicationAttachments,
  licenceApplications,
  licences,
  licenceUploads,
  persons,
} from '../../db/schema';
import { serviceByCode } from '../../../shared/services/catalogue';
import { promisedBy } from '../../../shared/services/promised-time';
import { chinaDate } from '../../../shared/time/china';
import type { ApplicationView } from '../../../shared/api/licences';
import { serviceSummary } from './checklist';
import { toUploadView } from './uploads';
import { typeNameOf } from './views';

const unknownService = (code: string) => ({
  code,
  name: { zh: code, en: code },
  department: { zh: '', en: '' },
  kind: 'other',
});

/** Applications matching `where`, newest first, each with the evidence it was submitted with. */
export const loadApplications = async (
  db: DbOrTx,
  where: SQL | undefined,
  limit = 200,
): Promise<ApplicationView[]> => {
  const apps = await db
    .select({ a: licenceApplications, companyName: companies.name, submitter: persons.name })
    .from(licenceApplications)
    .innerJoin(companies, eq(companies.id, licenceApplications.companyId))
    .innerJoin(persons, eq(persons.id, licenceApplications.submittedByPersonId))
    .where(where)
    .orderBy(desc(licenceApplications.submittedAt))
    .limit(limit);
  if (apps.length === 0) return [];
  const ids = apps.map((x) => x.a.id);
  const atts = await db
    .select({ t: licenceApplicationAttachments, status: licences.status, validUntil: licences.validUntil })
    .from(licenceApplicationAttachments)
    .innerJoin(licences, eq(licences.id, licenceApplicationAttachments.licenceId))
    .where(inArray(licenceApplicationAttachments.applicationId, ids));
  const uploads = await db
    .select({
      id: licenceUploads.id,
      applicationId: licenceUploads.applicationId,
      materialKey: licenceUploads.materialKey,
      fileName: licenceUploads.fileName,
      mimeType: licenceUploads.mimeType,
      size: licenceUploads.size,
      sha256: licenceUploads.sha256,
      createdAt: licenceUploads.createdAt,
    })
    .from(licenceUploads)
    .where(inArray(licenceUploads.applicationId, ids));
  const issuedIds = apps.flatMap((x) => (x.a.issuedLicenceId ? [x.a.issuedLicenceId] : []));
  const issued = issuedIds.length
    ? await db
        .select({ id: licences.id, identifier: licences.identifier, version: licences.version })
        .from(licences)
        .where(inArray(licences.id, issuedIds))
    : [];
  return apps.map(({ a, companyName, submitter }) => {
    const service = serviceByCode(a.serviceCode);
    return {
      id: a.id,
      companyId: a.companyId,
      companyName,
      service: service ? serviceSummary(service) : unknownService(a.serviceCode),
      status: a.status,
      submittedAt: a.submittedAt.toISOString(),
      consentedAt: a.consentedAt.toISOString(),
      acceptedAt: a.acceptedAt?.toISOString() ?? null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      submittedBy: { name: submitter, actingAs: a.actingAs },
      attachments: atts
        .filter((x) => x.t.applicationId === a.id)
        .map(({ t, status, validUntil }) => ({
          licenceId: t.licenceId,
          identifier: t.identifier,
          version: t.version,
          digest: t.digest,
          typeKey: t.typeKey,
          name: typeNameOf(t.typeKey),
          validUntil,
          materialKey: t.materialKey,
          currentStatus: status,
        })),
      uploads: uploads.filter((u) => u.applicationId === a.id).map(toUploadView),
      note: a.note,
      decisionNote: a.decisionNote,
      issuedLicence: issued.find((l) => l.id === a.issuedLicenceId) ?? null,
      promisedBy: promisedBy(chinaDate(a.submittedAt), service?.kind ?? 'other'),
    };
  });
};

export const loadApplication = async (
  db: DbOrTx,
  where: SQL | undefined,
): Promise<ApplicationView | undefined> => (await loadApplications(db, where, 1))[0];
