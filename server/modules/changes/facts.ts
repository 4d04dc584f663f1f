import Decimal from 'decimal.js';
import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, companyFilings, companyRoles, persons, registrationApplications } from '../../db/schema';
import { notFound } from '../../http/errors';
import { readDraft } from '../registration';
import { findPersonByResidentId } from '../identity';
import type { CompanyFacts } from '../../../shared/api/changes';
import { businessScopeCatalogue } from '../../../shared/registration/business-scope';
import { registrationAuthorityOf } from '../../../shared/lifecycle/registration-authority';
import type { VotingShareholder } from '../../../shared/lifecycle/change-rules';
import { capitalTermFlag, type RegisteredShareholder } from '../../../shared/lifecycle/equity';
import { text } from '../../../shared/text';

export type CompanyRow = typeof companies.$inferSelect;

/** Today's facts with what the server needs besides: the row, the legal representative's person id, the voters. */
export type LoadedFacts = {
  company: CompanyRow;
  facts: CompanyFacts;
  legalRepPersonId: string;
  liaisonPersonId: string | null;
  shareholders: VotingShareholder[];
  /** The shareholder register with person ids (who is told of a transfer, CL §84). */
  register: RegisteredShareholder[];
};

const codeByWording = new Map(businessScopeCatalogue.map((e) => [e.wording.zh, e.code]));

/** The registered wording back to catalogue codes (what the change form edits). */
const scopeCodesOf = (wording: readonly string[]): string[] =>
  wording.flatMap((w) => {
    const code = codeByWording.get(w);
    return code ? [code] : [];
  });

const streetOf = (c: CompanyRow): string => {
  const prefix = registrationAuthorityOf(c.divisionCode)?.domicilePrefix ?? '';
  return prefix && c.address.startsWith(prefix) ? c.address.slice(prefix.length) : c.address;
};

const approvedRegistration = async (ctx: AppContext, db: DbOrTx, companyId: string) => {
  const [row] = await db
    .select()
    .from(registrationApplications)
    .where(
      and(eq(registrationApplications.companyId, companyId), eq(registrationApplications.status, 'approved')),
    )
    .limit(1);
  return row ? readDraft(ctx, row) : undefined;
};

/**
 * The shareholder register: the filed one once a change has written it; else the approved
 * registration's shareholders and subscriptions; for a company registered before the platform its
 * shareholder roles (a sole one holds all the capital, several equal parts — the platform has no amounts).
 */
const registerOf = async (
  ctx: AppContext,
  db: DbOrTx,
  company: CompanyRow,
  draft: Awaited<ReturnType<typeof approvedRegistration>>,
  filed: RegisteredShareholder[] | null | undefined,
): Promise<RegisteredShareholder[]> => {
  if (filed && filed.length > 0) return filed;
  const fromDraft: RegisteredShareholder[] = [];
  for (const s of draft?.shareholders ?? []) {
    if (!s.name || !s.contribution?.amount) continue;
    const person =
      s.kind !== 'company' && s.residentId
        ? await findPersonByResidentId(db, ctx.cipher, s.residentId)
        : undefined;
    fromDraft.push({
      name: s.name,
      personId: person?.id ?? null,
      subscribed: new Decimal(s.contribution.amount).toFixed(2),
      paid: '0.00',
      dueOn: s.contribution.dueDate || null,
    });
  }
  if (fromDraft.length > 0) return fromDraft;
  const rows = await db
    .select({ name: persons.name, personId: persons.id })
    .from(companyRoles)
    .innerJoin(persons, eq(persons.id, companyRoles.personId))
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'shareholder')));
  if (rows.length === 0) return [];
  const part = new Decimal(company.registeredCapital).div(rows.length).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const rest = new Decimal(company.registeredCapital).minus(part.times(rows.length - 1));
  return rows.map((r, i) => ({
    name: r.name,
    personId: r.personId,
    subscribed: (i === 0 ? rest : part).toFixed(2),
    paid: '0.00',
    dueOn: null,
  }));
};

