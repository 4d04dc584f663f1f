/** What other modules may use of the annual reports module. */
export { annualReportRoutes } from './routes';
export { annualReportDueFor } from './due';
export { isOnAbnormalList } from './store';
export { assertNotOnAbnormalList, listMissingAnnualReports, runAbnormalListJob } from './abnormal-list';
export { disclosureSections, type DisclosureSectionSource } from './disclosure';
export { prefillForFiling } from './prefill';
export { fileAnnualReport, disclosurePath } from './file';
export { todayInChina } from './today';
