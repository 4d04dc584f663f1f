import { z } from 'zod';

export const IdentifierKind = z.enum(['uscc', 'resident-id', 'licence-id']);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

/** `strict`: the value exactly as given. `normalized`: trimmed, spaces/hyphens removed, upper-cased. */
export const IdentifierMode = z.enum(['strict', 'normalized']);
export type IdentifierMode = z.infer<typeof IdentifierMode>;

/**
 * The outcome of checking one identifier. `normalized` is the string the verdict is about: the
 * normalized input in `normalized` mode, the value exactly as given in `strict` mode. `details`
 * are filled only when `valid` — for an invalid value we cannot tell which character is wrong, so
 * anything read from it might be read from a typo.
 */
export type IdentifierVerdict<Code extends string, Details> = {
  valid: boolean;
  normalized: string;
  errors: Code[];
  details: Details;
};

export type PreparedInput = {
  /** What the verdict reports as `normalized`. */
  normalized: string;
  /** What the rules run on: always upper-case, so a lowercase letter is reported once, as LOWERCASE. */
  checked: string;
  /** Strict mode only: the value contained an ASCII lowercase letter. */
  lowercase: boolean;
};

// ASCII only: String#toUpperCase would turn e.g. dotless 'ı' into 'I' and let it through.
const upperAscii = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());

/** The doc's normalization: trim, remove spaces (any whitespace) and hyphens, upper-case. */
export const normalizeIdentifier = (value: string): string => upperAscii(value.replace(/[\s-]/g, ''));

export const prepareInput = (value: string, mode: IdentifierMode): PreparedInput => {
  if (mode === 'normalized') {
    const normalized = normalizeIdentifier(value);
    return { normalized, checked: normalized, lowercase: false };
  }
  return { normalized: value, checked: upperAscii(value), lowercase: /[a-z]/.test(value) };
};

/** Appends `code` once, keeping first-seen order. */
export const addError = <Code extends string>(errors: Code[], code: Code): void => {
  if (!errors.includes(code)) errors.push(code);
};
