import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  accounts,
  companies,
  companyRoles,
  registrationApplications,
  registrationUsccSequences,
  type CompanyRole,
} from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import { ensurePerson, findPersonByPhone } from '../identity';
import type { Application } from '../../../shared/registration/application';
import { findScopeEntry } from '../../../shared/registration/business-scope';
import { findDivision } from '../../../shared/registration/divisions';
import { issueUscc } from '../../../shared/registration/uscc-issuance';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { establishmentDate } from './content';
import { issueBusinessLicence, issueSeals, registerServices, type NewCompany } from './issue-records';
import { checkNameWithRegistry } from './name-check';
import { namedIn } from './people';
import { addEvent, type ApplicationRow } from './store';

/** Serializes approvals: the name check and the insert must not interleave with another approval. */
const APPROVAL_LOCK = 0x52454731; // "REG1"

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
};

export const nameTaken = (detail: string, suggestions: readonly string[]): DomainError =>
  new DomainError(
    'NAME_TAKEN',
    text(
      `${detail}${suggestions.length > 0 ? `。可以考虑：${suggestions.join('、')}` : ''}`,
      `The name is no longer available${suggestions.length > 0 ? `; consider: ${suggestions.join(', ')}` : ''}`,
    ),
    { field: 'name' },
  );

/** The registering authority's running number for a division, then a USCC no company holds yet. */
const nextUscc = async (tx: DbOrTx, division: string): Promise<{ uscc: string; sequence: number }> => {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const [row] = await tx
      .insert(registrationUsccSequences)
      .values({ divisionCode: division, nextValue: 1 })
      .onConflictDoUpdate({
        target: registrationUsccSequences.divisionCode,
        set: { nextValue: sql`${registrationUsccSequences.nextValue} + 1` },
      })
      .returning({ value: registrationUsccSequences.nextValue });
    const sequence = row?.value ?? 1;
    const uscc = issueUscc(division, sequence);
    const [clash] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc));
    if (!clash) return { uscc, sequence };
  }
  throw new Error(`no free USCC sequence for ${division}`);
};

const authorityFor = (divisionCode: string): { authority: string; domicilePrefix: string } => {
  const d = findDivision(divisionCode);
  const city = d?.cityCode ? findDivision(d.cityCode) : undefined;
  if (!d || !city) throw new Error(`unknown division ${divisionCode}`);
  const place = d.kind === 'city-proper' ? city.name : city.name + d.name;
  return { authority: `${place}市场监督管理局`, domicilePrefix: d.fullName };
};

const entityTypeOf = (app: Application): string => {
  const people = app.shareholders.filter((s) => s.kind === 'person').length;
  if (app.companyType === 'sole-llc')
    return people === 1 ? '有限责任公司（自然人独资）' : '有限责任公司（非自然人投资或控股的法人独资）';
  return people > 0 ? '有限责任公司（自然人投资或控股）' : '其他有限责任公司';
};

/** Named people become persons (real-name register); a phone already on someone else is left off. */
const personIdsOf = async (
  tx: DbOrTx,
  ctx: AppContext,
  app: Application,
): Promise<Map<string, { id: string; roles: string[] }>> => {
  const out = new Map<string, { id: string; roles: string[] }>();
  for (const n of namedIn(app)) {
    if (n.kind !== 'person') continue;
    const phoneFree = n.phone ? !(await findPersonByPhone(tx, ctx.cipher, n.phone)) : false;
    const id = await ensurePerson(tx, ctx.cipher, {
      name: n.name,
      residentId: n.identifier,
      phone: phoneFree ? n.phone : null,
    });
    out.set(n.identifier, { id, roles: n.roles });
  }
  return out;
};

export type Approved = { companyId: string; uscc: string; notify: string[] };

/**
 * Approval in the caller's transaction, all or nothing: name checked again under a lock, a fresh
 * USCC, the company with its people connected, the business licence, 5 e-seals, tax, social
 * insurance, housing fund and the bank appointment. Any failure rolls all of it back.
 */
export const approveApplication = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  app: Application,
): Promise<Approved> => {
  try {
    return await approveSteps(tx, ctx, row, app);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // The transaction rolls back with this throw; say so plainly, keep the cause for the log.
    const failed = new DomainError(
      'APPROVAL_FAILED',
      text(
        '核准过程中出现故障，本次核准已全部撤销，未产生任何登记，请稍后重试。',
        'Approval failed part-way; all of it was undone and nothing was registered. Please try again later.',
      ),
    );
    failed.cause = e;
    throw failed;
  }
};

