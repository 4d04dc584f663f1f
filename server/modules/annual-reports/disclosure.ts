import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, persons } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { publicItems } from '../../../shared/lifecycle/annual-report-fields';
import type { DisclosureRecord, DisclosureSection } from '../../../shared/api/annual-reports';
import { text } from '../../../shared/text';
import { disclosedChanges, reductionNotices } from '../changes';
import { entryView, listEntriesOf, reportsOf, versionView, type CompanyRow } from './store';

/** A section of the public record; later lifecycle work (changes, deregistration notices…) adds its own. */
export type DisclosureSectionSource = (db: DbOrTx, company: CompanyRow) => Promise<DisclosureSection>;

const annualReportsSection: DisclosureSectionSource = async (db, company) => ({
  kind: 'annual-reports',
  // Newest year first; within a year every version, newest first (corrections keep the old one visible).
  reports: (await reportsOf(db, company.id))
    .map(versionView)
    .sort((a, b) => b.reportYear - a.reportYear || b.version - a.version)
    .map((r) => ({
      reportYear: r.reportYear,
      version: r.version,
      filedAt: r.filedAt,
      late: r.late,
      superseded: r.supersededAt !== null,
      correctionNote: r.correctionNote,
      items: publicItems(r.content, r.withheld),
    })),
});

const abnormalListSection: DisclosureSectionSource = async (db, company) => {
  const entries = (await listEntriesOf(db, company.id)).map(entryView);
  return { kind: 'abnormal-list', listed: entries.some((e) => e.removedOn === null), entries };
};

const changesSection: DisclosureSectionSource = async (db, company) => ({
  kind: 'changes',
  changes: await disclosedChanges(db, company.id),
});

const reductionNoticesSection: DisclosureSectionSource = async (db, company) => ({
  kind: 'capital-reduction-notices',
  notices: await reductionNotices(db, company.id),
});

/** In the order of the public system: change history and open notices first, then the yearly reports. */
export const disclosureSections: DisclosureSectionSource[] = [
  changesSection,
  reductionNoticesSection,
  annualReportsSection,
  abnormalListSection,
];

/** The company's public record (no sign-in): registration facts and every public section. */
export const disclosureRecord = async (db: DbOrTx, uscc: string): Promise<DisclosureRecord> => {
  const [row] = await db
    .select({ c: companies, rep: persons.name })
    .from(companies)
    .innerJoin(persons, eq(persons.id, companies.legalRepPersonId))
    .where(eq(companies.uscc, uscc));
  if (!row)
    throw new DomainError(
      'DISCLOSURE_COMPANY_NOT_FOUND',
      text('未找到该统一社会信用代码对应的企业。', 'No company has this unified social credit code.'),
      { field: 'uscc' },
    );
  const c = row.c;
  const sections: DisclosureSection[] = [];
  for (const source of disclosureSections) sections.push(await source(db, c));
  return {
    uscc: c.uscc,
    name: c.name,
    type: c.type,
    status: c.status,
    legalRepresentative: row.rep,
    registeredCapital: c.registeredCapital,
    address: c.address,
    businessScope: c.businessScope,
    establishedOn: c.establishedOn,
    registrationAuthority: c.registrationAuthority,
    sections,
  };
};
