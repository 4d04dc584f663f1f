import { createElement } from 'react';
import { featureRoutes } from '../../app/feature-routes';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers } from '../../app/event-handlers';
import { featureMessages } from '../../i18n/features';
import { ConfirmPage, LinkConfirmPage } from './ConfirmPages';
import { registrationMessages } from './i18n';
import { RegistrationWidget, ReviewWidget } from './RegistrationWidget';
import { ReviewDetailPage, ReviewQueuePage } from './ReviewPages';
import { WizardPage } from './WizardPage';

/** Company registration: wizard, confirmations, reviewer queue, home widgets, live refresh. */
export const registerRegistration = (): void => {
  featureRoutes.signedIn.push(
    { path: '/registration/review', element: createElement(ReviewQueuePage) },
    { path: '/registration/review/:applicationId', element: createElement(ReviewDetailPage) },
    { path: '/registration/confirm/:confirmationId', element: createElement(ConfirmPage) },
    { path: '/registration/:applicationId', element: createElement(WizardPage) },
  );
  featureRoutes.open.push({
    path: '/registration/confirm-link/:token',
    element: createElement(LinkConfirmPage),
  });
  homeWidgets.push(ReviewWidget, RegistrationWidget);
  eventHandlers.push((event, queryClient) => {
    if (event.type === 'registration.updated') {
      void queryClient.invalidateQueries({ queryKey: ['registration'] });
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
    }
    return undefined;
  });
  Object.assign(featureMessages.zh, registrationMessages.zh);
  Object.assign(featureMessages.en, registrationMessages.en);
};
