import Decimal from 'decimal.js';
import { validateResidentId } from '../identifiers/resident-id';
import { validateUscc } from '../identifiers/uscc';
import type { Application } from './application';
import { type ApplicationProblem, problem } from './application-problem';
import { findScopeEntry } from './business-scope';
import { findBank, findBranch } from './banks';
import { addYears } from './dates';
import { isGuangdongDistrict } from './divisions';
import { checkCompanyName, type ExistingCompanyName } from './name-rules';
import { checkOfficers } from './officer-rules';

export type { ApplicationProblem } from './application-problem';

/**
 * The legal rules of an application (公司法 2023, 市场主体登记管理条例), beyond what the schema
 * checks. Every problem names the field it is about so the wizard can put it next to the input.
 */
export type ApplicationContext = {
  /** The intended date of establishment (成立日期), YYYY-MM-DD. */
  establishmentDate: string;
  /** When given, the name is checked against these too (uniqueness needs the registry). */
  existingCompanies?: readonly ExistingCompanyName[];
};

export const MAX_SHAREHOLDERS = 50;
/** art. 47: subscribed capital paid in full within five years of establishment. */
export const CONTRIBUTION_YEARS = 5;

/** The last allowed contribution date (art. 47): establishment date + 5 years, see `addYears`. */
export const latestContributionDate = (establishmentDate: string): string =>
  addYears(establishmentDate, CONTRIBUTION_YEARS, 'establishmentDate');

const checkShareholders = (app: Application, ctx: ApplicationContext, out: ApplicationProblem[]): void => {
  const count = app.shareholders.length;
  if (count < 1 || count > MAX_SHAREHOLDERS) {
    out.push(
      problem(
        'SHAREHOLDER_COUNT',
        'shareholders',
        `有限责任公司应有 1 至 50 名股东，现有 ${count} 名`,
        `A limited liability company has 1 to 50 shareholders; this one has ${count}`,
      ),
    );
  }
  if (app.companyType === 'sole-llc' && count !== 1) {
    out.push(
      problem(
        'SOLE_LLC_SHAREHOLDERS',
        'shareholders',
        '一人有限责任公司只能有一名股东',
        'A single-shareholder company has exactly one shareholder',
      ),
    );
  }

  const latest = latestContributionDate(ctx.establishmentDate);
  const seen = new Map<string, number>();
  let sum = new Decimal(0);
  app.shareholders.forEach((s, i) => {
    const at = `shareholders.${i}`;
    sum = sum.plus(s.contribution.amount);
    if (s.contribution.dueDate > latest) {
      out.push(
        problem(
          'CONTRIBUTION_DUE_TOO_LATE',
          `${at}.contribution.dueDate`,
          `认缴出资应自成立之日起五年内缴足：出资日期不得晚于 ${latest}`,
          `Subscribed capital must be paid within five years of establishment: no later than ${latest}`,
        ),
      );
    }
    if (s.contribution.form !== 'cash') {
      out.push(
        problem(
          'NON_MONETARY_APPRAISAL',
          `${at}.contribution.form`,
          '非货币财产出资应当评估作价，核实财产，不得高估或者低估作价',
          'A non-monetary contribution must be appraised and verified, neither over- nor under-valued',
          'warning',
        ),
      );
    }
    const id = s.kind === 'person' ? s.residentId : s.uscc;
    const verdict =
      s.kind === 'person'
        ? validateResidentId(id, 'normalized', ctx.establishmentDate)
        : validateUscc(id, 'normalized');
    if (!verdict.valid) {
      out.push(
        s.kind === 'person'
          ? problem(
              'RESIDENT_ID_INVALID',
              `${at}.residentId`,
              `身份证号码无效（${verdict.errors.join('、')}）`,
              `Invalid resident ID (${verdict.errors.join(', ')})`,
            )
          : problem(
              'USCC_INVALID',
              `${at}.uscc`,
              `统一社会信用代码无效（${verdict.errors.join('、')}）`,
              `Invalid unified social credit code (${verdict.errors.join(', ')})`,
            ),
      );
    } else {
      const first = seen.get(verdict.normalized);
      if (first === undefined) seen.set(verdict.normalized, i);
      else {
        out.push(
          problem(
            'DUPLICATE_SHAREHOLDER',
            at,
            `与第 ${first + 1} 名股东重复，请合并为一项出资`,
            `Same shareholder as no. ${first + 1}; combine the contributions`,
          ),
        );
      }
    }
  });

  if (!sum.eq(app.registeredCapital)) {
    out.push(
      problem(
        'CONTRIBUTIONS_SUM',
        'registeredCapital',
        `股东认缴出资合计 ${sum.toFixed(2)} 元，与注册资本 ${new Decimal(app.registeredCapital).toFixed(2)} 元不一致`,
        `Contributions total ${sum.toFixed(2)} yuan but the registered capital is ${new Decimal(app.registeredCapital).toFixed(2)} yuan`,
      ),
    );
  }
};

