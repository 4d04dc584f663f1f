import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, lazyEventHandler } from '../../app/event-handlers';

/** The legal representative's one queue: many approvals with one face check. */
export const registerApprovals = (): void => {
  featureRoutes.signedIn.push({
    path: '/approvals',
    element: lazyPage(() => import('./ApprovalsPage').then(({ ApprovalsPage }) => ApprovalsPage)),
  });
  eventHandlers.push(
    lazyEventHandler(() => import('./events').then(({ approvalsEventHandler }) => approvalsEventHandler)),
  );
  homeWidgets.unshift(
    lazyPanel(() => import('./HomeWidget').then(({ ApprovalsHomeWidget }) => ApprovalsHomeWidget), {
      skeleton: false,
    }),
  );
};
