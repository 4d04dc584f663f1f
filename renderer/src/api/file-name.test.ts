import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './file-name';

describe('fileNameFrom', () => {
  it("takes the platform's UTF-8 name over the caller's guess", () => {
    const header = `attachment; filename="client-roster-2026-12-03.xlsx"; filename*=UTF-8''${encodeURIComponent('客户名册-2026-12-03.xlsx')}`;
    expect(fileNameFrom(header, '客户名册-.xlsx')).toBe('客户名册-2026-12-03.xlsx');
  });

  it('falls back to the ASCII name, then to the given one', () => {
    expect(fileNameFrom('attachment; filename="receipt-1.pdf"', 'x.pdf')).toBe('receipt-1.pdf');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'x.pdf')).toBe('x.pdf');
    expect(fileNameFrom(null, 'x.pdf')).toBe('x.pdf');
  });
});
