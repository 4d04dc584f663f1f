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
import { syntheticResidentId, syntheticUscc } from '../../shared/identifiers/generate';
import { maskResidentId } from '../../shared/masking';
import { demoFirm } from './demo-data';
import { seedFiledAnnualReports } from './annual-reports';

/*
 * Synthetic clients for the demo firm, for demos, e2e runs and benchmarks: invented companies with
 * computed valid USCCs, invented legal representatives with computed valid resident IDs (no
 * accounts), and firm authorizations in various states. Deterministic for a given count and seed.
 */

const DAY_MS = 86_400_000;
const CHUNK = 500;

const CITIES = [
  { region: '广州市', division: '440106', authority: '广州市天河区市场监督管理局' },
  { region: '深圳市', division: '440305', authority: '深圳市市场监督管理局' },
  { region: '佛山市', division: '440606', authority: '佛山市顺德区市场监督管理局' },
  { region: '东莞市', division: '441900', authority: '东莞市市场监督管理局' },
  { region: '珠海市', division: '440402', authority: '珠海市香洲区市场监督管理局' },
  { region: '中山市', division: '442000', authority: '中山市市场监督管理局' },
];
const TRADE_A = [...'恒华信达源泰安盛和嘉宏瑞兴佳永德明天聚锦通鼎创联益隆丰'];
const TRADE_B = [...'达宇海星晟帆远鑫悦航博沃森腾卓越辉琪晖升鸿邦润凯诚'];
const INDUSTRIES = [
  '商贸',
  '信息科技',
  '餐饮管理',
  '建材',
  '电子科技',
  '物流',
  '文化传媒',
  '家居',
  '五金制品',
  '服装',
  '咨询服务',
  '食品',
];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '丽华',
];

/**
 * The i-th synthetic company name: city, two-character trade name and industry vary together so
 * neighbours look different; distinct for every i below 6 × 30 × 30 × 12, then numbered.
 */
export const syntheticCompanyName = (
  i: number,
): { name: string; city: (typeof CITIES)[number]; trade: string; industry: string } => {
  const city = CITIES[i % CITIES.length]!;
  const industry = INDUSTRIES[Math.floor(i / CITIES.length) % INDUSTRIES.length]!;
  const a = TRADE_A[Math.floor(i / (CITIES.length * INDUSTRIES.length)) % TRADE_A.length]!;
  const b = TRADE_B[Math.floor(i / (CITIES.length * INDUSTRIES.length * TRADE_A.length)) % TRADE_B.length]!;
  const round = Math.floor(i / (CITIES.length * INDUSTRIES.length * TRADE_A.length * TRADE_B.length));
  const trade = `${a}${b}${round > 0 ? String(round + 1) : ''}`;
  return { name: `${city.region}${trade}${industry}有限公司`, city, trade, industry };
};

/** `demo-firm-200` → 200: the seed names the firm workspace understands (after `demo`). */
export const firmSeedCount = (name: string | undefined): number | undefined => {
  const m = /^demo-firm-(\d{1,5})$/.exec(name ?? '');
  return m ? Number(m[1]) : undefined;
};

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
        const n = syntheticCompanyName(seed * 4_000 + i);
        const general = i % 10 === 9;
        return {
          uscc: syntheticUscc(seed * 1_000_003 + i, n.city.division),
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
          taxpayerType: general ? ('general' as const) : ('small-scale' as const),
          vatPeriod: general ? ('month' as const) : ('quarter' as const),
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
