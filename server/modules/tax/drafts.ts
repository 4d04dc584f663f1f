import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { taxReturns } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { writeAudit } from '../../audit/write';
import { filingDeadline, periodKey, taxOfForm, type SaveDraftBody } from '../../../shared/api/tax';
import { chinaToday } from '../../../shared/time/china';
import { checkFormFits, periodVersions } from './checks';
import { factsFor, loadTaxCompany } from './company';
import type { ReturnRow } from './views';

/**
 * Saves the figures as typed, even ones that do not compute yet, so nothing typed is lost; they
 * are checked when the return is submitted. One draft per period: the next version to file
 * (a correction once the period has an accepted return).
 */
export const saveDraft = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  body: SaveDraftBody,
): Promise<ReturnRow> => {
  const company = await loadTaxCompany(tx, authority.companyId);
  checkFormFits(company, body.input.form, body.period);
  const key = periodKey(body.period);
  const versions = await periodVersions(tx, company.id, body.input.form, key);
  const facts = await factsFor(tx, company, body.period);
  const now = ctx.now();
  let row: ReturnRow | undefined;
  if (versions.draft) {
    [row] = await tx
      .update(taxReturns)
      .set({ input: body.input, facts, updatedAt: now })
      .where(eq(taxReturns.id, versions.draft.id))
      .returning();
  } else {
    const due = filingDeadline(body.period).date;
    [row] = await tx
      .insert(taxReturns)
      .values({
        companyId: company.id,
        tax: taxOfForm(body.input.form),
        form: body.input.form,
        periodKey: key,
        period: body.period,
        version: versions.nextVersion,
        status: 'draft',
        input: body.input,
        facts,
        dueDate: due,
        late: chinaToday(now) > due,
        preparedByPersonId: authority.personId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
  }
  if (!row) throw new Error('draft not stored');
  // Plain audit, not auditActingFor: saving a draft must not use up a single-use delegation.
  await writeAudit(tx, {
    actorPersonId: authority.personId,
    actingAs: authority.actingAs,
    action: 'tax.return.draft',
    companyId: company.id,
    delegationId: authority.delegationId ?? null,
    firmId: authority.firmId ?? null,
    detail: { returnId: row.id, form: row.form, period: key, version: row.version },
  });
  return row;
};
