// What other modules may use of the face checks: challenges, the verifier, running a check,
// refusals and settings.
export { consumeFaceChallenge, issueFaceChallenge, type FaceSubject } from './challenges';
export { faceVerifierFor, setFaceVerifierForTests } from './face-port';
export { faceNotEnrolled, faceRefusal, templateOf } from './refusals';
export { recordFaceAttempt, runFaceCheck } from './run';
export { faceCheckSettings, overrideFaceCheckSettings, type FaceCheckSettings } from './settings';
