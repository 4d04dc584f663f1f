import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { homeWidgets, reviewerHomeWidgets } from '../../app/home-widgets';
import { eventHandlers } from '../../app/event-handlers';

/** Company registration: wizard, confirmations, reviewer queue, home widgets, live refresh. */
export const registerRegistration = (): void => {
  featureRoutes.signedIn.push(
    {
      path: '/registration/review',
      element: lazyPage(() => import('./ReviewPages').then(({ ReviewQueuePage }) => ReviewQueuePage)),
    },
    {
      path: '/registration/review/:applicationId',
      element: lazyPage(() => import('./ReviewPages').then(({ ReviewDetailPage }) => ReviewDetailPage)),
    },
    {
      path: '/registration/confirm/:confirmationId',
      element: lazyPage(() => import('./ConfirmPages').then(({ ConfirmPage }) => ConfirmPage)),
    },
    {
      path: '/registration/:applicationId',
      element: lazyPage(() => import('./WizardPage').then(({ WizardPage }) => WizardPage)),
    },
  );
  // `/c/<token>` is the short form in QR codes; `/registration/confirm-link/<token>` how older links read.
  const linkConfirm = lazyPage(() => import('./ConfirmPages').then(({ LinkConfirmPage }) => LinkConfirmPage));
  featureRoutes.open.push(
    { path: '/c/:token', element: linkConfirm },
    { path: '/registration/confirm-link/:token', element: linkConfirm },
  );
  reviewerHomeWidgets.push(
    lazyPanel(() => import('./RegistrationWidget').then(({ ReviewWidget }) => ReviewWidget), {
      skeleton: false,
    }),
  );
  homeWidgets.push(
    lazyPanel(() => import('./RegistrationWidget').then(({ RegistrationWidget }) => RegistrationWidget)),
  );
  eventHandlers.push((event, queryClient) => {
    switch (event.type) {
      case 'registration.updated':
        void queryClient.invalidateQueries({ queryKey: ['registration'] });
        void queryClient.invalidateQueries({ queryKey: ['companies'] });
        return undefined;
      default:
        return undefined;
    }
  });
};
