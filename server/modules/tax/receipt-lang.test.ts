import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { licences } from '../../db/schema';
import { ReturnDetail } from '../../../shared/api/tax';
import { caller, companyIdOf, DEMO_NOW, Q3_2026, smallScaleInput } from '../../test/tax-support';
import { withDemoLicences } from '../../test/licences-support';

/**
 * A zh-HK reader's own documents (the tax receipt and its file name) are in 繁體; official records
 * (the business licence) stay in 简体 whatever the reader chose.
 */
let t: TestApp;
let yunfan: string;
let receipt: ReturnDetail;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  yunfan = await companyIdOf(t, 'yunfan-tech');
  await withDemoLicences(t);
  const res = await caller(t).post('chen', `/api/v1/companies/${yunfan}/tax/returns`, {
    period: Q3_2026,
    input: smallScaleInput('320000'),
    confirmedTotal: '3392.00',
  });
  expect(res.statusCode).toBe(201);
  receipt = ReturnDetail.parse(res.json());
  token = await t.signIn('chen');
  // A fresh platform and one filed return: slow on a loaded machine.
}, 300_000);
afterAll(async () => t?.close());

const get = (url: string, lang: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...t.auth(token), 'x-lang': lang } });
const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const fileNameOf = (disposition: unknown): string =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(disposition))?.[1] ?? '');

describe('documents in the reader’s script', () => {
  const receiptUrl = () => `/api/v1/companies/${yunfan}/tax/returns/${receipt.id}/receipt.pdf`;

  it('a zh-HK reader gets the receipt in 繁體, named in 繁體', async () => {
    const res = await get(receiptUrl(), 'zh-HK');
    expect(res.statusCode).toBe(200);
    expect(fileNameOf(res.headers['content-disposition'])).toBe(`申報回執-${receipt.receiptNumber}.pdf`);
    const text = pdfText(res.rawPayload);
    // Hong Kong writes 税 (OpenCC's HK variants), not 稅.
    expect(text).toContain('税費申報回執');
    expect(text).toContain('納税人名稱');
    expect(text).toContain('小規模納税人適用');
    // The registered name is the company's, as registered: never converted.
    expect(text).toContain('广州市云帆信息科技有限公司');
    expect(text).toContain(receipt.receiptNumber!);
    expect(text).toContain('3,392.00');
    expect(text).not.toContain('税费申报回执');
  }, 180_000);

  it('a 简体 reader gets it in 简体, and English readers an English file name', async () => {
    const zh = await get(receiptUrl(), 'zh');
    expect(fileNameOf(zh.headers['content-disposition'])).toBe(`申报回执-${receipt.receiptNumber}.pdf`);
    expect(pdfText(zh.rawPayload)).toContain('税费申报回执');
    const en = await get(receiptUrl(), 'en');
    expect(fileNameOf(en.headers['content-disposition'])).toBe(`receipt-${receipt.receiptNumber}.pdf`);
  }, 180_000);

  it('a licence, an official record, stays in 简体 for a zh-HK reader', async () => {
    const [licence] = await t.ctx.db.select().from(licences).where(eq(licences.companyId, yunfan));
    expect(licence).toBeDefined();
    const url = `/api/v1/companies/${yunfan}/licences/${licence!.id}/pdf`;
    const [hk, zh] = [await get(url, 'zh-HK'), await get(url, 'zh')];
    expect(hk.statusCode).toBe(200);
    expect(pdfText(hk.rawPayload)).toBe(pdfText(zh.rawPayload));
    expect(pdfText(hk.rawPayload)).not.toMatch(/證|書|發/);
  }, 180_000);
});
