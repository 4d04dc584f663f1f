/**
 * ISO/IEC 7064 MOD 37,36: the hybrid system over the 36 characters 0-9A-Z, producing one check
 * character from the same alphabet. It detects every single substitution and most (not all) adjacent
 * transpositions.
 */

export const MOD37_36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

export const isMod3736Text = (s: string): boolean => /^[0-9A-Z]+$/.test(s);

/** Running product after consuming `data`, starting from M as the standard prescribes. */
const product = (data: string): number =>
  [...data].reduce((p, c) => {
    const s = (p + MOD37_36_ALPHABET.indexOf(c)) % M;
    return ((s === 0 ? M : s) * 2) % (M + 1);
  }, M);

/** The check character for non-empty upper-case `data`, or null when `data` is outside the alphabet. */
export const mod3736CheckChar = (data: string): string | null =>
  isMod3736Text(data) ? (MOD37_36_ALPHABET[(M + 1 - product(data)) % M] ?? null) : null;

/** True when the last character of `dataWithCheck` is the check character of the rest. */
export const mod3736Verify = (dataWithCheck: string): boolean =>
  dataWithCheck.length >= 2 && mod3736CheckChar(dataWithCheck.slice(0, -1)) === dataWithCheck.slice(-1);
