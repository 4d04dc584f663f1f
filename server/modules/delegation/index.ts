// What other modules may use of delegation: requesting and announcing authorizations, the
// settings type, the sweeper the platform starts, and the after-response publisher.
export { afterResponse } from './after-response';
export { announce } from './lifecycle';
export { requestAuthorization, resendPendingRequest } from './request';
export type { DelegationSettings } from './settings';
export { startDelegationSweeper } from './sweep';
export type { DelegationRow } from './views';
