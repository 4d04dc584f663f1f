import Decimal from 'decimal.js';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { StoredDiffLine } from '../../db/schema';
import { findActiveLicence } from '../licences';
import { checkNameWithRegistry } from '../registration';
import type { ChangeProposal, FiledOfficers } from '../../../shared/api/changes';
import type { ChangeItemKey } from '../../../shared/lifecycle/change-items';
import {
  assertSomethingChanges,
  changeDeadline,
  checkReduction,
  checkResolution,
  reviewRoute,
  type ChangeDeadline,
  type Vote,
} from '../../../shared/lifecycle/change-rules';
import { registrationAuthorityOf } from '../../../shared/lifecycle/registration-authority';
import { findScopeEntry, licencesRequiredFor } from '../../../shared/registration/business-scope';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { maskResidentId, maskPhone } from '../../../shared/masking';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { capitalText, liaisonText, officersText, typeLabel } from './diff-text';
import type { LoadedFacts } from './facts';
import { assertNotBarred, verifiedPerson } from './people';
import {
  amountsDiffer,
  applyTransfers,
  assertTermAllowed,
  namesDiffer,
  preemptionHolders,
  registerText,
  transfersText,
  type RegisteredShareholder,
} from '../../../shared/lifecycle/equity';
import { checkReductionNotices } from '../../../shared/lifecycle/change-rules';