const approveSteps = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  app: Application,
): Promise<Approved> => {
  await tx.execute(sql`select pg_advisory_xact_lock(${APPROVAL_LOCK})`);
  const name = await checkNameWithRegistry(tx, app.name, app.companyType, { companiesOnly: true });
  const taken = name.problems.find((p) => p.code === 'NAME_TAKEN');
  if (taken) throw nameTaken(taken.text.zh, name.suggestions);
  if (!name.ok || !name.parts)
    throw new DomainError(
      'NAME_INVALID',
      name.problems[0]?.text ?? text('名称不符合规定', 'The name breaks the rules'),
      { field: 'name' },
    );
  await addEvent(tx, row.id, 'name-verified', ctx.now(), { name: app.name });

  const division = app.domicile.divisionCode;
  const { uscc, sequence } = await nextUscc(tx, division);
  await addEvent(tx, row.id, 'uscc-assigned', ctx.now(), { uscc });

  const people = await personIdsOf(tx, ctx, app);
  const named = namedIn(app);
  const rep = named.find((n) => n.roles.includes('legal-representative'));
  const repId = rep ? people.get(rep.identifier)?.id : undefined;
  if (!rep || !repId) throw new Error('approved application without a legal representative');
  const { authority, domicilePrefix } = authorityFor(division);
  const established = establishmentDate(ctx.now());
  const division6 = findDivision(division);
  let companyId: string;
  try {
    const [company] = await tx
      .insert(companies)
      .values({
        uscc,
        name: app.name,
        nameParts: name.parts,
        type: app.companyType,
        legalRepPersonId: repId,
        registeredCapital: app.registeredCapital,
        divisionCode: division,
        address: domicilePrefix + app.domicile.street,
        // Stored as the registered wording, as the register and licences print it.
        businessScope: app.businessScope.map((code) => findScopeEntry(code)?.wording.zh ?? code),
        establishedOn: established,
        registrationAuthority: authority,
        taxpayerType: 'small-scale',
        vatPeriod: 'quarter',
        taxLocation: division6?.kind === 'county' ? 'county_town' : 'urban',
      })
      .returning({ id: companies.id });
    if (!company) throw new Error('company insert returned nothing');
    companyId = company.id;
  } catch (e) {
    // The unique index on companies.name is the last word if anything slipped past the lock.
    if (isUniqueViolation(e)) throw nameTaken(`名称"${app.name}"已被登记`, []);
    throw e;
  }

  const roles: { personId: string; role: CompanyRole }[] = [
    { personId: repId, role: 'legal-representative' },
  ];
  for (const { id, roles: r } of people.values()) {
    if (r.includes('shareholder')) roles.push({ personId: id, role: 'shareholder' });
    if (r.includes('finance-officer')) roles.push({ personId: id, role: 'finance-officer' });
    if (r.includes('liaison')) roles.push({ personId: id, role: 'liaison' });
  }
  if (row.filerPersonId !== repId) roles.push({ personId: row.filerPersonId, role: 'agent' });
  for (const r of roles)
    await tx
      .insert(companyRoles)
      .values({ companyId, ...r })
      .onConflictDoNothing();
  await addEvent(tx, row.id, 'company-established', ctx.now(), { name: app.name });

  const c: NewCompany = {
    applicationId: row.id,
    companyId,
    uscc,
    sequence,
    name: app.name,
    entityType: entityTypeOf(app),
    legalRepName: rep.name,
    domicile: domicilePrefix + app.domicile.street,
    divisionCode: division,
    registrationAuthority: authority,
    establishedOn: established,
  };
  await issueBusinessLicence(tx, ctx, c, app);
  if (app.services.seals) await issueSeals(tx, ctx, c);
  await registerServices(tx, ctx, c, app);

  const now = ctx.now();
  await tx
    .update(registrationApplications)
    .set({ status: 'approved', companyId, decidedAt: now, updatedAt: now })
    .where(eq(registrationApplications.id, row.id));
  await addEvent(tx, row.id, 'approved', now);
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: 'registration.approve',
    companyId,
    detail: { applicationId: row.id, uscc },
  });

  const notify = new Set<string>([row.filerPersonId]);
  for (const { id } of people.values()) {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, id));
    if (account) notify.add(id);
  }
  for (const personId of notify) {
    await postInbox(tx, {
      personId,
      kind: 'registration.approved',
      title: text(`${app.name} 已成立`, `${app.name} is established`),
      body: text(
        `统一社会信用代码 ${uscc}，电子营业执照已核发。`,
        `Unified social credit code ${uscc}; the electronic business licence has been issued.`,
      ),
      link: `/companies/${companyId}`,
      refId: companyId,
    });
  }
  return { companyId, uscc, notify: [...notify] };
};
