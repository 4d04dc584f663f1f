import type { Route } from './http/route';
import { systemRoutes } from './modules/system/routes';
import { identityRoutes } from './modules/identity/routes';
import { signUpRoutes } from './modules/sign-up/routes';
import { companyRoutes } from './modules/companies/routes';
import { inboxRoutes } from './modules/inbox/routes';
import { eventRoutes } from './modules/events/routes';
import { delegationRoutes } from './modules/delegation/routes';
import { licenceRoutes } from './modules/licences/routes';
import { registrationRoutes } from './modules/registration/routes';
import { taxRoutes } from './modules/tax/routes';
import { firmRoutes } from './modules/firms/routes';
import { annualReportRoutes } from './modules/annual-reports';
import { changeRoutes } from './modules/changes';
import { approvalsRoutes } from './modules/approvals/routes';
import { sealRoutes } from './modules/seals';
import { deregistrationRoutes } from './modules/deregistration';
import { todoRoutes } from './modules/todos';

/** Every route of the platform; modules add theirs here. */
export const allRoutes: readonly Route[] = [
  ...systemRoutes,
  ...identityRoutes,
  ...signUpRoutes,
  ...companyRoutes,
  ...inboxRoutes,
  ...eventRoutes,
  ...delegationRoutes,
  ...licenceRoutes,
  ...registrationRoutes,
  ...taxRoutes,
  ...firmRoutes,
  ...annualReportRoutes,
  ...changeRoutes,
  ...approvalsRoutes,
  ...sealRoutes,
  ...deregistrationRoutes,
  ...todoRoutes,
];
