import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context';
import {
  accessGroupClients,
  accessGroups,
  auditLog,
  companies,
  companyRoles,
  delegations,
  firmClients,
  firms,
  persons,
} from '../db/schema';
import { syntheticResidentId } from '../../shared/identifiers/generate';
import { maskResidentId } from '../../shared/masking';
import { demoFirm } from './demo-data';
import { seedFiledAnnualReports } from './annual-reports';
import { GIVEN, SURNAMES, syntheticClient } from './firm-identities';

export { syntheticCompanyName, syntheticClient } from './firm-identities';

/*
 * Synthetic clients for the demo firm, for demos, e2e runs and benchmarks: invented companies with
 * computed valid USCCs, invented legal representatives with computed valid resident IDs (no
 * accounts), and firm authorizations in various states. Deterministic for a given count and seed.
 */

const DAY_MS = 86_400_000;
const CHUNK = 500;

/**
 * The seed names the firm workspace understands (after `demo`): `demo-firm-200` → 200 clients, all
 * with an authorization in force; `demo-firm-10-mixed` → 10 clients whose authorizations vary
 * (some ending soon, one waiting, one lapsed), as in the firm's daily life.
 */
export const firmSeedOf = (name: string | undefined): { count: number; allActive: boolean } | undefined => {
  const m = /^demo-firm-(\d{1,5})(-mixed)?$/.exec(name ?? '');
  return m ? { count: Number(m[1]), allActive: !m[2] } : undefined;
};

/** `demo-firm-200` → 200. */
export const firmSeedCount = (name: string | undefined): number | undefined => firmSeedOf(name)?.count;

export type SeedFirmOptions = {
  count: number;
  /** Offsets the synthetic identities so several seeded sets never collide. */
  seed?: number;
  /** Share of clients put in the demo group 顺德组 (staff 周伟); the rest are in no group. */
  groupShare?: number;
  /** All authorizations approved, long-running and covering tax filing (batch runs, benchmarks). */
  allActive?: boolean;
  /**
   * Annual reports (issue 14): the authorizations also cover `annual-report.file`, each legal
   * representative is the company's sole shareholder, and every report whose window has closed is
   * on file — so the report of the open window is what is due.
   */
  annualReports?: boolean;
};

/**
 * Adds `count` synthetic clients to the demo firm (which must exist: seed `demo` first). Running it
 * again with the same seed changes nothing (and returns no ids).
 */
