import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, identityRegister } from '../../db/schema';
import { syntheticResidentId } from '../../../shared/identifiers/generate';
import { FaceVerifierDouble, fakeFrame } from '../../test/face-double';
import { loadRegisterEntry } from './local-register';
import { identityAuthorityFor } from './port';
import { importAuthorityFile } from './import-file';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

const idA = syntheticResidentId(9101);
const idDead = syntheticResidentId(9102);

describe('the local identity register', () => {
  it('answers by name and status, and keeps the ID and portrait encrypted', async () => {
    const double = new FaceVerifierDouble();
    await loadRegisterEntry(t.ctx, {
      residentId: idA,
      name: '甲乙丙',
      status: 'valid',
      portrait: double.templateFor('A'),
    });
    await loadRegisterEntry(t.ctx, { residentId: idDead, name: '丁戊', status: 'deceased' });
    const authority = identityAuthorityFor(t.ctx);
    expect(await authority.verifyName(idA, '甲乙丙')).toEqual({ ok: true });
    expect(await authority.verifyName(idA, '甲乙')).toEqual({ ok: false, reason: 'NAME_MISMATCH' });
    expect(await authority.verifyName(syntheticResidentId(9103), '甲乙丙')).toEqual({
      ok: false,
      reason: 'NOT_IN_AUTHORITY',
    });
    expect(await authority.verifyName(idDead, '丁戊')).toEqual({ ok: false, reason: 'DECEASED' });
    expect(await authority.status(idDead)).toBe('deceased');
    expect(await authority.portraitTemplate(idA)).toEqual(double.templateFor('A'));
    expect(await authority.portraitTemplate(idDead)).toBeUndefined();
    const [row] = await t.ctx.db
      .select()
      .from(identityRegister)
      .where(eq(identityRegister.residentIdHash, t.ctx.cipher.lookupHash(idA)));
    expect(row!.residentIdEnc).not.toContain(idA);
    expect(row!.portraitEnc).not.toContain('vector');
  });

  it('imports a JSON-lines file with portraits, all or nothing, audited', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'authority-'));
    writeFileSync(path.join(dir, 'b.jpg'), fakeFrame({ who: 'B' }));
    const idB = syntheticResidentId(9104);
    const good = [
      JSON.stringify({ name: '王五', residentId: idB, status: 'valid', portrait: 'b.jpg' }),
      JSON.stringify({ name: '赵六', residentId: syntheticResidentId(9105), status: 'cancelled' }),
    ];
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [...good, '{"name":"x","residentId":"110101199001011234","status":"valid"}'].join('\n'),
    );
    const refused = await importAuthorityFile(t.ctx, bad, new FaceVerifierDouble());
    expect(refused.loaded).toBe(0);
    expect(refused.errors[0]!.line).toBe(3);
    expect(await identityAuthorityFor(t.ctx).status(idB)).toBeUndefined();

    const file = path.join(dir, 'good.jsonl');
    writeFileSync(file, good.join('\n') + '\n');
    const report = await importAuthorityFile(t.ctx, file, new FaceVerifierDouble());
    expect(report).toEqual({ loaded: 2, withPortrait: 1, errors: [] });
    expect(await identityAuthorityFor(t.ctx).portraitTemplate(idB)).toEqual(
      new FaceVerifierDouble().templateFor('B'),
    );
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'authority.import'));
    expect(audits).toHaveLength(1);
  });
});
