// What other modules may use of registration: reading an application's draft (annual-report prefill).
export { readDraft } from './store';
// The combined approval queue: face-method confirmations waiting for a person, confirming one once assured.
export { confirmAssured, pendingFaceConfirmations } from './confirm-face';
