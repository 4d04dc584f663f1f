import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  accounts,
  companies,
  inboxItems,
  registrationApplications,
  registrationConfirmations,
} from '../../db/schema';
import { findPersonByResidentId } from '../identity';
import { postInbox } from '../inbox';
import { hashToken, newShortToken } from '../../security/tokens';
import type { Application } from '../../../shared/registration/application';
import { text } from '../../../shared/text';
import { addEvent, type ApplicationRow } from './store';
import { namedIn, type Named } from './people';

export type ConfirmationRow = typeof registrationConfirmations.$inferSelect;
export const INBOX_KIND = 'registration.confirm';
export const MAX_CONFIRM_ATTEMPTS = 5;

/** The account holder who answers for someone named: the person, or a company shareholder's legal representative. */
const answererOf = async (
  db: DbOrTx,
  ctx: AppContext,
  n: Named,
): Promise<{ personId: string | null; hasAccount: boolean }> => {
  let personId: string | null;
  if (n.kind === 'person') {
    personId = (await findPersonByResidentId(db, ctx.cipher, n.identifier))?.id ?? null;
  } else {
    const [company] = await db
      .select({ rep: companies.legalRepPersonId })
      .from(companies)
      .where(eq(companies.uscc, n.identifier));
    personId = company?.rep ?? null;
  }
  if (!personId) return { personId: null, hasAccount: false };
  const [account] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.personId, personId));
  return { personId, hasAccount: account !== undefined };
};

/** Closes the inbox requests of an application's earlier confirmations. */
const closeInbox = async (db: DbOrTx, confirmationIds: string[], now: Date): Promise<void> => {
  if (confirmationIds.length === 0) return;
  await db
    .update(inboxItems)
    .set({ doneAt: now })
    .where(
      and(
        eq(inboxItems.kind, INBOX_KIND),
        inArray(inboxItems.refId, confirmationIds),
        isNull(inboxItems.doneAt),
      ),
    );
};

/**
 * How someone named confirms: the legal representative by a live face check (in the app, or on a
 * phone through the link), other account holders by their password, everyone else through a link
 * and a one-time code that the filer passes on.
 */
const methodFor = (n: Named, hasAccount: boolean): ConfirmationRow['method'] =>
  n.kind === 'person' && n.roles.includes('legal-representative') ? 'face' : hasAccount ? 'password' : 'code';

/**
 * Asks everyone named to confirm `app` as it is now (content hash). Account holders also get an
 * inbox request. Returns whom to notify after commit.
 */
export const requestConfirmations = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  app: Application,
  hash: string,
  filer: { personId: string; name: string },
): Promise<string[]> => {
  const now = ctx.now();
  const old = await tx
    .select({ id: registrationConfirmations.id })
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.applicationId, row.id));
  await closeInbox(
    tx,
    old.map((o) => o.id),
    now,
  );
  await tx.delete(registrationConfirmations).where(eq(registrationConfirmations.applicationId, row.id));
  const notify: string[] = [];
  for (const n of namedIn(app)) {
    const who = await answererOf(tx, ctx, n);
    const byAccount = who.hasAccount && who.personId !== null;
    const method = methodFor(n, byAccount);
    const token = method === 'password' ? null : newShortToken();
    const [created] = await tx
      .insert(registrationConfirmations)
      .values({
        applicationId: row.id,
        kind: n.kind,
        name: n.name,
        identifierHash: ctx.cipher.lookupHash(n.identifier),
        roles: n.roles,
        personId: who.personId,
        method,
        linkTokenHash: token ? hashToken(token) : null,
        linkTokenEnc: token ? ctx.cipher.encrypt(token) : null,
        codeEnc:
          method === 'code' ? ctx.cipher.encrypt(String(randomInt(0, 1_000_000)).padStart(6, '0')) : null,
        contentHash: hash,
        createdAt: now,
      })
      .returning({ id: registrationConfirmations.id });
    if (byAccount && who.personId && created && who.personId !== filer.personId) {
      await postInbox(tx, {
        personId: who.personId,
        kind: INBOX_KIND,
        title: text(`请确认企业开办申请：${app.name}`, `Please confirm the registration of ${app.name}`),
        body:
          method === 'face'
            ? text(
                `${filer.name} 提交了企业开办申请，您为拟任法定代表人。请核对后刷脸确认。`,
                `${filer.name} named you the legal representative in a company registration; check it and confirm by face.`,
              )
            : text(
                `${filer.name} 提交了企业开办申请，其中列明了您。请核对后确认。`,
                `${filer.name} named you in a company registration; check it and confirm.`,
              ),
        link: `/registration/confirm/${created.id}`,
        refId: created.id,
      });
      notify.push(who.personId);
    }
  }
  await tx
    .update(registrationApplications)
    .set({ status: 'confirming', contentHash: hash, updatedAt: now })
    .where(eq(registrationApplications.id, row.id));
  await addEvent(tx, row.id, 'confirmations-requested', now, { count: String(namedIn(app).length) });
  return notify;
};

/** After an edit the earlier confirmations no longer count: back to draft, requests closed. */
export const resetConfirmations = async (tx: DbOrTx, ctx: AppContext, row: ApplicationRow): Promise<void> => {
  const now = ctx.now();
  const rows = await tx
    .select({ id: registrationConfirmations.id })
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.applicationId, row.id));
  await closeInbox(
    tx,
    rows.map((r) => r.id),
    now,
  );
  await tx.delete(registrationConfirmations).where(eq(registrationConfirmations.applicationId, row.id));
  await addEvent(tx, row.id, 'confirmations-reset', now);
};

export const confirmationsOf = (db: DbOrTx, applicationId: string): Promise<ConfirmationRow[]> =>
  db
    .select()
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.applicationId, applicationId))
    .orderBy(registrationConfirmations.createdAt);

/** Everyone has confirmed exactly the content the application now holds. */
export const allConfirmed = (rows: readonly ConfirmationRow[], hash: string | null): boolean =>
  rows.length > 0 && hash !== null && rows.every((r) => r.status === 'confirmed' && r.contentHash === hash);

/** Marks one confirmation done, with its timeline step; closes the inbox request. */
export const markConfirmed = async (tx: DbOrTx, ctx: AppContext, c: ConfirmationRow): Promise<void> => {
  const now = ctx.now();
  await tx
    .update(registrationConfirmations)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(eq(registrationConfirmations.id, c.id));
  await closeInbox(tx, [c.id], now);
  await addEvent(tx, c.applicationId, 'confirmed', now, { name: c.name, method: c.method });
};
