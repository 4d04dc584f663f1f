import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  changeApplications,
  changeRecords,
  companies,
  companyFilings,
  companyRoles,
  persons,
} from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import { findPersonByResidentId } from '../identity';
import { checkNameWithRegistry } from '../registration';
import { consequencesOf } from '../../../shared/lifecycle/change-rules';
import { changeItemRule } from '../../../shared/lifecycle/change-items';
import { registrationAuthorityOf } from '../../../shared/lifecycle/registration-authority';
import { findScopeEntry } from '../../../shared/registration/business-scope';
import { DomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { connectedPeople } from '../companies';
import { openDelegationReviews } from './delegation-reviews';
import { loadFacts } from './facts';
import { issueChangedLicence } from './licence';
import { reissueSeals } from './seals';
import { readProposal, type ChangeRow } from './store';
import { applyTransfers, type RegisteredShareholder } from '../../../shared/lifecycle/equity';
import { maskResidentId } from '../../../shared/masking';
import Decimal from 'decimal.js';
import type { FiledBeneficialOwner } from '../../db/schema';

/** Same key as registration approval's APPROVAL_LOCK ("REG1"). */
const NAME_LOCK = 0x52454731;

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
};

export type ChangeApproved = { notify: string[]; licenceIdentifier: string | null };

/**
 * Approval, all of it in the caller's transaction (lifecycle.md §1.15): the company's facts, the
 * filed facts and roles, a new business licence version, re-issued seals, the tax registration,
 * delegation reviews after a legal representative change, the public record, notices and events
 * (through the outbox, so nothing is announced if the transaction rolls back), and audit rows.
 */
