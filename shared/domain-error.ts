import type { LocalizedText } from './text';

/**
 * A refusal by a domain rule: a stable machine code, a sentence a person can act on (both
 * languages) and, where one field is at fault, its dotted path. The server maps its code to an
 * HTTP status in one table (server/http/errors.ts); domain code never names a status.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly text: LocalizedText;
  readonly field: string | undefined;

  constructor(code: string, text: LocalizedText, options: { field?: string } = {}) {
    super(`${code}: ${text.en}`);
    this.name = 'DomainError';
    this.code = code;
    this.text = text;
    this.field = options.field;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
