import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, type EventHandler } from '../../app/event-handlers';

/** Annual report and abnormal list events: refresh what is due and the lists. */
const annualEvents: EventHandler = (event, queryClient) => {
  switch (event.type) {
    case 'annual-report.filed':
    case 'annual-report.corrected':
    case 'abnormal-list.listed':
    case 'abnormal-list.removed':
      void queryClient.invalidateQueries({ queryKey: ['annual'] });
      return undefined;
    default:
      return undefined;
  }
};

/** Annual reports: due on the home and company pages, the prefilled form, the public disclosure page. */
export const registerAnnualReports = (): void => {
  featureRoutes.signedIn.push({
    path: '/companies/:companyId/annual-reports',
    element: lazyPage(() => import('./ReportPage').then(({ ReportPage }) => ReportPage)),
  });
  // No sign-in: the public disclosure record.
  featureRoutes.open.push({
    path: '/gs/:uscc',
    element: lazyPage(() => import('./DisclosurePage').then(({ DisclosurePage }) => DisclosurePage)),
  });
  homeWidgets.push(lazyPanel(() => import('./HomeWidget').then(({ AnnualDueWidget }) => AnnualDueWidget)));
  companyPanels.push(
    lazyPanel(() => import('./CompanyPanel').then(({ AnnualReportPanel }) => AnnualReportPanel)),
  );
  eventHandlers.push(annualEvents);
};
