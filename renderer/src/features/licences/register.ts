import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';
import { homeWidgets, reviewerHomeWidgets } from '../../app/home-widgets';
import { eventHandlers, lazyEventHandler } from '../../app/event-handlers';

/** E-licences: wallet, detail, sharing, 免证办 applications, review, and the public verification pages. */
export const registerLicences = (): void => {
  const company = '/companies/:companyId/licences';
  // One element for both: picking a service keeps the page (and what was typed) mounted.
  const apply = lazyPage(() => import('./ApplyPage').then(({ ApplyPage }) => ApplyPage));
  featureRoutes.signedIn.push(
    { path: company, element: lazyPage(() => import('./WalletPage').then(({ WalletPage }) => WalletPage)) },
    { path: `${company}/apply`, element: apply },
    { path: `${company}/apply/:serviceCode`, element: apply },
    {
      path: `${company}/applications/:applicationId`,
      element: lazyPage(() => import('./ApplicationPage').then(({ ApplicationPage }) => ApplicationPage)),
    },
    {
      path: `${company}/:licenceId`,
      element: lazyPage(() =>
        import('./LicenceDetailPage').then(({ LicenceDetailPage }) => LicenceDetailPage),
      ),
    },
    {
      path: '/review/licences',
      element: lazyPage(() => import('./ReviewPage').then(({ ReviewPage }) => ReviewPage)),
    },
  );
  const verify = lazyPage(() => import('./VerifyPage').then(({ VerifyPage }) => VerifyPage));
  // No sign-in: anyone scanning a licence QR code or opening a share link.
  featureRoutes.open.push(
    { path: '/v', element: verify },
    // The printed QR: a short code the page resolves to the signed seal.
    { path: '/v/:code', element: verify },
    {
      path: '/shared/:token',
      element: lazyPage(() => import('./SharedPage').then(({ SharedPage }) => SharedPage)),
    },
  );
  companyPanels.push(lazyPanel(() => import('./LicencePanel').then(({ LicencePanel }) => LicencePanel)));
  homeWidgets.push(
    lazyPanel(() => import('./HomeWidget').then(({ LicenceHomeWidget }) => LicenceHomeWidget), {
      skeleton: false,
    }),
  );
  reviewerHomeWidgets.push(
    lazyPanel(() => import('./HomeWidget').then(({ ReviewerNotice }) => ReviewerNotice), {
      skeleton: false,
    }),
  );
  eventHandlers.push(
    lazyEventHandler(() => import('./events').then(({ licenceEventHandler }) => licenceEventHandler)),
  );
};
