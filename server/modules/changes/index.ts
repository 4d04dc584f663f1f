// What other modules may use of change registration: its routes, the public change record and
// capital-reduction notices (the disclosure page), and the delegation-review sweep (a daily job).
export { changeRoutes } from './routes';
export { disclosedChanges, reductionNotices } from './disclosure';
export { sweepDelegationReviews } from './delegation-reviews';