/** Voting rights by contribution (CL §65, unless the articles say otherwise). */
const votersOf = (register: readonly RegisteredShareholder[]): VotingShareholder[] =>
  register.map((r) => ({ name: r.name, votingRights: r.subscribed }));

export const sharesOf = (holders: readonly VotingShareholder[]) => {
  const total = holders.reduce((s, h) => s.plus(h.votingRights), new Decimal(0));
  return holders.map((h) => ({
    ...h,
    share: total.isZero() ? '0.00' : new Decimal(h.votingRights).div(total).times(100).toFixed(2),
  }));
};

/** The company's registered and filed facts today, as the change form opens on them. */
export const loadFacts = async (ctx: AppContext, db: DbOrTx, companyId: string): Promise<LoadedFacts> => {
  const [row] = await db
    .select({ c: companies, repName: persons.name, repMasked: persons.residentIdMasked })
    .from(companies)
    .innerJoin(persons, eq(persons.id, companies.legalRepPersonId))
    .where(eq(companies.id, companyId));
  if (!row) throw notFound(text('企业', 'Company'));
  const c = row.c;
  const draft = await approvedRegistration(ctx, db, companyId);
  const [filed] = await db.select().from(companyFilings).where(eq(companyFilings.companyId, companyId));

  const people = draft?.officers?.people ?? [];
  const nameOfRef = (ref: string | undefined): string | null =>
    (ref && people.find((p) => p.ref === ref)?.name) || null;
  const g = draft?.officers?.governance;
  const draftOfficers = draft?.officers
    ? {
        directors: (g?.kind === 'board' ? (g.directors ?? []) : [g?.director]).flatMap(
          (r) => nameOfRef(r) ?? [],
        ),
        supervisors:
          draft.officers.supervision?.kind === 'supervisor'
            ? [nameOfRef(draft.officers.supervision.supervisor)].flatMap((n) => n ?? [])
            : [],
        manager: nameOfRef(draft.officers.manager),
      }
    : undefined;
  const officers = filed?.officers ??
    draftOfficers ?? { directors: [row.repName], supervisors: [], manager: null };

  let liaisonPersonId = filed?.liaisonPersonId ?? null;
  if (!liaisonPersonId) {
    const [l] = await db
      .select({ id: companyRoles.personId })
      .from(companyRoles)
      .where(and(eq(companyRoles.companyId, companyId), eq(companyRoles.role, 'liaison')))
      .orderBy(desc(companyRoles.createdAt))
      .limit(1);
    liaisonPersonId = l?.id ?? null;
  }
  const [liaison] = liaisonPersonId
    ? await db
        .select({ name: persons.name, phoneMasked: persons.phoneMasked })
        .from(persons)
        .where(eq(persons.id, liaisonPersonId))
    : [];

  const register = await registerOf(ctx, db, c, draft, filed?.shareholders);
  return {
    company: c,
    legalRepPersonId: c.legalRepPersonId,
    liaisonPersonId,
    shareholders: votersOf(register),
    register,
    facts: {
      name: c.name,
      type: c.type,
      divisionCode: c.divisionCode,
      street: streetOf(c),
      address: c.address,
      businessScope: scopeCodesOf(c.businessScope),
      scopeWording: c.businessScope,
      registeredCapital: c.registeredCapital,
      registrationAuthority: c.registrationAuthority,
      legalRepresentative: { name: row.repName, residentIdMasked: row.repMasked },
      officers,
      liaison: liaison ? { name: liaison.name, phoneMasked: liaison.phoneMasked } : null,
      articlesAmendedOn: filed?.articlesAmendedOn ?? null,
      establishedOn: c.establishedOn,
      register: register.map(({ name, subscribed, paid, dueOn }) => ({ name, subscribed, paid, dueOn })),
      businessTerm: {
        endsOn: filed?.businessTermEndsOn ?? null,
        filed: filed?.businessTermFiled ?? false,
      },
      beneficialOwners: (filed?.beneficialOwners ?? []).map(({ name, residentIdMasked, basis, share }) => ({
        name,
        residentIdMasked,
        basis,
        share,
      })),
      capitalTermFlag: capitalTermFlag(c.establishedOn, register),
    },
  };
};
