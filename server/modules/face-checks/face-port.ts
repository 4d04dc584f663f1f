import type { AppContext } from '../../context';
import type { FaceVerifier } from '../../face/verifier';
import { HumanFaceVerifier } from '../../face/human-verifier';

/**
 * Where face checks get their verifier. The platform always uses the real one
 * (@vladmandic/human, threshold from config.faceThreshold), created on first use per context.
 * Tests may install a double for one context to exercise the state machine quickly.
 */
export const faceVerifierFor = (ctx: AppContext): Promise<FaceVerifier> => {
  let v = ctx.services.faceVerifier;
  if (!v) {
    const threshold = ctx.config.faceThreshold;
    v = HumanFaceVerifier.create(threshold === undefined ? {} : { threshold });
    ctx.services.faceVerifier = v;
    // A failed load is forgotten, so the next check tries again.
    v.catch(() => delete ctx.services.faceVerifier);
  }
  return v;
};

/** Tests only: answer face checks for this context with `verifier`. */
export const setFaceVerifierForTests = (ctx: AppContext, verifier: FaceVerifier): void => {
  ctx.services.faceVerifier = Promise.resolve(verifier);
};
