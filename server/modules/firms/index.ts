// What the platform may use of the firm workspace: its batch runner, the automatic re-send of
// unanswered requests (background jobs), and the port to the tax module.
export { firmRunner } from './firm-batches';
export { resendUnanswered } from './resend';
export { setTaxPort, taxPortFor, type TaxPort } from './tax-port';
export { requireFirmMember, type FirmMembership } from './access';
