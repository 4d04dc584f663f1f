import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers, lazyEventHandler } from '../../app/event-handlers';

/** The firm workspace: roster, ledger, batches, staff and groups; a home widget for members; live batch progress. */
export const registerFirms = (): void => {
  featureRoutes.signedIn.push(
    { path: '/firm', element: lazyPage(() => import('./FirmWorkspace').then(({ FirmIndex }) => FirmIndex)) },
    {
      path: '/firm/:firmId/batches/:batchId',
      element: lazyPage(() => import('./BatchPage').then(({ BatchPage }) => BatchPage)),
    },
    {
      path: '/firm/:firmId/:tab?',
      element: lazyPage(() => import('./FirmWorkspace').then(({ FirmWorkspace }) => FirmWorkspace)),
    },
  );
  homeWidgets.unshift(
    lazyPanel(() => import('./HomeWidget').then(({ FirmHomeWidget }) => FirmHomeWidget), { skeleton: false }),
  );
  eventHandlers.push(
    lazyEventHandler(() => import('./events').then(({ firmEventHandler }) => firmEventHandler)),
  );
};
