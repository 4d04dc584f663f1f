import type { Route } from '../../http/route';
import { confirmRoutes } from './routes-confirm';
import { confirmFaceRoutes } from './routes-confirm-face';
import { draftRoutes } from './routes-drafts';
import { reviewRoutes } from './routes-review';

/** Company registration (企业开办): name check, drafts, confirmations, submission, review. */
export const registrationRoutes: readonly Route[] = [
  ...draftRoutes,
  ...confirmRoutes,
  ...confirmFaceRoutes,
  ...reviewRoutes,
];
