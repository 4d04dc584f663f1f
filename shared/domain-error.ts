import type { LocalizedText } from './text';

/**
 * A refusal by a domain rule: a stable machine code, a sentence a person can act on (both
 * languages) and, where one field is at fault, its dotted path. The server maps it to 4xx.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly text: LocalizedText;
  readonly field: string | undefined;
  readonly status: number;

  constructor(code: string, text: LocalizedText, options: { field?: string; status?: number } = {}) {
    super(`${code}: ${text.en}`);
    this.name = 'DomainError';
    this.code = code;
    this.text = text;
    this.field = options.field;
    this.status = options.status ?? 422;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