export type Evaluation = {
  items: ChangeItemKey[];
  diff: StoredDiffLine[];
  /** The proposal reduced to the items that change. */
  proposal: ChangeProposal;
  deadline: ChangeDeadline;
  threshold: 'two-thirds' | 'majority';
  inFavour: string;
  route: 'automatic' | 'reviewer';
  reviewReasons: ChangeItemKey[];
  newLegalRepPersonId: string | null;
  reduction: { coverLosses: boolean } | null;
  /** Equity: the register after the change, who gets the CL §84 notice, the transferees who sign. */
  equity: {
    after: RegisteredShareholder[];
    noticeTo: RegisteredShareholder[];
    newShareholderPersonIds: string[];
  } | null;
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const sameOfficers = (a: FiledOfficers, b: FiledOfficers) =>
  sameList(a.directors, b.directors) && sameList(a.supervisors, b.supervisors) && a.manager === b.manager;

const nameRefused = (code: string, problems: { text: { zh: string; en: string } }[]) =>
  new DomainError(
    code,
    text(
      problems.map((p) => p.text.zh).join('；') || '名称不符合规定',
      problems.map((p) => p.text.en).join('; ') || 'The name breaks the rules',
    ),
    { field: 'name' },
  );

/** The scope must be in the catalogue; a licensed item needs the company's licence first (§1.8). */
const checkScope = async (
  db: DbOrTx,
  companyId: string,
  before: readonly string[],
  after: readonly string[],
) => {
  const required = licencesRequiredFor(after); // refuses codes outside the catalogue
  const added = after.filter((c) => !before.includes(c));
  const addedLicensed = added.filter((c) => findScopeEntry(c)?.kind === 'licensed');
  for (const r of required) {
    if (r.kind !== 'licence' || !r.scopeCodes.some((c) => addedLicensed.includes(c))) continue;
    if (!(await findActiveLicence(db, companyId, r.licenceTypeKey))) {
      const type = licenceTypeByKey(r.licenceTypeKey);
      const items = r.scopeCodes.map((c) => findScopeEntry(c)?.wording ?? { zh: c, en: c });
      throw new DomainError(
        'SCOPE_LICENCE_MISSING',
        text(
          `许可项目"${items.map((i) => i.zh).join('、')}"须先取得${type?.name.zh ?? r.licenceTypeKey}，方可登记（《市场主体登记管理条例》第二十六条）。`,
          `The licensed item(s) "${items.map((i) => i.en).join(', ')}" need a ${type?.name.en ?? r.licenceTypeKey} before they can be registered (REG §26).`,
        ),
        { field: 'businessScope' },
      );
    }
  }
  return { addsLicensedScope: addedLicensed.length > 0 };
};

/**
 * Checks a proposal against today's facts and the rules, all before anything is written: the
 * items that really change (refusing a change of nothing), the resolution's date and vote, the
 * name check, the scope's licences, a reduction's minimum, and real-name verification of every
 * person named. Returns the diff, the decision route and what the application needs.
 */
export const evaluateProposal = async (
  ctx: AppContext,
  db: DbOrTx,
  loaded: LoadedFacts,
  input: ChangeProposal,
  today: string,
): Promise<Evaluation> => {
  const { facts, company } = loaded;
  const diff: StoredDiffLine[] = [];
  const p: ChangeProposal = { resolutionDate: input.resolutionDate, votes: input.votes };
  let sameAuthority = true;
  let addsLicensedScope = false;
  let newLegalRepPersonId: string | null = null;
  let reduction: Evaluation['reduction'] = null;

  const deadline = changeDeadline(input.resolutionDate, today);
  const type = input.type ?? facts.type;

  if (input.name !== undefined && input.name.trim() !== facts.name) {
    const name = input.name.trim();
    // Companies, and names reserved by registrations and other name changes in progress.
    const check = await checkNameWithRegistry(db, name, type, { excludeCompanyId: company.id });
    const taken = check.problems.filter((x) => x.code === 'NAME_TAKEN');
    if (taken.length > 0) throw nameRefused('NAME_TAKEN', taken);
    if (!check.ok || !check.parts)
      throw nameRefused(
        'NAME_INVALID',
        check.problems.filter((x) => x.severity === 'error'),
      );
    p.name = name;
    diff.push({ item: 'name', before: facts.name, after: name });
  }
  if (input.type !== undefined && input.type !== facts.type) {
    p.type = input.type;
    diff.push({ item: 'type', before: typeLabel(facts.type), after: typeLabel(input.type) });
  }
  if (
    input.domicile !== undefined &&
    (input.domicile.divisionCode !== facts.divisionCode || input.domicile.street.trim() !== facts.street)
  ) {
    const at = registrationAuthorityOf(input.domicile.divisionCode);
    if (!at)
      throw new DomainError(
        'ADDRESS_INVALID',
        text('住所的区县代码无效。', 'The address’s county code is not valid.'),
        {
          field: 'domicile.divisionCode',
        },
      );
    sameAuthority = at.authority === company.registrationAuthority;
    p.domicile = { divisionCode: input.domicile.divisionCode, street: input.domicile.street.trim() };
    diff.push({ item: 'address', before: facts.address, after: at.domicilePrefix + p.domicile.street });
  }
  if (input.businessScope !== undefined && !sameList(input.businessScope, facts.businessScope)) {
    ({ addsLicensedScope } = await checkScope(db, company.id, facts.businessScope, input.businessScope));
    p.businessScope = input.businessScope;
    const wording = (codes: readonly string[]) =>
      codes.map((c) => findScopeEntry(c)?.wording.zh ?? c).join('；');
    diff.push({ item: 'scope', before: facts.scopeWording.join('；'), after: wording(input.businessScope) });
  }
  if (
    input.registeredCapital !== undefined &&
    !new Decimal(input.registeredCapital).eq(facts.registeredCapital)
  ) {
    const to = new Decimal(input.registeredCapital);
    if (to.lt(facts.registeredCapital)) {
      const r = input.reduction ?? { coverLosses: false, distributes: false, releasesContributions: false };
      checkReduction(to.toFixed(2), input.businessScope ?? facts.businessScope, r);
      reduction = { coverLosses: r.coverLosses };
      p.reduction = r;
      if (!r.coverLosses) {
        checkReductionNotices(input.resolutionDate, input.creditorsNotifiedOn, today);
        p.creditorsNotifiedOn = input.creditorsNotifiedOn;
      }
    }
    p.registeredCapital = to.toFixed(2);
    diff.push({
      item: 'capital',
      before: capitalText(facts.registeredCapital),
      after: capitalText(p.registeredCapital),
    });
  }
  const officersAfter = input.officers ?? facts.officers;
  if (input.officers !== undefined && !sameOfficers(input.officers, facts.officers)) {
    p.officers = input.officers;
    diff.push({
      item: 'officers',
      before: officersText(facts.officers),
      after: officersText(input.officers),
    });
  }
  const lr = input.legalRepresentative;
  if (lr !== undefined) {
    const personId = await verifiedPerson(ctx, db, lr, 'legalRepresentative.name');
    if (personId !== loaded.legalRepPersonId) {
      await assertNotBarred(ctx, db, lr.residentId, lr.name);
      // CL §10: the director who executes the company's affairs, or the manager, as the articles say.
      const holds =
        lr.capacity === 'manager'
          ? officersAfter.manager === lr.name
          : officersAfter.directors.includes(lr.name);
      if (!holds)
        throw new DomainError(
          'LEGAL_REP_NOT_OFFICER',
          text(
            `法定代表人须由执行公司事务的董事或者经理担任（《公司法》第十条），${lr.name} 不在${lr.capacity === 'manager' ? '经理' : '董事'}之列；请同时备案董事、经理。`,
            `The legal representative must be a director executing the company's affairs or the manager (CL §10); ${lr.name} is not the ${lr.capacity}. File the officers as well.`,
          ),
          { field: 'legalRepresentative.capacity' },
        );
      newLegalRepPersonId = personId;
      p.legalRepresentative = lr;
      diff.push({
        item: 'legal-representative',
        before: `${facts.legalRepresentative.name}（${facts.legalRepresentative.residentIdMasked}）`,
        after: `${lr.name}（${maskResidentId(lr.residentId)}）`,
      });
    }
  }
  if (input.liaison !== undefined) {
    const personId = await verifiedPerson(ctx, db, input.liaison, 'liaison.name');
    if (personId !== loaded.liaisonPersonId) {
      p.liaison = input.liaison;
      diff.push({
        item: 'liaison',
        before: liaisonText(facts.liaison),
        after: liaisonText({ name: input.liaison.name, phoneMasked: maskPhone(input.liaison.phone) }),
      });
    }
  }
  if (input.articles !== undefined) {
    p.articles = input.articles;
    diff.push({ item: 'articles', before: facts.articlesAmendedOn ?? '—', after: input.articles.summary });
  }

  const equity = await evaluateEquity(ctx, db, loaded, input, p, diff);
  const holders = equity?.after ?? loaded.register;
  if (type === 'sole-llc' && holders.length > 1 && (input.type !== undefined || input.transfers))
    throw new DomainError(
      'TYPE_NOT_ALLOWED',
      text(
        '一人有限责任公司只能有一个股东；请同时将公司类型变更为有限责任公司，或调整股权转让。',
        'A one-person LLC has a single shareholder; change the company type to an LLC too, or change the transfers.',
      ),
      { field: input.transfers ? 'transfers' : 'type' },
    );
  await evaluateFilings(ctx, db, loaded, input, p, diff, today);

  const items = diff.map((d) => d.item);
  assertSomethingChanges(items);
  const votes = new Map<string, Vote>(input.votes.map((v) => [v.shareholder, v.vote]));
  // A company registered before the platform may have no shareholders on record: the filer states
  // the voters, each counted equally (the register has no contributions to weigh them by).
  const voters =
    loaded.shareholders.length > 0
      ? loaded.shareholders
      : input.votes.map((v) => ({ name: v.shareholder, votingRights: '1' }));
  const { threshold, inFavour } = checkResolution(items, voters, votes);
  const { route, reasons } = reviewRoute(items, { sameAuthority, addsLicensedScope });
  return {
    items,
    diff,
    proposal: p,
    deadline,
    threshold,
    inFavour,
    route,
    reviewReasons: reasons,
    newLegalRepPersonId,
    reduction,
    equity,
  };
};

/**
 * Equity transfers and subscription terms (§1.1–2, §1.9–10): the register after the transfers,
 * each outsider verified by real name (RULES §16), the other shareholders to notify (CL §84 ¶2),
 * the unpaid contributions that move with the equity (CL §88), and a new term within the law's limit.
 */
const evaluateEquity = async (
  ctx: AppContext,
  db: DbOrTx,
  loaded: LoadedFacts,
  input: ChangeProposal,
  p: ChangeProposal,
  diff: StoredDiffLine[],
): Promise<Evaluation['equity']> => {
  if (!input.transfers && input.capitalDueOn === undefined) return null;
  const before = loaded.register;
  if (before.length === 0)
    throw new DomainError(
      'SHAREHOLDERS_UNKNOWN',
      text(
        '平台没有该企业的股东名册，无法办理股权转让或出资期限备案；请先备案章程及股东出资情况。',
        'The platform has no shareholder register for this company; file the articles and subscriptions first.',
      ),
      { field: 'transfers' },
    );
  let after = before;
  const newShareholderPersonIds: string[] = [];
  let noticeTo: RegisteredShareholder[] = [];
  let moved = '';
  if (input.transfers) {
    const personOf = new Map<string, string>();
    for (const [i, t] of input.transfers.entries()) {
      if (before.some((r) => r.name === t.to.name) || personOf.has(t.to.name)) continue;
      if (!t.to.residentId)
        throw new DomainError(
          'PERSON_NOT_VERIFIED',
          text(
            `受让方 ${t.to.name} 不是现有股东，须填写身份证号并通过实名核验（《市场主体登记管理条例实施细则》第十六条）。`,
            `The transferee ${t.to.name} is not a shareholder: give the resident ID for real-name verification (RULES §16).`,
          ),
          { field: `transfers.${i}.to.residentId` },
        );
      personOf.set(
        t.to.name,
        await verifiedPerson(
          ctx,
          db,
          { name: t.to.name, residentId: t.to.residentId, ...(t.to.phone ? { phone: t.to.phone } : {}) },
          `transfers.${i}.to.name`,
        ),
      );
    }
    const transfers = input.transfers.map((t) => ({ from: t.from, to: t.to.name, amount: t.amount }));
    const out = applyTransfers(before, transfers);
    after = out.after.map((r) => (personOf.has(r.name) ? { ...r, personId: personOf.get(r.name)! } : r));
    noticeTo = preemptionHolders(before, transfers, out.outsiders);
    for (const name of out.outsiders) newShareholderPersonIds.push(personOf.get(name)!);
    moved = transfersText(transfers, out.unpaidMoved);
    p.transfers = input.transfers;
  }
  if (input.capitalDueOn !== undefined) {
    assertTermAllowed(loaded.company.establishedOn, input.capitalDueOn);
    const due = input.capitalDueOn;
    after = after.map((r) => (new Decimal(r.paid).lt(r.subscribed) ? { ...r, dueOn: due } : r));
    p.capitalDueOn = due;
  }
  const item = namesDiffer(before, after)
    ? 'shareholders'
    : amountsDiffer(before, after)
      ? 'contributions'
      : null;
  if (!item) return null;
  diff.push({
    item,
    before: registerText(before),
    after: registerText(after) + (moved ? `。股权转让：${moved}` : ''),
  });
  return { after, noticeTo, newShareholderPersonIds };
};

const basisText = { ownership: '持股', control: '实际控制', benefit: '收益' } as const;

/** Business term and beneficial owners (filed items, §1.2). */
const evaluateFilings = async (
  ctx: AppContext,
  db: DbOrTx,
  loaded: LoadedFacts,
  input: ChangeProposal,
  p: ChangeProposal,
  diff: StoredDiffLine[],
  today: string,
): Promise<void> => {
  const term = loaded.facts.businessTerm;
  if (input.businessTerm !== undefined && (!term.filed || input.businessTerm.endsOn !== term.endsOn)) {
    const ends = input.businessTerm.endsOn;
    if (ends !== null && ends <= today)
      throw new DomainError(
        'BUSINESS_TERM_PAST',
        text('营业期限的截止日期须晚于今天。', 'The business term must end after today.'),
        { field: 'businessTerm.endsOn' },
      );
    p.businessTerm = input.businessTerm;
    diff.push({
      item: 'term',
      before: term.filed ? (term.endsOn ?? '长期') : '—',
      after: ends ?? '长期',
    });
  }
  if (input.beneficialOwners !== undefined) {
    const owners = input.beneficialOwners;
    for (const [i, o] of owners.entries()) await verifiedPerson(ctx, db, o, `beneficialOwners.${i}.name`);
    const line = (xs: readonly { name: string; residentIdMasked: string; basis: keyof typeof basisText }[]) =>
      xs.map((o) => `${o.name}（${o.residentIdMasked}，${basisText[o.basis]}）`).join('；') || '—';
    const before = line(loaded.facts.beneficialOwners);
    const after = line(owners.map((o) => ({ ...o, residentIdMasked: maskResidentId(o.residentId) })));
    if (before !== after) {
      p.beneficialOwners = owners;
      diff.push({ item: 'beneficial-owners', before, after });
    }
  }
};
