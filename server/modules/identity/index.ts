// What other modules may use of identity: finding and creating persons, and the signed-in person's view.
export { loadMe } from './me';
export { ensurePerson, findPersonByPhone, findPersonByResidentId, insertPerson } from './persons';
// Levels of assurance: `requireLevel(ctx, actor, 'face' | action)` before an action that needs a live
// face (approvals, legal-representative change, e-seal signing); see docs/identity.md.
export { assuranceOf, assuranceView, faceCheckRequired, requireLevel, type Assured } from './assurance';
export { verifySessionFace } from './session-face';
