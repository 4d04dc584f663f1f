import type { DbOrTx } from '../../db/types';
import type { CompanyType } from '../../../shared/registration/application';
import { checkCompanyName, type NameCheckResult } from '../../../shared/registration/name-rules';
import { companyNamesFor, registryNamesFor } from './store';

/**
 * The name rules with uniqueness against the registry: the structure first (to learn the 字号),
 * then the same rules again with the companies and pending names that share it — names held by
 * registrations and by name changes still in progress (`companiesOnly` at approval: only companies).
 */
export const checkNameWithRegistry = async (
  db: DbOrTx,
  name: string,
  companyType: CompanyType,
  options: { excludeApplicationId?: string; companiesOnly?: boolean; excludeCompanyId?: string } = {},
): Promise<NameCheckResult> => {
  const trimmed = name.trim();
  const first = checkCompanyName(trimmed, { existing: [], legalForm: companyType });
  const existing = options.companiesOnly
    ? await companyNamesFor(db, trimmed, first.parts, options.excludeCompanyId)
    : await registryNamesFor(
        db,
        trimmed,
        first.parts,
        options.excludeApplicationId,
        options.excludeCompanyId,
      );
  return existing.length === 0 ? first : checkCompanyName(trimmed, { existing, legalForm: companyType });
};
