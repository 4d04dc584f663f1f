import { defineContract } from '../contract';
import { FaceEnrolRequest, FaceEnrolResponse } from '../identity';

/** The identity (face-enrol) endpoints: one declaration each, implemented in server/modules/identity/face-enrol.ts. */
export const identityFaceEnrolApi = {
  enrolFace: defineContract({
    method: 'POST',
    path: '/api/v1/me/face',
    summary: 'Enrol (or replace) my reference face from a photo; only the template is kept',
    tags: ['identity'],
    access: { kind: 'user' },
    body: FaceEnrolRequest,
    response: FaceEnrolResponse,
    bodyLimit: 8 * 1024 * 1024,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
};