export const seedFirmClients = async (
  ctx: AppContext,
  o: SeedFirmOptions,
): Promise<{ firmId: string; companyIds: string[] }> => {
  const seed = o.seed ?? 7;
  const now = ctx.now();
  const [firm] = await ctx.db.select({ id: firms.id }).from(firms).where(eq(firms.uscc, demoFirm.uscc));
  if (!firm) throw new Error('The demo firm is missing: seed "demo" first.');
  // Idempotent like the demo seed: a set already seeded with this seed is left as it is.
  const earlier = await ctx.db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'seed.firm-clients'), eq(auditLog.firmId, firm.id)));
  if (earlier.some((e) => e.detail.seed === seed)) return { firmId: firm.id, companyIds: [] };
  const [group] = await ctx.db
    .select({ id: accessGroups.id })
    .from(accessGroups)
    .where(and(eq(accessGroups.firmId, firm.id), eq(accessGroups.name, demoFirm.groups[0]!.name)));
  const [admin] = await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '黄丽'));
  const companyIds: string[] = [];
  for (let start = 0; start < o.count; start += CHUNK) {
    const size = Math.min(CHUNK, o.count - start);
    await ctx.db.transaction(async (tx) => {
      const people = Array.from({ length: size }, (_, j) => {
        const i = start + j;
        const residentId = syntheticResidentId(seed * 1_000_003 + i);
        return {
          name: `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 13) % GIVEN.length]}`,
          residentIdEnc: ctx.cipher.encrypt(residentId),
          residentIdHash: ctx.cipher.lookupHash(residentId),
          residentIdMasked: maskResidentId(residentId),
        };
      });
      const personRows = await tx
        .insert(persons)
        .values(people)
        .onConflictDoNothing()
        .returning({ id: persons.id, hash: persons.residentIdHash });
      const known =
        personRows.length === size
          ? personRows
          : await tx
              .select({ id: persons.id, hash: persons.residentIdHash })
              .from(persons)
              .where(
                inArray(
                  persons.residentIdHash,
                  people.map((p) => p.residentIdHash),
                ),
              );
      const personOf = new Map(known.map((p) => [p.hash, p.id]));
      const rows = people.map((p, j) => {
        const i = start + j;
        const n = syntheticClient(i, seed);
        return {
          uscc: n.uscc,
          name: n.name,
          nameParts: { region: n.city.region, tradeName: n.trade, industry: n.industry, form: '有限公司' },
          type: 'llc' as const,
          legalRepPersonId: personOf.get(p.residentIdHash)!,
          registeredCapital: `${(10 + (i % 90)) * 10000}.00`,
          divisionCode: n.city.division,
          address: `广东省${n.city.region}某区某路 ${1 + (i % 300)} 号`,
          businessScope: ['一般项目：技术服务', '销售代理'],
          establishedOn: `${2015 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
          registrationAuthority: n.city.authority,
          taxpayerType: n.taxpayerType,
          vatPeriod: n.vatPeriod,
        };
      });
      const inserted = await tx
        .insert(companies)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: companies.id, legalRep: companies.legalRepPersonId });
      await tx
        .insert(companyRoles)
        .values(
          inserted.flatMap((c) => [
            { companyId: c.id, personId: c.legalRep, role: 'legal-representative' as const },
            ...(o.annualReports
              ? [{ companyId: c.id, personId: c.legalRep, role: 'shareholder' as const }]
              : []),
          ]),
        );
      await tx.insert(firmClients).values(
        inserted.map((c, j) => ({
          firmId: firm.id,
          companyId: c.id,
          contact: `${SURNAMES[(j * 3) % SURNAMES.length]}会计`,
        })),
      );
      const share = o.groupShare ?? 0.5;
      if (group) {
        const grouped = inserted.filter((_, j) => (start + j) % 100 < share * 100);
        if (grouped.length)
          await tx
            .insert(accessGroupClients)
            .values(grouped.map((c) => ({ groupId: group.id, companyId: c.id })));
      }
      await tx.insert(delegations).values(
        inserted.map((c, j) => {
          const i = start + j;
          // Mostly in force for months; some ending within 30 days, a few waiting or lapsed.
          const kind = o.allActive
            ? 'active'
            : i % 50 === 7
              ? 'pending'
              : i % 50 === 8
                ? 'expired'
                : i % 10 === 3
                  ? 'expiring'
                  : 'active';
          const until = kind === 'expiring' ? 3 + (i % 25) : kind === 'expired' ? -5 : 60 + (i % 300);
          return {
            companyId: c.id,
            grantorPersonId: c.legalRep,
            granteeFirmId: firm.id,
            requestedByPersonId: admin?.id ?? c.legalRep,
            scopes: [
              'company.view',
              'tax.file',
              'tax.pay',
              'invoice.manage',
              'licence.use',
              ...(o.annualReports ? (['annual-report.file'] as const) : []),
            ],
            note: '代理记账与纳税申报',
            status: kind === 'pending' ? ('pending' as const) : ('approved' as const),
            durationMonths: 12,
            validFrom: kind === 'pending' ? null : new Date(now.getTime() - 100 * DAY_MS),
            validUntil: kind === 'pending' ? null : new Date(now.getTime() + until * DAY_MS),
            decidedAt: kind === 'pending' ? null : new Date(now.getTime() - 100 * DAY_MS),
            linkExpiresAt: kind === 'pending' ? new Date(now.getTime() + 3 * DAY_MS) : null,
            createdAt: new Date(now.getTime() - 101 * DAY_MS),
          };
        }),
      );
      companyIds.push(...inserted.map((c) => c.id));
    });
  }
  if (o.annualReports) await seedFiledAnnualReports(ctx, companyIds);
  await ctx.db.insert(auditLog).values({
    actorPersonId: null,
    actingAs: 'system',
    action: 'seed.firm-clients',
    firmId: firm.id,
    detail: { count: companyIds.length, seed },
  });
  return { firmId: firm.id, companyIds };
};
