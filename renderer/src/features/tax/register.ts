import { createElement } from 'react';
import { featureRoutes } from '../../app/feature-routes';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, type EventHandler } from '../../app/event-handlers';
import { featureMessages } from '../../i18n/features';
import { taxMessages } from './i18n';
import { TaxDueWidget } from './HomeWidget';
import { CompanyTaxPanel } from './CompanyPanel';
import { FilingPage } from './FilingPage';
import { ReturnPage } from './ReturnPage';
import { DeadlinesPage } from './DeadlinesPage';

/** tax.* events (a return accepted, a payment made): refresh what is due and the returns everywhere. */
const taxEvents: EventHandler = (event, queryClient) => {
  if (event.type.startsWith('tax.')) void queryClient.invalidateQueries({ queryKey: ['tax'] });
  return undefined;
};

/** Tax filing: what is due (home widget, company panel), the forms, returns and receipts, the calendar. */
export const registerTax = (): void => {
  featureMessages.zh.tax = taxMessages.zh;
  featureMessages.en.tax = taxMessages.en;
  featureRoutes.signedIn.push(
    { path: '/companies/:companyId/tax/file/:form/:periodKey', element: createElement(FilingPage) },
    { path: '/companies/:companyId/tax/returns/:returnId', element: createElement(ReturnPage) },
    { path: '/tax/calendar', element: createElement(DeadlinesPage) },
  );
  homeWidgets.push(TaxDueWidget);
  companyPanels.push(CompanyTaxPanel);
  eventHandlers.push(taxEvents);
};
