import type { Route } from '../../http/route';
import { applyRoutes } from './routes-apply';
import { publicLicenceRoutes } from './routes-public';
import { reviewRoutes } from './routes-review';
import { walletRoutes } from './routes-wallet';

/** E-licences: issuer keys and verification, wallet and sharing, 免证办 applications and review. */
export const licenceRoutes: Route[] = [
  ...publicLicenceRoutes,
  ...walletRoutes,
  ...applyRoutes,
  ...reviewRoutes,
];
