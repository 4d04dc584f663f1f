import { createElement } from 'react';
import { featureRoutes } from '../../app/feature-routes';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers } from '../../app/event-handlers';
import { featureMessages } from '../../i18n/features';
import { firmMessages } from './i18n';
import { FirmIndex, FirmWorkspace } from './FirmWorkspace';
import { BatchPage } from './BatchPage';
import { FirmHomeWidget } from './HomeWidget';
import { firmEventHandler } from './events';

/** The firm workspace: roster, ledger, batches, staff and groups; a home widget for members; live batch progress. */
export const registerFirms = (): void => {
  featureMessages.zh.firms = firmMessages.zh;
  featureMessages.en.firms = firmMessages.en;
  featureRoutes.signedIn.push(
    { path: '/firm', element: createElement(FirmIndex) },
    { path: '/firm/:firmId/batches/:batchId', element: createElement(BatchPage) },
    { path: '/firm/:firmId/:tab?', element: createElement(FirmWorkspace) },
  );
  homeWidgets.unshift(FirmHomeWidget);
  eventHandlers.push(firmEventHandler);
};
