import { DomainError } from '../domain-error';
import { makeUscc } from '../identifiers/generate';
import { USCC_CODE_SET } from '../identifiers/uscc';
import { text } from '../text';

/**
 * Assigns a USCC on approval: registration authority 9 (market regulation), entity type 1
 * (enterprise), the registering authority's division code, then a fresh organization code.
 *
 * The 8-character organization-code body is `MA` + the sequence in base 31 over the USCC code
 * set (6 characters). Codes issued since the 2015 reform start with a letter like this, so they
 * can never equal a legacy all-digit organization code, and the code set leaves out I, O, Z, S, V,
 * which GB 11714 allows but GB 32100 does not. makeUscc appends the GB 11714 check (0-9 or X, both
 * in the code set) and the GB 32100 check character.
 */
const BODY_PREFIX = 'MA';
const SEQUENCE_CHARS = 6;
const BASE = USCC_CODE_SET.length; // 31
export const MAX_USCC_SEQUENCE = BASE ** SEQUENCE_CHARS - 1;

const encodeSequence = (sequence: number): string => {
  let n = sequence;
  let out = '';
  for (let i = 0; i < SEQUENCE_CHARS; i += 1) {
    out = USCC_CODE_SET.charAt(n % BASE) + out;
    n = Math.floor(n / BASE);
  }
  return out;
};

/** `sequence` is the registering authority's running number (0 .. MAX_USCC_SEQUENCE), unique per division. */
export const issueUscc = (division: string, sequence: number): string => {
  if (!/^\d{6}$/.test(division)) {
    throw new DomainError(
      'INVALID_DIVISION',
      text('登记机关行政区划码应为 6 位数字', 'The division must be 6 digits'),
      {
        field: 'division',
      },
    );
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_USCC_SEQUENCE) {
    throw new DomainError(
      'USCC_SEQUENCE_EXHAUSTED',
      text(
        `顺序号应为 0 至 ${MAX_USCC_SEQUENCE} 的整数`,
        `The sequence must be a whole number from 0 to ${MAX_USCC_SEQUENCE}`,
      ),
      { field: 'sequence' },
    );
  }
  return makeUscc({
    authority: '9',
    entityType: '1',
    division,
    orgBody: BODY_PREFIX + encodeSequence(sequence),
  });
};
