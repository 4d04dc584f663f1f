import { createElement } from 'react';
import { featureRoutes } from '../../app/feature-routes';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets } from '../../app/home-widgets';
import { eventHandlers } from '../../app/event-handlers';
import { featureMessages } from '../../i18n/features';
import { licenceMessages } from './i18n';
import { ApplicationPage } from './ApplicationPage';
import { ApplyPage } from './ApplyPage';
import { LicenceDetailPage } from './LicenceDetailPage';
import { LicenceHomeWidget } from './HomeWidget';
import { LicencePanel } from './LicencePanel';
import { ReviewPage } from './ReviewPage';
import { SharedPage } from './SharedPage';
import { VerifyPage } from './VerifyPage';
import { WalletPage } from './WalletPage';
import { licenceEventHandler } from './events';

/** E-licences: wallet, detail, sharing, 免证办 applications, review, and the public verification pages. */
export const registerLicences = (): void => {
  featureMessages.zh.licences = licenceMessages.zh;
  featureMessages.en.licences = licenceMessages.en;
  const company = '/companies/:companyId/licences';
  featureRoutes.signedIn.push(
    { path: company, element: createElement(WalletPage) },
    { path: `${company}/apply`, element: createElement(ApplyPage) },
    { path: `${company}/apply/:serviceCode`, element: createElement(ApplyPage) },
    { path: `${company}/applications/:applicationId`, element: createElement(ApplicationPage) },
    { path: `${company}/:licenceId`, element: createElement(LicenceDetailPage) },
    { path: '/review/licences', element: createElement(ReviewPage) },
  );
  // No sign-in: anyone scanning a licence QR code or opening a share link.
  featureRoutes.open.push(
    { path: '/v', element: createElement(VerifyPage) },
    { path: '/shared/:token', element: createElement(SharedPage) },
  );
  companyPanels.push(LicencePanel);
  homeWidgets.push(LicenceHomeWidget);
  eventHandlers.push(licenceEventHandler);
};
