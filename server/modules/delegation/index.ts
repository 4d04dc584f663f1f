// What other modules may use of delegation: requesting and announcing authorizations, the
// settings type, the expiry sweep and renewal reminders (run as background jobs), and the
// after-response hook.
export { afterResponse } from './after-response';
export { announce } from './lifecycle';
export { requestAuthorization, resendPendingRequest } from './request';
export type { DelegationSettings } from './settings';
export { expireDue, remindRenewals } from './sweep';
export type { DelegationRow } from './views';
export { approveAsGrantor } from './approval';
