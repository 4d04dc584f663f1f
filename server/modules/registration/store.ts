import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications, companies, registrationApplications, registrationEvents } from '../../db/schema';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { ApplicationDraft } from '../../../shared/registration/application';
import {
  checkCompanyName,
  type ExistingCompanyName,
  type NameParts,
} from '../../../shared/registration/name-rules';
import { text } from '../../../shared/text';

export type ApplicationRow = typeof registrationApplications.$inferSelect;

/** Statuses in which a proposed name is held for its applicant (others cannot take it meanwhile). */
export const HOLDING_STATUSES = ['confirming', 'in-review', 'returned'] as const;
export const EDITABLE_STATUSES: readonly ApplicationRow['status'][] = ['draft', 'confirming', 'returned'];

/** The stored form, parsed back into the draft schema at the storage boundary. */
export const readDraft = (ctx: AppContext, row: ApplicationRow): ApplicationDraft =>
  ApplicationDraft.parse(JSON.parse(ctx.cipher.decrypt(row.dataEnc)));

export const sealDraft = (ctx: AppContext, draft: ApplicationDraft): string =>
  ctx.cipher.encrypt(JSON.stringify(draft));

export const findApplication = async (
  db: DbOrTx,
  id: string,
  forUpdate = false,
): Promise<ApplicationRow | undefined> => {
  const q = db.select().from(registrationApplications).where(eq(registrationApplications.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
};

const applicationNotFound = (): DomainError => notFound(text('企业开办申请', 'Registration application'));

/** The filer's own application; anyone else gets 404 (not 403), so ids reveal nothing. */
export const getOwnApplication = async (
  db: DbOrTx,
  id: string,
  personId: string,
  forUpdate = false,
): Promise<ApplicationRow> => {
  const row = await findApplication(db, id, forUpdate);
  if (!row || row.filerPersonId !== personId) throw applicationNotFound();
  return row;
};

export const getApplication = async (db: DbOrTx, id: string, forUpdate = false): Promise<ApplicationRow> => {
  const row = await findApplication(db, id, forUpdate);
  if (!row) throw applicationNotFound();
  return row;
};

export const notEditable = (status: string): DomainError =>
  new DomainError(
    'APPLICATION_NOT_EDITABLE',
    status === 'approved'
      ? text('该申请已核准，不能再修改。', 'This application has been approved and can no longer be changed.')
      : text(
          '该申请正在审核中，暂不能修改；如需修改，请等待审核人员退回。',
          'This application is under review and cannot be changed; wait until the reviewer returns it.',
        ),
  );

/** Appends a timeline step. */
export const addEvent = async (
  db: DbOrTx,
  applicationId: string,
  kind: string,
  at: Date,
  detail: Record<string, string> = {},
): Promise<void> => {
  await db.insert(registrationEvents).values({ applicationId, kind, at, detail });
};

/**
 * Names the uniqueness rule compares with: companies with the same 字号 or the same full name, and
 * names held by other pending applications. Filtering on the 字号 keeps this one indexed lookup.
 */
export const registryNamesFor = async (
  db: DbOrTx,
  name: string,
  parts: NameParts | undefined,
  excludeApplicationId?: string,
  excludeCompanyId?: string,
): Promise<ExistingCompanyName[]> => {
  const trade = parts?.tradeName ?? '';
  const rows = await db
    .select({ name: companies.name, parts: companies.nameParts })
    .from(companies)
    .where(
      and(
        or(
          eq(companies.name, name),
          trade ? sql`${companies.nameParts}->>'tradeName' = ${trade}` : sql`false`,
        ),
        // A company changing its name does not collide with itself.
        excludeCompanyId ? ne(companies.id, excludeCompanyId) : undefined,
      ),
    );
  const pending = await db
    .select({ name: registrationApplications.proposedName, parts: registrationApplications.nameParts })
    .from(registrationApplications)
    .where(
      and(
        inArray(registrationApplications.status, [...HOLDING_STATUSES]),
        excludeApplicationId ? ne(registrationApplications.id, excludeApplicationId) : sql`true`,
        or(
          eq(registrationApplications.proposedName, name),
          trade ? sql`${registrationApplications.nameParts}->>'tradeName' = ${trade}` : sql`false`,
        ),
      ),
    );
  const out: ExistingCompanyName[] = [];
  for (const [i, r] of [...rows, ...pending].entries()) {
    if (!r.name) continue;
    out.push({
      name: r.name,
      tradeName: r.parts?.tradeName ?? '',
      industry: r.parts?.industry ?? '',
      region: r.parts?.region ?? '',
      ...(i >= rows.length ? { pending: true } : {}),
    });
  }
  return [...out, ...(await pendingNameChanges(db, name, trade, excludeCompanyId))];
};

/**
 * Statuses of a change application still in progress (the changes module's OPEN_STATUSES; that
 * module depends on this one, so the list is repeated here rather than imported).
 */
const OPEN_CHANGE_STATUSES = [
  'pre-emption-notice',
  'claim-window',
  'awaiting-confirmations',
  'submitted',
  'needs-supplement',
] as const;

/**
 * Names proposed by name changes still in progress: reserved like a pending registration's name
 * until the application ends. The proposed name is in the (public) diff, so it is read from there.
 */
const pendingNameChanges = async (
  db: DbOrTx,
  name: string,
  trade: string,
  excludeCompanyId?: string,
): Promise<ExistingCompanyName[]> => {
  const rows = await db
    .select({ diff: changeApplications.diff })
    .from(changeApplications)
    .where(
      and(
        inArray(changeApplications.status, [...OPEN_CHANGE_STATUSES]),
        sql`${changeApplications.items} @> '["name"]'::jsonb`,
        excludeCompanyId ? ne(changeApplications.companyId, excludeCompanyId) : undefined,
      ),
    );
  return rows.flatMap((r) => {
    const proposed = r.diff.find((d) => d.item === 'name')?.after;
    if (!proposed) return [];
    const p = checkCompanyName(proposed, { existing: [], legalForm: 'llc' }).parts;
    if (proposed !== name && (!trade || p?.tradeName !== trade)) return [];
    return [
      {
        name: proposed,
        tradeName: p?.tradeName ?? '',
        industry: p?.industry ?? '',
        region: p?.region ?? '',
        pending: true,
      },
    ];
  });
};

/** Only companies (not pending names): what approval must not collide with. */
export const companyNamesFor = async (
  db: DbOrTx,
  name: string,
  parts: NameParts | undefined,
  excludeCompanyId?: string,
): Promise<ExistingCompanyName[]> => {
  const trade = parts?.tradeName ?? '';
  const rows = await db
    .select({ name: companies.name, parts: companies.nameParts })
    .from(companies)
    .where(
      and(
        or(
          eq(companies.name, name),
          trade ? sql`${companies.nameParts}->>'tradeName' = ${trade}` : sql`false`,
        ),
        // A company changing its name does not collide with itself.
        excludeCompanyId ? ne(companies.id, excludeCompanyId) : undefined,
      ),
    );
  return rows.map((r) => ({
    name: r.name,
    tradeName: r.parts?.tradeName ?? '',
    industry: r.parts?.industry ?? '',
    region: r.parts?.region ?? '',
  }));
};
