import Decimal from 'decimal.js';
import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, companyFilings, companyRoles, persons, registrationApplications } from '../../db/schema';
import { notFound } from '../../http/errors';
import { readDraft } from '../registration';
import type { CompanyFacts } from '../../../shared/api/changes';
import { businessScopeCatalogue } from '../../../shared/registration/business-scope';
import { registrationAuthorityOf } from '../../../shared/lifecycle/registration-authority';
import type { VotingShareholder } from '../../../shared/lifecycle/change-rules';
import { text } from '../../../shared/text';

export type CompanyRow = typeof companies.$inferSelect;

/** Today's facts with what the server needs besides: the row, the legal representative's person id, the voters. */
export type LoadedFacts = {
  company: CompanyRow;
  facts: CompanyFacts;
  legalRepPersonId: string;
  liaisonPersonId: string | null;
  shareholders: VotingShareholder[];
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
 * Voting rights by contribution (CL §65, unless the articles say otherwise): the registered
 * shareholders with their subscribed amounts; for a company registered before the platform, its
 * shareholder roles (a sole one holds all, several are counted equally — the platform has no amounts).
 */
const shareholdersOf = async (
  db: DbOrTx,
  company: CompanyRow,
  draft: Awaited<ReturnType<typeof approvedRegistration>>,
): Promise<VotingShareholder[]> => {
  const fromDraft = (draft?.shareholders ?? []).flatMap((s) =>
    s.name && s.contribution?.amount ? [{ name: s.name, votingRights: s.contribution.amount }] : [],
  );
  if (fromDraft.length > 0) return fromDraft;
  const rows = await db
    .select({ name: persons.name })
    .from(companyRoles)
    .innerJoin(persons, eq(persons.id, companyRoles.personId))
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'shareholder')));
  if (rows.length === 1) return [{ name: rows[0]!.name, votingRights: company.registeredCapital }];
  return rows.map((r) => ({ name: r.name, votingRights: '1' }));
};

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

  return {
    company: c,
    legalRepPersonId: c.legalRepPersonId,
    liaisonPersonId,
    shareholders: await shareholdersOf(db, c, draft),
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
    },
  };
};
