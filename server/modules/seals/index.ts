// What other modules may use of the e-seals: the routes, the settings, and revoking a company's
// seals with everything else on deregistration (their grants end with them).
export { sealRoutes } from './routes';
export { overrideSealSettings, type SealSettings } from './settings';
export { endSealGrants } from './lifecycle';
