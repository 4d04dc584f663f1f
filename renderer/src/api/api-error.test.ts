import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/error';
import { readApiError } from './api-error';

const samples: unknown[] = [
  { error: { code: 'X', message: 'm' } },
  { error: { code: 'X', message: 'm', field: 'name' } },
  { error: { code: 'X', message: 'm', field: 3 } },
  { error: { code: 'X' } },
  { error: { code: 1, message: 'm' } },
  { error: null },
  { error: 'nope' },
  { other: true },
  null,
  'text',
  undefined,
  [],
];

describe('readApiError', () => {
  it('accepts exactly what the shared ApiError schema accepts', () => {
    for (const sample of samples) {
      const parsed = ApiError.safeParse(sample);
      expect(readApiError(sample), JSON.stringify(sample)).toEqual(
        parsed.success ? parsed.data.error : undefined,
      );
    }
  });
});
