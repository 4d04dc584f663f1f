// The approval flow with the real face engine (@vladmandic/human), end to end through the API:
// enrol from the test photo, answer a random challenge with frames that perform it, and the
// wrong person is refused. Slow (model load + ~0.2–1 s per frame), so kept to two attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { faceAttempts } from '../../db/schema';
import { askFor, challenge, companyIdOf, submit, tokenOf } from '../../test/delegation-support';
import { enrolDemoFaces } from '../../seed/demo-faces';
import { humanEngineId } from '../../face/human-engine';
import { faceVerifierFor } from '../face-checks/face-port';
import { framesPerforming, liveFramesOfPersonA, type LiveFrames } from '../../test/real-frames';

let t: TestApp;
let live: LiveFrames;

beforeAll(async () => {
  t = await createTestApp();
  const enrolled = await enrolDemoFaces(t.ctx);
  expect(enrolled.enrolled.sort()).toEqual(['chen', 'he', 'lin', 'liu', 'wang', 'xu']);
  // Idempotent: a second run enrols nobody.
  expect((await enrolDemoFaces(t.ctx)).enrolled).toEqual([]);
  live = await liveFramesOfPersonA();
}, 180_000);
afterAll(async () => t.close());

describe('face approval with the real engine', () => {
  it('uses @vladmandic/human unless a test installs something else', async () => {
    expect((await faceVerifierFor(t.ctx)).engine).toMatch(/^human@/);
  });
  it('knows the engine id without loading it (a demo restart skips the model on that basis)', async () => {
    expect(humanEngineId()).toBe((await faceVerifierFor(t.ctx)).engine);
  });

  it('approves 陈志明 (person A) performing a random challenge', { timeout: 180_000 }, async () => {
    const li = await t.signIn('li');
    const view = (await askFor(t, li, await companyIdOf(t, 'yunfan-tech'))).json();
    const token = tokenOf(view.link.path);
    const c = await challenge(t, token);
    const res = await submit(t, token, c.challengeId, framesPerforming(live, c.actions));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');
    const [attempt] = await t.ctx.db.select().from(faceAttempts).where(eq(faceAttempts.subjectId, view.id));
    expect(attempt!.similarity).toBeGreaterThanOrEqual(0.75);
    expect(attempt!.liveness.passed).toBe(true);
    expect(attempt!.liveness.observed.map((o) => o.split('@')[0])).toEqual(c.actions);
    expect(attempt!.engine).toMatch(/^human@/);
  });

  it(
    'refuses person A for 王建国 (person B) with FACE_MISMATCH and keeps the evidence',
    { timeout: 180_000 },
    async () => {
      const li = await t.signIn('li');
      const view = (await askFor(t, li, await companyIdOf(t, 'qiming-trade'))).json();
      const token = tokenOf(view.link.path);
      const c = await challenge(t, token);
      const res = await submit(t, token, c.challengeId, framesPerforming(live, c.actions));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FACE_MISMATCH');
      const [attempt] = await t.ctx.db.select().from(faceAttempts).where(eq(faceAttempts.subjectId, view.id));
      expect(attempt).toMatchObject({ outcome: 'FACE_MISMATCH', match: false });
      expect(attempt!.similarity).toBeLessThan(0.75);
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${token}` });
      expect(page.json()).toMatchObject({ status: 'pending', attemptsLeft: 4 });
    },
  );
});
