import { createElement } from 'react';
import { featureRoutes } from '../../app/feature-routes';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers } from '../../app/event-handlers';
import { featureMessages } from '../../i18n/features';
import { delegationMessages } from './i18n';
import { DelegationPanel } from './DelegationPanel';
import { GrantedPage } from './GrantedPage';
import { ApprovePage } from './ApprovePage';
import { DelegationHomeWidget } from './HomeWidget';
import { delegationEventHandler } from './events';

/** Delegated authorization: the agent's request panel, the legal representative's overview, the phone approval page. */
export const registerDelegation = (): void => {
  featureMessages.zh.delegation = delegationMessages.zh;
  featureMessages.en.delegation = delegationMessages.en;
  featureRoutes.signedIn.push({ path: '/delegations', element: createElement(GrantedPage) });
  // No sign-in on the phone: the link token identifies the request, the face is the credential.
  featureRoutes.open.push({ path: '/approve/:token', element: createElement(ApprovePage) });
  companyPanels.unshift(DelegationPanel);
  homeWidgets.push(DelegationHomeWidget);
  eventHandlers.push(delegationEventHandler);
};
