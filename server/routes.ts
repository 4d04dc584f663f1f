import type { AnyRouteSpec } from './http/route';
import { systemRoutes } from './modules/system/routes';
import { identityRoutes } from './modules/identity/routes';
import { faceEnrolRoutes } from './modules/identity/face-enrol';
import { companyRoutes } from './modules/companies/routes';
import { inboxRoutes } from './modules/inbox/routes';
import { eventRoutes } from './modules/events/routes';
import { delegationRoutes } from './modules/delegation/routes';
import { licenceRoutes } from './modules/licences/routes';
import { registrationRoutes } from './modules/registration/routes';
import { taxRoutes } from './modules/tax/routes';
import { firmRoutes } from './modules/firms/routes';
import { annualReportRoutes } from './modules/annual-reports';

/** Every route of the platform; modules add theirs here. */
export const allRoutes: readonly AnyRouteSpec[] = [
  ...systemRoutes,
  ...identityRoutes,
  ...faceEnrolRoutes,
  ...companyRoutes,
  ...inboxRoutes,
  ...eventRoutes,
  ...delegationRoutes,
  ...licenceRoutes,
  ...registrationRoutes,
  ...taxRoutes,
  ...firmRoutes,
  ...annualReportRoutes,
];
