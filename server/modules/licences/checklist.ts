import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { licences } from '../../db/schema';
import { notFound } from '../../http/errors';
import { buildChecklist, type Checklist, type HeldLicence } from '../../../shared/licences/checklist';
import { serviceByCode, type ServiceItem } from '../../../shared/services/catalogue';
import { text } from '../../../shared/text';
import { chinaDate } from '../../../shared/time/china';
import type { AttachmentView, ChecklistView } from '../../../shared/api/licences';
import { typeNameOf, type LicenceRow } from './views';

export type Held = { held: HeldLicence[]; rows: LicenceRow[] };

/**
 * The company's licences as the registry reports them for 免证办: current versions (active or
 * revoked; superseded versions no longer exist for this purpose). `lock` takes row locks so a
 * revocation cannot slip in between checking and recording a submission.
 */
export const heldLicences = async (db: DbOrTx, companyId: string, lock = false): Promise<Held> => {
  const q = db
    .select()
    .from(licences)
    .where(and(eq(licences.companyId, companyId), inArray(licences.status, ['active', 'revoked'])));
  const rows = lock ? await q.for('update') : await q;
  const held = rows.map((r): HeldLicence => ({
    typeKey: r.typeKey,
    id: r.identifier,
    version: r.version,
    status: r.status === 'revoked' ? 'revoked' : 'active',
    validUntil: r.validUntil,
    digest: r.digest,
  }));
  return { held, rows };
};

export const serviceOrFail = (code: string): ServiceItem => {
  const s = serviceByCode(code);
  if (!s) throw notFound(text(`办事事项 ${code}`, `Service ${code}`));
  return s;
};

export const serviceSummary = (s: ServiceItem) => ({
  code: s.code,
  name: s.name,
  department: s.department,
  kind: s.kind,
});

const attachmentOf = (h: Pick<HeldLicence, 'id'>, rows: LicenceRow[]): AttachmentView | undefined => {
  const row = rows.find((r) => r.identifier === h.id);
  if (!row) return undefined;
  return {
    licenceId: row.id,
    identifier: row.identifier,
    version: row.version,
    digest: row.digest,
    typeKey: row.typeKey,
    name: typeNameOf(row.typeKey),
    validUntil: row.validUntil,
  };
};

/** For a new-licence service: the same licence the company already holds, active and not expired. */
const alreadyHeldOf = (service: ServiceItem, rows: LicenceRow[], today: string): AttachmentView | null => {
  if (service.kind !== 'new' || !service.issuesLicenceType) return null;
  const row = rows.find(
    (r) =>
      r.typeKey === service.issuesLicenceType &&
      r.status === 'active' &&
      (r.validUntil === null || r.validUntil >= today),
  );
  return row ? (attachmentOf({ id: row.identifier }, rows) ?? null) : null;
};

export const toChecklistView = (
  service: ServiceItem,
  c: Checklist,
  rows: LicenceRow[],
  today?: string,
): ChecklistView => ({
  service: serviceSummary(service),
  items: c.items.map((i) => {
    const licence = i.licence ? attachmentOf(i.licence, rows) : undefined;
    const fix = i.fixServiceCode ? serviceByCode(i.fixServiceCode) : undefined;
    return {
      materialKey: i.material.key,
      name: i.material.name,
      kind: i.material.kind,
      required: i.material.required,
      status: i.status,
      ...(licence ? { licence } : {}),
      ...(i.expiringInDays !== undefined ? { expiringInDays: i.expiringInDays } : {}),
      ...(fix ? { fixService: { code: fix.code, name: fix.name } } : {}),
      text: i.text,
    };
  }),
  attachments: c.attachments.flatMap((a) => {
    const row = rows.find((r) => r.identifier === a.id);
    return row ? [attachmentOf(a, rows)!] : [];
  }),
  canSubmit: c.canSubmit,
  ...(today === undefined ? {} : { alreadyHeld: alreadyHeldOf(service, rows, today) }),
});

export const checklistFor = async (
  db: DbOrTx,
  companyId: string,
  serviceCode: string,
  now: Date,
): Promise<ChecklistView> => {
  const service = serviceOrFail(serviceCode);
  const { held, rows } = await heldLicences(db, companyId);
  return toChecklistView(service, buildChecklist(service, held, now), rows, chinaDate(now));
};
