import { identifierErrorMessage } from '../../../../shared/identifiers/messages';
import { validateResidentId } from '../../../../shared/identifiers/resident-id';
import { validateUscc } from '../../../../shared/identifiers/uscc';
import type { Lang } from '../../../../shared/text';

/** As-you-type feedback for a resident ID or USCC: the same validators the platform runs. */
export const identifierProblems = (
  kind: 'resident-id' | 'uscc',
  value: string | undefined,
  lang: Lang,
): string[] => {
  const v = value?.trim() ?? '';
  if (v === '') return [];
  const verdict =
    kind === 'resident-id' ? validateResidentId(v, 'normalized') : validateUscc(v, 'normalized');
  return verdict.valid ? [] : verdict.errors.map((code) => identifierErrorMessage(kind, code)[lang]);
};

/** A short unique reference for a new person in the officers list. */
export const nextRef = (refs: readonly (string | undefined)[]): string => {
  let n = refs.length + 1;
  while (refs.includes(`p${n}`)) n += 1;
  return `p${n}`;
};
