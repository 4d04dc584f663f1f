import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies } from '../../db/schema';
import { findPersonByResidentId } from '../identity';
import type { Application } from '../../../shared/registration/application';
import type { ApplicationProblem } from '../../../shared/registration/capital-rules';
import { problem } from '../../../shared/registration/application-problem';
import { findDivision, findRegionName } from '../../../shared/registration/divisions';
import { checkCompanyName } from '../../../shared/registration/name-rules';
import { maskResidentId } from '../../../shared/masking';
import type { ReviewView } from '../../../shared/api/registration';
import type { ConfirmationRow } from './confirmations';
import { namedIn } from './people';

export type IdentityCheck = ReviewView['identities'][number];

/**
 * Identities against the platform's real-name register: a natural person must be known with the
 * same name and not blocked; a company shareholder must be a registered, active company.
 */
export const checkIdentities = async (
  db: DbOrTx,
  ctx: AppContext,
  app: Application,
): Promise<{ identities: IdentityCheck[]; reasons: ApplicationProblem[] }> => {
  const identities: IdentityCheck[] = [];
  const reasons: ApplicationProblem[] = [];
  for (const n of namedIn(app)) {
    if (n.kind === 'person') {
      const person = await findPersonByResidentId(db, ctx.cipher, n.identifier);
      const masked = maskResidentId(n.identifier);
      if (!person) {
        identities.push({ name: n.name, identifierMasked: masked, verdict: 'unknown' });
        reasons.push(
          problem(
            'IDENTITY_UNVERIFIED',
            'people',
            `${n.name} 未在平台完成实名认证，需人工核验身份`,
            `${n.name} has no verified identity on the platform; a reviewer must check it`,
            'warning',
          ),
        );
      } else if (person.blocked) {
        identities.push({ name: n.name, identifierMasked: masked, verdict: 'blocked' });
        reasons.push(
          problem(
            'PERSON_BLOCKED',
            'people',
            `${n.name} 在限制名单中（如失信被执行人），需人工审核`,
            `${n.name} is on the restricted list (e.g. a judgment defaulter); a reviewer must decide`,
            'warning',
          ),
        );
      } else if (person.name !== n.name) {
        identities.push({ name: n.name, identifierMasked: masked, verdict: 'name-mismatch' });
        reasons.push(
          problem(
            'IDENTITY_NAME_MISMATCH',
            'people',
            `身份证号 ${masked} 登记的姓名与填写的"${n.name}"不一致`,
            `The resident ID ${masked} is registered under another name than "${n.name}"`,
            'warning',
          ),
        );
      } else identities.push({ name: n.name, identifierMasked: masked, verdict: 'verified' });
      continue;
    }
    const [company] = await db
      .select({ name: companies.name, status: companies.status })
      .from(companies)
      .where(eq(companies.uscc, n.identifier));
    const verdict: IdentityCheck['verdict'] = !company
      ? 'unknown'
      : company.name !== n.name
        ? 'name-mismatch'
        : company.status !== 'active'
          ? 'blocked'
          : 'verified';
    identities.push({ name: n.name, identifierMasked: n.identifier, verdict });
    if (verdict === 'unknown')
      reasons.push(
        problem(
          'COMPANY_SHAREHOLDER_UNKNOWN',
          'shareholders',
          `法人股东"${n.name}"不在登记系统中，需人工核验`,
          `The company shareholder "${n.name}" is not in the register; a reviewer must check it`,
          'warning',
        ),
      );
    else if (verdict === 'name-mismatch')
      reasons.push(
        problem(
          'COMPANY_SHAREHOLDER_NAME_MISMATCH',
          'shareholders',
          `统一社会信用代码 ${n.identifier} 对应的企业名称与"${n.name}"不一致`,
          `The code ${n.identifier} belongs to a company with another name than "${n.name}"`,
          'warning',
        ),
      );
    else if (verdict === 'blocked')
      reasons.push(
        problem(
          'COMPANY_SHAREHOLDER_INACTIVE',
          'shareholders',
          `法人股东"${n.name}"不是存续状态`,
          `The company shareholder "${n.name}" is not active`,
          'warning',
        ),
      );
  }
  return { identities, reasons };
};

/** The region in the name must contain the domicile (a 天河区 name needs a 天河区 address). */
export const checkRegionMatchesDomicile = (app: Application): ApplicationProblem[] => {
  const parts = checkCompanyName(app.name, { existing: [], legalForm: app.companyType }).parts;
  const region = parts ? findRegionName(parts.region) : undefined;
  const domicile = findDivision(app.domicile.divisionCode);
  if (!region || !domicile || region.level === 'province') return [];
  const inside =
    region.level === 'city'
      ? domicile.cityCode === region.divisionCode
      : domicile.code === region.divisionCode;
  if (inside) return [];
  return [
    problem(
      'REGION_DOMICILE_MISMATCH',
      'domicile.divisionCode',
      `名称中的行政区划"${region.name}"与住所所在地"${domicile.fullName}"不一致`,
      `The region in the name (${region.name}) does not contain the domicile (${domicile.fullName})`,
      'warning',
    ),
  ];
};

/**
 * Identity confirmed only through a link and code is weaker than an account: a person looks at it.
 * New requests ask the legal representative for a face check; this still guards requests made
 * before that (and any other path that ends in a code).
 */
export const checkConfirmationStrength = (confirmations: readonly ConfirmationRow[]): ApplicationProblem[] =>
  confirmations
    .filter((c) => c.roles.includes('legal-representative') && c.method === 'code')
    .map((c) =>
      problem(
        'LEGAL_REP_NOT_VERIFIED',
        'officers.legalRepresentative',
        `法定代表人 ${c.name} 仅通过链接和确认码确认，未经实名账户核验`,
        `The legal representative ${c.name} confirmed only through a link and code, not a verified account`,
        'warning',
      ),
    );

/**
 * Why the application needs a person (empty: approve at once): the rules' warnings, identities,
 * blocked list, region vs domicile, and how the legal representative confirmed.
 */
export const manualReviewReasons = async (
  db: DbOrTx,
  ctx: AppContext,
  app: Application,
  warnings: readonly ApplicationProblem[],
  confirmations: readonly ConfirmationRow[],
): Promise<ApplicationProblem[]> => {
  const { reasons } = await checkIdentities(db, ctx, app);
  return [
    ...warnings,
    ...reasons,
    ...checkRegionMatchesDomicile(app),
    ...checkConfirmationStrength(confirmations),
  ];
};
