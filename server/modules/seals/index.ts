// What other modules may use of the e-seals: the routes, the settings, and revoking a company's
// seals with everything else on deregistration (their grants end with them).
export { sealRoutes } from './routes';
export { overrideSealSettings, type SealSettings } from './settings';
export { endSealGrants } from './lifecycle';
// Live face checks for other one-off confirmations (deregistration commitments).
export {
  assertFreshFaceCheck,
  issueSealChallenge as issueLiveFaceChallenge,
  runSealFaceCheck as runLiveFaceCheck,
} from './face';
