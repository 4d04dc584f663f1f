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
    const check = await checkNameWithRegistry(db, name, type, {
      companiesOnly: true,
      excludeCompanyId: company.id,
    });
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
    if (input.type === 'sole-llc' && loaded.shareholders.length > 1)
      throw new DomainError(
        'TYPE_NOT_ALLOWED',
        text(
          '一人有限责任公司只能有一个股东；请先办理股权转让。',
          'A one-person LLC has a single shareholder; transfer the equity first.',
        ),
        { field: 'type' },
      );
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
  };
};
