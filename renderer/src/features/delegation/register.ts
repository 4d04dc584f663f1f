import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, lazyEventHandler } from '../../app/event-handlers';

/** Delegated authorization: the agent's request panel, the legal representative's overview, the phone approval page. */
export const registerDelegation = (): void => {
  featureRoutes.signedIn.push({
    path: '/delegations',
    element: lazyPage(() => import('./GrantedPage').then(({ GrantedPage }) => GrantedPage)),
  });
  featureRoutes.signedIn.push({
    path: '/companies/:companyId/activity',
    element: lazyPage(() => import('./ActivityPage').then(({ ActivityPage }) => ActivityPage)),
  });
  // No sign-in on the phone: the link token identifies the request, the face is the credential.
  // `/a/<token>` is the short form in QR codes; `/approve/<token>` is how older links read.
  const approve = lazyPage(() => import('./ApprovePage').then(({ ApprovePage }) => ApprovePage));
  featureRoutes.open.push(
    { path: '/a/:token', element: approve },
    { path: '/approve/:token', element: approve },
  );
  companyPanels.unshift(
    lazyPanel(() => import('./DelegationPanel').then(({ DelegationPanel }) => DelegationPanel)),
  );
  homeWidgets.push(
    lazyPanel(() => import('./HomeWidget').then(({ DelegationHomeWidget }) => DelegationHomeWidget), {
      skeleton: false,
    }),
  );
  eventHandlers.push(
    lazyEventHandler(() => import('./events').then(({ delegationEventHandler }) => delegationEventHandler)),
  );
};