export const approveChange = async (
  ctx: AppContext,
  tx: DbOrTx,
  row: ChangeRow,
  reviewerPersonId: string | null,
): Promise<ChangeApproved> => {
  const now = ctx.now();
  const today = chinaToday(now);
  const p = readProposal(ctx, row);
  const loaded = await loadFacts(ctx, tx, row.companyId);
  const before = loaded.company;
  const items = row.items;
  const set: Partial<typeof companies.$inferInsert> = {};
  if (p.name) set.name = p.name;
  if (p.type) set.type = p.type;
  if (p.domicile) {
    const at = registrationAuthorityOf(p.domicile.divisionCode);
    if (!at) throw new Error(`unknown division ${p.domicile.divisionCode}`);
    set.divisionCode = p.domicile.divisionCode;
    set.address = at.domicilePrefix + p.domicile.street;
    set.registrationAuthority = at.authority;
  }
  if (p.businessScope) set.businessScope = p.businessScope.map((c) => findScopeEntry(c)?.wording.zh ?? c);
  if (p.registeredCapital) set.registeredCapital = p.registeredCapital;
  let newRepId: string | null = null;
  if (p.legalRepresentative) {
    newRepId = (await findPersonByResidentId(tx, ctx.cipher, p.legalRepresentative.residentId))?.id ?? null;
    if (!newRepId) throw new Error('new legal representative has no person record');
    set.legalRepPersonId = newRepId;
  }
  if (p.name) {
    // The registration approval's lock: a name check and its write do not interleave with another's.
    await tx.execute(sql`select pg_advisory_xact_lock(${NAME_LOCK})`);
    const check = await checkNameWithRegistry(tx, p.name, p.type ?? before.type, {
      companiesOnly: true,
      excludeCompanyId: before.id,
    });
    if (!check.ok || !check.parts)
      throw new DomainError(
        'NAME_TAKEN',
        text(`名称"${p.name}"已不可用。`, `The name "${p.name}" is no longer available.`),
        { field: 'name' },
      );
    set.nameParts = check.parts;
  }
  let company = before;
  if (Object.keys(set).length > 0) {
    try {
      const [updated] = await tx.update(companies).set(set).where(eq(companies.id, before.id)).returning();
      if (updated) company = updated;
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError(
          'NAME_TAKEN',
          text(`名称"${p.name}"已被登记。`, `The name "${p.name}" is taken.`),
          {
            field: 'name',
          },
        );
      throw e;
    }
  }

  if (newRepId) {
    await tx
      .delete(companyRoles)
      .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'legal-representative')));
    await tx
      .insert(companyRoles)
      .values({ companyId: company.id, personId: newRepId, role: 'legal-representative' })
      .onConflictDoNothing();
  }
  let liaisonId: string | null | undefined;
  if (p.liaison) {
    liaisonId = (await findPersonByResidentId(tx, ctx.cipher, p.liaison.residentId))?.id ?? null;
    await tx
      .delete(companyRoles)
      .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'liaison')));
    if (liaisonId)
      await tx
        .insert(companyRoles)
        .values({ companyId: company.id, personId: liaisonId, role: 'liaison' })
        .onConflictDoNothing();
  }
  const register = await registerAfter(ctx, tx, loaded.register, p);
  if (register) await syncShareholderRoles(tx, company.id, loaded.register, register);
  let owners: FiledBeneficialOwner[] | undefined;
  if (p.beneficialOwners) {
    owners = [];
    for (const o of p.beneficialOwners) {
      const person = await findPersonByResidentId(tx, ctx.cipher, o.residentId);
      if (!person) throw new Error('beneficial owner has no person record');
      owners.push({
        name: o.name,
        personId: person.id,
        residentIdMasked: maskResidentId(o.residentId),
        basis: o.basis,
        share: o.share,
      });
    }
  }
  if (p.officers || p.liaison || p.articles || register || p.businessTerm || owners) {
    const filed = {
      officers: p.officers ?? loaded.facts.officers,
      liaisonPersonId: liaisonId ?? loaded.liaisonPersonId,
      articlesAmendedOn: p.articles ? today : loaded.facts.articlesAmendedOn,
      ...(p.articles ? { articlesSummary: p.articles.summary } : {}),
      ...(register ? { shareholders: register } : {}),
      ...(p.businessTerm ? { businessTermEndsOn: p.businessTerm.endsOn, businessTermFiled: true } : {}),
      ...(owners ? { beneficialOwners: owners } : {}),
      updatedAt: now,
    };
    await tx
      .insert(companyFilings)
      .values({ companyId: company.id, ...filed })
      .onConflictDoUpdate({ target: companyFilings.companyId, set: filed });
  }

  const [rep] = await tx
    .select({ name: persons.name })
    .from(persons)
    .where(eq(persons.id, company.legalRepPersonId));
  const legalRep = rep?.name ?? loaded.facts.legalRepresentative.name;
  const effects = consequencesOf(items);
  let licence: { id: string; identifier: string; version: number } | null = null;
  if (effects.newLicenceVersion) {
    licence = await issueChangedLicence(
      ctx,
      tx,
      company,
      legalRep,
      p.businessScope ?? loaded.facts.businessScope,
      items.includes('type'),
    );
    await tx.insert(changeRecords).values({
      applicationId: row.id,
      companyId: company.id,
      kind: 'business-licence',
      reference: licence.identifier,
      licenceId: licence.id,
      createdAt: now,
    });
  }
  if (effects.reissueSeals)
    await reissueSeals(ctx, tx, {
      companyId: company.id,
      applicationId: row.id,
      oldName: before.name,
      newName: company.name,
      legalRep,
      reason: `变更登记（${items
        .filter((i) => changeItemRule(i).invalidatesSeals)
        .map((i) => changeItemRule(i).label.zh)
        .join('、')}）`,
    });
  // The tax authority (the platform) reads the register: the taxpayer's facts follow the change.
  if (items.some((i) => changeItemRule(i).kind === 'change'))
    await tx.insert(changeRecords).values({
      applicationId: row.id,
      companyId: company.id,
      kind: 'tax-registration',
      reference: company.uscc,
      createdAt: now,
    });
  const delegates =
    effects.reviewDelegations && newRepId
      ? await openDelegationReviews(ctx, tx, {
          companyId: company.id,
          companyName: company.name,
          applicationId: row.id,
          newLegalRepPersonId: newRepId,
        })
      : [];

  await tx
    .update(changeApplications)
    .set({
      status: 'approved',
      decidedAt: now,
      approvedOn: today,
      reviewerPersonId,
      licenceId: licence?.id ?? null,
      submittedAt: row.submittedAt ?? now,
    })
    .where(eq(changeApplications.id, row.id));
  await writeAudit(tx, {
    actorPersonId: reviewerPersonId,
    actingAs: reviewerPersonId ? 'reviewer' : 'system',
    action: 'change.approve',
    companyId: company.id,
    detail: { changeId: row.id, items, licence: licence?.identifier ?? null, route: row.route },
  });

  const notify = new Set([
    ...(await connectedPeople(tx, company.id, now)),
    row.filerPersonId,
    before.legalRepPersonId,
    ...delegates,
  ]);
  for (const personId of notify)
    await postInbox(tx, {
      personId,
      kind: 'change.approved',
      title: text(`${company.name} 变更登记已核准`, `${company.name}: change approved`),
      body: text(
        `${row.diff.map((d) => changeItemRule(d.item).label.zh).join('、')}已变更${licence ? `，营业执照已换发（第 ${licence.version} 版）` : ''}。`,
        `${row.diff.map((d) => changeItemRule(d.item).label.en).join(', ')} changed${licence ? `; business licence version ${licence.version} issued` : ''}.`,
      ),
      link: `/companies/${company.id}/changes/${row.id}`,
      refId: row.id,
    });
  await ctx.bus.publishTo(
    notify,
    {
      type: 'change.approved',
      data: { companyId: company.id, changeId: row.id, licenceId: licence?.id ?? null },
    },
    tx,
  );
  return { notify: [...notify], licenceIdentifier: licence?.identifier ?? null };
};

