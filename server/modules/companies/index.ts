// What other modules may use of companies: the companies a person may act for.
export { listMyCompanies } from './my-companies';
