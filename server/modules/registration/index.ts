// What other modules may use of registration: reading an application's draft (annual-report prefill),
// the name check with the registry and the printed business scope (change registration).
export { readDraft } from './store';
export { checkNameWithRegistry } from './name-check';
export { scopeText } from './issue-records';
