import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, type EventHandler } from '../../app/event-handlers';

/** Tax events (a return accepted, a payment made): refresh what is due and the returns everywhere. */
const taxEvents: EventHandler = (event, queryClient) => {
  switch (event.type) {
    case 'tax.return.accepted':
    case 'tax.payment.paid':
      void queryClient.invalidateQueries({ queryKey: ['tax'] });
      return undefined;
    default:
      return undefined;
  }
};

/** Tax filing: what is due (home widget, company panel), the forms, returns and receipts, the calendar. */
export const registerTax = (): void => {
  featureRoutes.signedIn.push(
    {
      path: '/companies/:companyId/tax/file/:form/:periodKey',
      element: lazyPage(() => import('./FilingPage').then(({ FilingPage }) => FilingPage)),
    },
    {
      path: '/companies/:companyId/tax/returns/:returnId',
      element: lazyPage(() => import('./ReturnPage').then(({ ReturnPage }) => ReturnPage)),
    },
    {
      path: '/tax/calendar',
      element: lazyPage(() => import('./DeadlinesPage').then(({ DeadlinesPage }) => DeadlinesPage)),
    },
  );
  homeWidgets.push(lazyPanel(() => import('./HomeWidget').then(({ TaxDueWidget }) => TaxDueWidget)));
  companyPanels.push(
    lazyPanel(() => import('./CompanyPanel').then(({ CompanyTaxPanel }) => CompanyTaxPanel)),
  );
  eventHandlers.push(taxEvents);
};
