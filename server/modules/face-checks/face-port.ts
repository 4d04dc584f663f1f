import type { AppContext } from '../../context';
import type { FaceVerifier } from '../../face/verifier';
import { HumanFaceVerifier } from '../../face/human-verifier';

/**
 * Where face checks get their verifier. The platform always uses the real one
 * (@vladmandic/human, threshold from config.faceThreshold), created on first use per context.
 * Tests may install a double for one context to exercise the state machine quickly.
 */
const verifiers = new WeakMap<AppContext, Promise<FaceVerifier>>();

export const faceVerifierFor = (ctx: AppContext): Promise<FaceVerifier> => {
  let v = verifiers.get(ctx);
  if (!v) {
    const threshold = ctx.config.faceThreshold;
    v = HumanFaceVerifier.create(threshold === undefined ? {} : { threshold });
    verifiers.set(ctx, v);
    v.catch(() => verifiers.delete(ctx));
  }
  return v;
};

/** Tests only: answer face checks for this context with `verifier`. */
export const setFaceVerifierForTests = (ctx: AppContext, verifier: FaceVerifier): void => {
  verifiers.set(ctx, Promise.resolve(verifier));
};
