// Printed QR codes must scan: the licence PDF is rasterised at 80 dpi (a cheap office print or a
// fax) and every QR code on it is decoded with zbar. The printed QR is the short verification URL
// on the public host; the signed seal travels in the PDF as an embedded file for offline checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { licences } from '../../db/schema';
import { seedDemoLicences } from '../../seed/licences';
import { companyIdOf } from '../../test/licences-support';
import { VerifyCodeAnswer } from '../../../shared/api/licences';

const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const tools = hasTool('pdftoppm') && hasTool('zbarimg') && hasTool('pdfdetach');
if (!tools) console.warn('SKIPPED: pdftoppm/pdfdetach (poppler-utils) or zbarimg (zbar-tools) not installed');

const PUBLIC = 'https://shangtong.example.gov.cn';
let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: PUBLIC } });
  await seedDemoLicences(t.ctx);
  dir = mkdtempSync(join(tmpdir(), 'printed-qr-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tools)('printed licence QR codes', () => {
  it('decode at 80 dpi to a short URL on the public host; the PDF carries the signed seal', async () => {
    const chen = await t.signIn('chen');
    const companyId = await companyIdOf(t, 'yunfan-food');
    const rows = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, companyId), eq(licences.status, 'active')));
    expect(rows.length).toBeGreaterThan(0);
    // Every licence PDF has the same layout: two of them (rendering is CPU-heavy) stand for all.
    for (const row of rows.slice(0, 2)) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${companyId}/licences/${row.id}/pdf`,
        headers: t.auth(chen),
      });
      expect(res.statusCode).toBe(200);
      const pdf = join(dir, `${row.id}.pdf`);
      writeFileSync(pdf, res.rawPayload);
      execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(dir, row.id)]);
      const pages = readdirSync(dir).filter((f) => f.startsWith(row.id) && f.endsWith('.png'));
      const decoded = pages.flatMap((p) =>
        spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, p)])
          .stdout.toString('utf8')
          .split('\n')
          .filter(Boolean),
      );
      // One QR per licence, and it decoded: the short URL with this licence's code.
      expect(decoded).toEqual([`${PUBLIC}/v/${row.verifyCode}`]);
      expect(decoded[0]!.length).toBeLessThan(80);
      // The code resolves to the signed seal (what the page then verifies).
      const byCode = await t.app.inject({ method: 'GET', url: `/api/v1/licences/codes/${row.verifyCode}` });
      expect(VerifyCodeAnswer.parse(byCode.json()).qr).toMatch(/^1\./);
      // Offline: the signed licence is embedded in the PDF.
      const list = execFileSync('pdfdetach', ['-list', pdf]).toString('utf8');
      expect(list).toContain('licence.json');
      const out = join(dir, `${row.id}.json`);
      execFileSync('pdfdetach', ['-savefile', 'licence.json', '-o', out, pdf]);
      const embedded = JSON.parse(readFileSync(out, 'utf8')) as { signature: string };
      expect(embedded.signature).toBe(row.signed.signature);
    }
  });

  it('answers an unknown code with the product’s 404 envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/licences/codes/AAAAAAAAAAAAAAAAAAAA' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('VERIFY_CODE_UNKNOWN');
  });
});
