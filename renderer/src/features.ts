import { registerDelegation } from './features/delegation/register';
import { registerRegistration } from './features/registration/register';
import { registerLicences } from './features/licences/register';
import { registerTax } from './features/tax/register';
import { registerFirms } from './features/firms/register';
import { registerAnnualReports } from './features/annual-reports/register';
import { registerChanges } from './features/changes/register';
import { registerApprovals } from './features/approvals/register';
import { registerCounter } from './features/counter/register';
import { registerSeals } from './features/seals/register';
import { registerTodos } from './features/todos/register';
import { registerDeregistration } from './features/deregistration/register';
/**
 * Registers every feature's routes, panels, widgets, event handlers and messages, explicitly and
 * once at bootstrap (never as a side effect of importing a module).
 */
export const registerFeatures = (): void => {
  registerDelegation();
  registerRegistration();
  registerLicences();
  registerTax();
  registerFirms();
  registerAnnualReports();
  registerChanges();
  registerApprovals();
  registerCounter();
  registerSeals();
  registerTodos();
  registerDeregistration();
};
