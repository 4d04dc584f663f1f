// What other modules may use of registration: reading an application's draft (annual-report prefill).
export { readDraft } from './store';
