// What other modules (and the demo seed) may use of licences: issuing, the issuer keys, the
// holder's facts and the fields of a licence draft.
export { draftLicenceFields, type HolderFacts } from './fields-for';
export { holderFactsOf } from './holder';
export { findActiveLicence, issueLicence, reissueLicence, revokeLicence, type LicenceFields } from './issue';
export { ensureIssuerKeys } from './key-ring';
export { addMonths } from './validity';
