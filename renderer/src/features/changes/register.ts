import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { eventHandlers, type EventHandler } from '../../app/event-handlers';

/** change.* events: refresh the applications, and the licences a change re-issued. */
const changeEvents: EventHandler = (event, queryClient) => {
  switch (event.type) {
    case 'change.updated':
    case 'change.approved':
      void queryClient.invalidateQueries({ queryKey: ['changes'] });
      void queryClient.invalidateQueries({ queryKey: ['licences'] });
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
      return undefined;
    default:
      return undefined;
  }
};

/** Change registration (变更登记/备案): the form from the company page, signing, the reviewer queue. */
export const registerChanges = (): void => {
  featureRoutes.signedIn.push(
    {
      path: '/companies/:companyId/changes/new',
      element: lazyPage(() => import('./ChangeFormPage').then(({ ChangeFormPage }) => ChangeFormPage)),
    },
    {
      path: '/companies/:companyId/changes/:changeId',
      element: lazyPage(() => import('./ChangeDetailPage').then(({ ChangeDetailPage }) => ChangeDetailPage)),
    },
    {
      path: '/changes/confirm',
      element: lazyPage(() =>
        import('./MyConfirmationsPage').then(({ MyConfirmationsPage }) => MyConfirmationsPage),
      ),
    },
    {
      path: '/changes/equity-notices',
      element: lazyPage(() =>
        import('./EquityNoticesPage').then(({ EquityNoticesPage }) => EquityNoticesPage),
      ),
    },
    {
      path: '/changes/review',
      element: lazyPage(() => import('./ReviewPage').then(({ ChangeReviewPage }) => ChangeReviewPage)),
    },
  );
  companyPanels.push(lazyPanel(() => import('./CompanyPanel').then(({ ChangePanel }) => ChangePanel)));
  eventHandlers.push(changeEvents);
};
