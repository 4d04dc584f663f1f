import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, licenceApplicationAttachments, licenceApplications, licences } from '../../db/schema';
import type { Actor } from '../../auth/session';
import { writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { addDays } from '../../../shared/licences/expiry';
import { chinaDate } from '../../../shared/time/china';
import { serviceByCode } from '../../../shared/services/catalogue';
import { text } from '../../../shared/text';
import type { ApplicationStatus } from '../../db/schema';
import { postInbox } from '../inbox';
import { draftLicenceFields } from './fields-for';
import { holderFactsOf } from './holder';
import { issueLicence, reissueLicence, type IssuedLicence } from './issue';
import { defaultValidUntil } from './validity';

type AppRow = typeof licenceApplications.$inferSelect;
export type Decision = 'accept' | 'approve' | 'return';

const FROM: Record<Decision, ApplicationStatus[]> = {
  accept: ['submitted'],
  approve: ['accepted'],
  return: ['submitted', 'accepted'],
};
const TO: Record<Decision, ApplicationStatus> = {
  accept: 'accepted',
  approve: 'approved',
  return: 'returned',
};

const NOTICE: Record<Decision, [string, string]> = {
  accept: ['申请已受理', 'Application accepted'],
  approve: ['申请已办结（准予许可）', 'Application approved'],
  return: ['申请被退回', 'Application returned'],
};

/** What an approval issues: a new licence, or the next version of the one renewed or changed. */
const issueFor = async (tx: DbOrTx, ctx: AppContext, app: AppRow): Promise<IssuedLicence | undefined> => {
  const service = serviceByCode(app.serviceCode);
  const typeKey = service?.issuesLicenceType;
  const type = typeKey ? licenceTypeByKey(typeKey) : undefined;
  if (!service || !type) return undefined;
  const today = chinaDate(ctx.now());
  if (service.kind === 'new') {
    const holder = await holderFactsOf(tx, app.companyId);
    return issueLicence(tx, ctx, {
      typeKey: type.key,
      holder: { companyId: app.companyId },
      fields: (serial) => draftLicenceFields(type, holder, { serial, today }),
    });
  }
  const [att] = await tx
    .select()
    .from(licenceApplicationAttachments)
    .where(
      and(
        eq(licenceApplicationAttachments.applicationId, app.id),
        eq(licenceApplicationAttachments.typeKey, type.key),
      ),
    );
  if (!att) return undefined;
  if (service.kind !== 'renew') return reissueLicence(tx, ctx, { licenceId: att.licenceId });
  // The new term runs on from the old expiry (or from today if it has lapsed), but the new version
  // is in force from today: it supersedes the old one now, so the wallet must never show a gap.
  const [current] = await tx
    .select({ validUntil: licences.validUntil })
    .from(licences)
    .where(eq(licences.id, att.licenceId));
  const start = current?.validUntil && current.validUntil >= today ? addDays(current.validUntil, 1) : today;
  return reissueLicence(tx, ctx, {
    licenceId: att.licenceId,
    validFrom: today,
    validUntil: defaultValidUntil(type, start),
  });
};

/**
 * A reviewer moves an application on: submitted → accepted → approved, or returned with a reason.
 * Approval issues the licence into the wallet in the same transaction. Returns who to tell.
 */
export const decide = async (
  tx: DbOrTx,
  ctx: AppContext,
  reviewer: Actor,
  applicationId: string,
  decision: Decision,
  note: string | undefined,
): Promise<{ notify: string[] }> => {
  const [app] = await tx
    .select()
    .from(licenceApplications)
    .where(eq(licenceApplications.id, applicationId))
    .for('update');
  if (!app) throw notFound(text('申请', 'Application'));
  if (!FROM[decision].includes(app.status))
    throw new DomainError(
      'APPLICATION_STATE',
      text(
        `该申请当前状态（${app.status}）不能${NOTICE[decision][0]}。`,
        `The application is ${app.status}; it cannot be ${TO[decision]} now.`,
      ),
    );
  const now = ctx.now();
  const issued = decision === 'approve' ? await issueFor(tx, ctx, app) : undefined;
  const [moved] = await tx
    .update(licenceApplications)
    .set({
      status: TO[decision],
      reviewerPersonId: reviewer.personId,
      ...(decision === 'accept' ? { acceptedAt: now } : { decidedAt: now, decisionNote: note ?? null }),
      ...(issued ? { issuedLicenceId: issued.id } : {}),
    })
    .where(and(eq(licenceApplications.id, app.id), inArray(licenceApplications.status, FROM[decision])))
    .returning({ id: licenceApplications.id });
  if (!moved)
    throw new DomainError(
      'APPLICATION_STATE',
      text('申请状态已变化，请刷新。', 'The application changed; refresh.'),
    );
  await writeAudit(tx, {
    actorPersonId: reviewer.personId,
    actingAs: 'reviewer',
    action: `licence.application.${decision}`,
    companyId: app.companyId,
    detail: {
      applicationId: app.id,
      serviceCode: app.serviceCode,
      note: note ?? null,
      issued: issued?.identifier ?? null,
    },
  });
  const [company] = await tx
    .select({ rep: companies.legalRepPersonId, name: companies.name })
    .from(companies)
    .where(eq(companies.id, app.companyId));
  const notify = [...new Set([app.submittedByPersonId, company?.rep].filter((x): x is string => !!x))];
  const service = serviceByCode(app.serviceCode);
  for (const personId of notify)
    await postInbox(tx, {
      personId,
      kind: 'licence.application',
      title: text(
        `${NOTICE[decision][0]}：${service?.name.zh ?? app.serviceCode}`,
        `${NOTICE[decision][1]}: ${service?.name.en ?? app.serviceCode}`,
      ),
      body: note ? text(note, note) : text(company?.name ?? '', company?.name ?? ''),
      link: `/companies/${app.companyId}/licences/applications/${app.id}`,
      refId: app.id,
    });
  return { notify };
};
