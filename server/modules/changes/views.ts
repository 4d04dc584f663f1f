import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  changeApplications,
  changeConfirmations,
  companies,
  equityNotices,
  licences,
  persons,
} from '../../db/schema';
import type { ChangeView } from '../../../shared/api/changes';
import { changeItemRule } from '../../../shared/lifecycle/change-items';
import { lateNote } from '../../../shared/lifecycle/change-rules';
import { addDays } from '../../../shared/calendar/iso-date';
import { CHANGE_LIMITS } from '../../../shared/lifecycle/change-items';
import type { ChangeRow } from './store';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const preemptionOf = (
  notices: (typeof equityNotices.$inferSelect)[],
  viewer: string | null,
): ChangeView['preemption'] => {
  const first = notices[0];
  if (!first) return null;
  return {
    windowEndsOn: first.windowEndsOn,
    notices: notices.map((n) => ({
      id: n.id,
      name: n.shareholderName,
      answer: n.answer,
      mine: n.personId !== null && n.personId === viewer,
    })),
  };
};

/** Applications as the filer, the signer and the reviewer see them (people masked in the diff). */
export const changeViews = async (
  db: DbOrTx,
  rows: readonly ChangeRow[],
  viewerPersonId: string | null,
): Promise<ChangeView[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const confirmations = await db
    .select({ c: changeConfirmations, name: persons.name })
    .from(changeConfirmations)
    .innerJoin(persons, eq(persons.id, changeConfirmations.personId))
    .where(inArray(changeConfirmations.applicationId, ids));
  const notices = await db.select().from(equityNotices).where(inArray(equityNotices.applicationId, ids));
  const names = await db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc })
    .from(companies)
    .where(inArray(companies.id, [...new Set(rows.map((r) => r.companyId))]));
  const licenceIds = rows.flatMap((r) => (r.licenceId ? [r.licenceId] : []));
  const issued =
    licenceIds.length > 0
      ? await db
          .select({ id: licences.id, identifier: licences.identifier, version: licences.version })
          .from(licences)
          .where(inArray(licences.id, licenceIds))
      : [];
  return rows.map((r) => {
    const company = names.find((n) => n.id === r.companyId);
    const deadline = addDays(r.resolutionDate, CHANGE_LIMITS.applyWithinDays);
    return {
      id: r.id,
      companyId: r.companyId,
      companyName: company?.name ?? '',
      uscc: company?.uscc ?? '',
      status: r.status,
      items: r.items,
      diff: r.diff.map((d) => ({
        ...d,
        label: changeItemRule(d.item).label,
        kind: changeItemRule(d.item).kind,
      })),
      resolutionDate: r.resolutionDate,
      deadline,
      late: r.late,
      lateNote: r.late ? lateNote(deadline) : null,
      threshold: r.threshold,
      inFavour: r.inFavour,
      route: r.route,
      reviewReasons: r.reviewReasons,
      confirmations: confirmations
        .filter((c) => c.c.applicationId === r.id)
        .map(({ c, name }) => ({
          id: c.id,
          role: c.role,
          name,
          status: c.status,
          confirmedAt: iso(c.confirmedAt),
          mine: c.personId === viewerPersonId,
        })),
      reduction:
        r.announcedOn !== null && r.reductionCoverLosses !== null
          ? {
              coverLosses: r.reductionCoverLosses,
              announcedOn: r.announcedOn,
              claimWindowEndsOn: r.claimWindowEndsOn,
              notifyCreditorsBy: addDays(r.resolutionDate, CHANGE_LIMITS.notifyCreditorsWithinDays),
              announceBy: addDays(r.resolutionDate, CHANGE_LIMITS.announceWithinDays),
            }
          : null,
      preemption: preemptionOf(
        notices.filter((n) => n.applicationId === r.id),
        viewerPersonId,
      ),
      decisionNote: r.decisionNote,
      createdAt: r.createdAt.toISOString(),
      submittedAt: iso(r.submittedAt),
      decidedAt: iso(r.decidedAt),
      licence: issued.find((l) => l.id === r.licenceId) ?? null,
    };
  });
};

export const changeView = async (db: DbOrTx, row: ChangeRow, viewer: string | null): Promise<ChangeView> =>
  (await changeViews(db, [row], viewer))[0]!;

export const companyChanges = (db: DbOrTx, companyId: string) =>
  db
    .select()
    .from(changeApplications)
    .where(eq(changeApplications.companyId, companyId))
    .orderBy(desc(changeApplications.createdAt));
