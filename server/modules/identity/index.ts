// What other modules may use of identity: finding and creating persons, storing a face template.
export { storeFaceTemplate } from './face-template';
export { ensurePerson, findPersonByPhone, findPersonByResidentId } from './persons';
