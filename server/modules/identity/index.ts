// What other modules may use of identity: finding and creating persons, and the signed-in person's view.
export { loadMe } from './me';
export { ensurePerson, findPersonByPhone, findPersonByResidentId, insertPerson } from './persons';
