import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { eventHandlers, type EventHandler } from '../../app/event-handlers';

/** deregistration.* events: the procedure, the company's status and its licences changed. */
const deregistrationEvents: EventHandler = (event, queryClient) => {
  switch (event.type) {
    case 'deregistration.completed':
    case 'deregistration.objection':
      void queryClient.invalidateQueries({ queryKey: ['deregistration'] });
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
      void queryClient.invalidateQueries({ queryKey: ['licences'] });
      return undefined;
    default:
      return undefined;
  }
};

/** Simplified deregistration (简易注销): from the company page, the procedure page; the notice is on /gs/<uscc>. */
export const registerDeregistration = (): void => {
  featureRoutes.signedIn.push({
    path: '/companies/:companyId/deregistration',
    element: lazyPage(() =>
      import('./DeregistrationPage').then(({ DeregistrationPage }) => DeregistrationPage),
    ),
  });
  companyPanels.push(
    lazyPanel(() => import('./CompanyPanel').then(({ DeregistrationPanel }) => DeregistrationPanel)),
  );
  eventHandlers.push(deregistrationEvents);
};
