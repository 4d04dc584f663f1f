import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { platformNotices } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { checkNoticeWindow, type Notice, type NoticeInput } from '../../../shared/todos/notices';

type Row = typeof platformNotices.$inferSelect;

const view = (r: Row): Notice => ({
  id: r.id,
  title: r.title,
  body: r.body,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  audience: r.audience,
  publishedAt: r.publishedAt.toISOString(),
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
});

/** Publishes a notice and audits it, in one transaction. */
export const publishNotice = async (
  db: DbOrTx,
  personId: string,
  input: NoticeInput,
  now: Date,
  today: string,
): Promise<Notice> => {
  checkNoticeWindow(input, today);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(platformNotices)
      .values({ ...input, publishedByPersonId: personId, publishedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await writeAudit(tx, {
      actorPersonId: personId,
      actingAs: 'operator',
      action: 'notice.published',
      detail: {
        noticeId: row.id,
        title: input.title.zh,
        audience: input.audience,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
      },
    });
    return view(row);
  });
};

export const withdrawNotice = async (
  db: DbOrTx,
  personId: string,
  noticeId: string,
  now: Date,
): Promise<Notice> =>
  db.transaction(async (tx) => {
    const [row] = await tx
      .update(platformNotices)
      .set({ withdrawnAt: sql`coalesce(${platformNotices.withdrawnAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(platformNotices.id, noticeId))
      .returning();
    if (!row) throw new DomainError('NOTICE_NOT_FOUND', text('未找到该公告。', 'Notice not found.'));
    await writeAudit(tx, {
      actorPersonId: personId,
      actingAs: 'operator',
      action: 'notice.withdrawn',
      detail: { noticeId },
    });
    return view(row);
  });

export const allNotices = async (db: DbOrTx): Promise<Notice[]> =>
  (await db.select().from(platformNotices).orderBy(desc(platformNotices.publishedAt)).limit(200)).map(view);

/**
 * The notices in force today for a person: those for everyone, and those whose region / taxpayer
 * type matches a company the person acts for (legal representative, delegate, or a client of a
 * firm they work in) — one statement.
 */
export const noticesFor = async (
  db: DbOrTx,
  personId: string,
  today: string,
  now: Date,
): Promise<Notice[]> => {
  const result = (await db.execute(sql`
    select n.id from platform_notices n
    where n.withdrawn_at is null and n.valid_from <= ${today}::date and n.valid_until >= ${today}::date
      and (n.audience->>'kind' = 'everyone' or exists (
        select 1 from companies c
        where c.id in (
            select id from companies where legal_rep_person_id = ${personId}
            union select company_id from delegations
              where grantee_person_id = ${personId} and status = 'approved'
                and (valid_until is null or valid_until > ${now.toISOString()}::timestamptz)
            union select fc.company_id from firm_clients fc
              join firm_members m on m.firm_id = fc.firm_id where m.person_id = ${personId})
          and (n.audience->>'divisionPrefix' is null or c.division_code like (n.audience->>'divisionPrefix') || '%')
          and (n.audience->>'taxpayerType' is null or c.taxpayer_type = n.audience->>'taxpayerType')))
    order by n.valid_from, n.published_at`)) as unknown as { rows: { id: string }[] };
  if (result.rows.length === 0) return [];
  const rows = await db
    .select()
    .from(platformNotices)
    .where(
      inArray(
        platformNotices.id,
        result.rows.map((r) => r.id),
      ),
    );
  const order = new Map(result.rows.map((r, i) => [r.id, i]));
  return rows.map(view).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
};
