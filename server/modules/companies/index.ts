// What other modules may use of companies: the companies a person may act for.
export { listMyCompanies } from './my-companies';
// Who is told of what happens to a company (changes, annual reports, listings, deregistration).
export { connectedPeople } from './connected';