/** The register after the approved transfers and term (§1.1–2, §1.9–10), or undefined when neither changes. */
const registerAfter = async (
  ctx: AppContext,
  tx: DbOrTx,
  before: RegisteredShareholder[],
  p: ReturnType<typeof readProposal>,
): Promise<RegisteredShareholder[] | undefined> => {
  if (!p.transfers && !p.capitalDueOn) return undefined;
  let after = before;
  if (p.transfers) {
    after = applyTransfers(
      before,
      p.transfers.map((t) => ({ from: t.from, to: t.to.name, amount: t.amount })),
    ).after;
    for (const t of p.transfers) {
      if (!t.to.residentId) continue;
      const person = await findPersonByResidentId(tx, ctx.cipher, t.to.residentId);
      after = after.map((r) => (r.name === t.to.name && person ? { ...r, personId: person.id } : r));
    }
  }
  const due = p.capitalDueOn;
  if (due) after = after.map((r) => (new Decimal(r.paid).lt(r.subscribed) ? { ...r, dueOn: due } : r));
  return after;
};

/** Shareholder roles follow the register: leavers lose theirs, newcomers get one (and see the company). */
const syncShareholderRoles = async (
  tx: DbOrTx,
  companyId: string,
  before: readonly RegisteredShareholder[],
  after: readonly RegisteredShareholder[],
) => {
  const stays = new Set(after.flatMap((r) => (r.personId ? [r.personId] : [])));
  for (const r of before)
    if (r.personId && !stays.has(r.personId))
      await tx
        .delete(companyRoles)
        .where(
          and(
            eq(companyRoles.companyId, companyId),
            eq(companyRoles.personId, r.personId),
            eq(companyRoles.role, 'shareholder'),
          ),
        );
  for (const personId of stays)
    await tx.insert(companyRoles).values({ companyId, personId, role: 'shareholder' }).onConflictDoNothing();
};
