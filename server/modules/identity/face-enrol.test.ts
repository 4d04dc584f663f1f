import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { setFaceVerifierForTests } from '../face-checks/face-port';
import { FaceVerifierDouble, fakeFrameBase64 } from '../../test/face-double';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setFaceVerifierForTests(t.ctx, new FaceVerifierDouble());
});
afterAll(async () => t.close());

const enrol = async (token: string, photo: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/me/face', headers: t.auth(token), payload: { photo } });

describe('POST /api/v1/me/face', () => {
  it('enrols a reference face from an uploaded photo and reports it on /me', async () => {
    const token = await t.signIn('li');
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) });
    expect(before.json().faceEnrolled).toBe(false);
    const res = await enrol(token, fakeFrameBase64({ who: 'li' }));
    expect(res.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) });
    expect(after.json().faceEnrolled).toBe(true);
  });

  it('refuses what is not an image, no face or two faces, and keeps the earlier template', async () => {
    const token = await t.signIn('wang');
    const notImage = await enrol(token, Buffer.from('x'.repeat(300)).toString('base64'));
    expect(notImage.statusCode).toBe(422);
    expect(notImage.json().error).toMatchObject({ code: 'NOT_AN_IMAGE', field: 'photo' });
    const two = await enrol(token, fakeFrameBase64({ who: 'wang', faces: 2 }));
    expect(two.json().error.code).toBe('MULTIPLE_FACES');
    const none = await enrol(token, fakeFrameBase64({ who: 'wang', faces: 0 }));
    expect(none.json().error.code).toBe('NO_FACE');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) });
    expect(me.json().faceEnrolled).toBe(false);
  });

  it('needs a signed-in person', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/face',
      payload: { photo: 'x'.repeat(200) },
    });
    expect(res.statusCode).toBe(401);
  });
});