const checkScope = (app: Application, out: ApplicationProblem[]): void => {
  if (app.businessScope.length === 0) {
    out.push(
      problem(
        'SCOPE_EMPTY',
        'businessScope',
        '请至少选择一项经营范围',
        'Choose at least one business scope item',
      ),
    );
  }
  const seen = new Set<string>();
  app.businessScope.forEach((code, i) => {
    if (!findScopeEntry(code)) {
      out.push(
        problem(
          'SCOPE_NOT_IN_CATALOGUE',
          `businessScope.${i}`,
          `经营范围"${code}"不在规范表述目录中`,
          `"${code}" is not in the business scope catalogue`,
        ),
      );
    } else if (seen.has(code)) {
      out.push(
        problem(
          'SCOPE_DUPLICATE',
          `businessScope.${i}`,
          '经营范围重复',
          'Scope item chosen twice',
          'warning',
        ),
      );
    }
    seen.add(code);
  });
};

const checkServices = (app: Application, out: ApplicationProblem[]): void => {
  const bank = app.services.bankAccount;
  if (!bank.enabled) return;
  if (!bank.bankCode || !findBank(bank.bankCode)) {
    out.push(problem('BANK_REQUIRED', 'services.bankAccount.bankCode', '请选择开户银行', 'Choose the bank'));
    return;
  }
  const branch = bank.branchCode ? findBranch(bank.branchCode) : undefined;
  if (!branch) {
    out.push(
      problem(
        'BANK_BRANCH_REQUIRED',
        'services.bankAccount.branchCode',
        '请选择开户网点',
        'Choose the branch',
      ),
    );
  } else if (branch.bankCode !== bank.bankCode) {
    out.push(
      problem(
        'BANK_BRANCH_MISMATCH',
        'services.bankAccount.branchCode',
        '所选网点不属于该银行',
        'The branch does not belong to the chosen bank',
      ),
    );
  }
};

/** Every rule an application breaks; an empty list means it may be submitted. */
export const checkApplication = (app: Application, ctx: ApplicationContext): ApplicationProblem[] => {
  const out: ApplicationProblem[] = [];
  if (ctx.existingCompanies) {
    const name = checkCompanyName(app.name, { existing: ctx.existingCompanies, legalForm: app.companyType });
    for (const p of name.problems)
      out.push({ code: p.code, severity: p.severity, field: 'name', text: p.text });
  }
  if (!isGuangdongDistrict(app.domicile.divisionCode)) {
    out.push(
      problem(
        'DOMICILE_NOT_GUANGDONG',
        'domicile.divisionCode',
        '住所应位于广东省的区县',
        'The domicile must be in a Guangdong district or county',
      ),
    );
  }
  checkShareholders(app, ctx, out);
  out.push(...checkOfficers(app, ctx.establishmentDate));
  checkScope(app, out);
  checkServices(app, out);
  return out;
};

export const hasBlockingProblems = (problems: readonly ApplicationProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
