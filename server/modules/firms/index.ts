// What the platform may use of the firm workspace: its start-up and the port to the tax module.
export { startFirmWorkspace } from './startup';
export { setTaxPort, taxPortFor, type TaxPort } from './tax-port';
