import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { companyPanels } from '../../app/company-panels';

/** E-seals: the company's seal page (claim, grants, signing) and the public signature verifier. */
export const registerSeals = (): void => {
  featureRoutes.signedIn.push({
    path: '/companies/:companyId/seals',
    element: lazyPage(() => import('./SealsPage').then(({ SealsPage }) => SealsPage)),
  });
  featureRoutes.open.push({
    path: '/verify-seal',
    element: lazyPage(() => import('./VerifySealPage').then(({ VerifySealPage }) => VerifySealPage)),
  });
  companyPanels.push(lazyPanel(() => import('./SealPanel').then(({ SealPanel }) => SealPanel)));
};
