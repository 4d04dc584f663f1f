import { defineRoute } from '../../http/route';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../../audit/write';
import { FaceEnrolRequest, FaceEnrolResponse } from '../../../shared/api/identity';
import { FACE_REFUSAL_TEXT } from '../../face/refusal-text';
import { faceVerifierFor } from '../face-checks';
import { storeFaceTemplate } from './face-template';

/**
 * Enrolment at identity set-up: the person uploads a clear photo of their face; the server keeps
 * only the template (embedding), never the photo. It is what the phone approval compares against.
 */
const enrolFaceRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/me/face',
  summary: 'Enrol (or replace) my reference face from a photo; only the template is kept',
  tags: ['identity'],
  access: { kind: 'user' },
  body: FaceEnrolRequest,
  response: FaceEnrolResponse,
  bodyLimit: 8 * 1024 * 1024,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, actor, body }) => {
    const photo = new Uint8Array(Buffer.from(body.photo, 'base64'));
    const verifier = await faceVerifierFor(app);
    const enrolled = await verifier.enrol(photo);
    if (!enrolled.ok)
      throw new HttpError(422, enrolled.refusal, FACE_REFUSAL_TEXT[enrolled.refusal], 'photo');
    await app.db.transaction(async (tx) => {
      await storeFaceTemplate(app, actor.personId, enrolled.template, tx);
      await writeAudit(tx, {
        actorPersonId: actor.personId,
        actingAs: 'self',
        action: 'identity.face-enrol',
        detail: { engine: enrolled.template.engine, source: 'upload' },
      });
    });
    return { faceEnrolled: true as const, enrolledAt: app.now().toISOString() };
  },
});

export const faceEnrolRoutes = [enrolFaceRoute];
