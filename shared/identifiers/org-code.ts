/** GB 11714 organization code: an 8-character body (0-9, A-Z) and one check character. */

const BODY_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export const isOrgCodeBody = (body: string): boolean => /^[0-9A-Z]{8}$/.test(body);

/** The check character for an 8-character body, or null when the body is malformed. */
export const orgCodeCheckCharOf = (body: string): string | null => {
  if (!isOrgCodeBody(body)) return null;
  const sum = [...body].reduce((acc, c, i) => acc + BODY_ALPHABET.indexOf(c) * (WEIGHTS[i] ?? 0), 0);
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
};

/** True when `code` is 9 characters (upper-case body + check) and the check character holds. */
export const isValidOrgCode = (code: string): boolean =>
  code.length === 9 && orgCodeCheckCharOf(code.slice(0, 8)) === code.slice(8);
