import type { ApiError } from '../../../shared/api/error';

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The error envelope (shared/api/error.ts) checked by hand: the API client is in the start-up
 * bundle, and this check is what keeps zod out of it. Same rules as the schema: code and message
 * are strings, field a string when present.
 */
export const readApiError = (json: unknown): ApiError['error'] | undefined => {
  if (typeof json !== 'object' || json === null) return undefined;
  const error: unknown = (json as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, field } = error as Record<string, unknown>;
  if (!isString(code) || !isString(message) || (field !== undefined && !isString(field))) return undefined;
  return field === undefined ? { code, message } : { code, message, field };
};
