import { delegationMessages } from '../features/delegation/i18n';
import { registrationMessages } from '../features/registration/i18n';
import { licenceMessages } from '../features/licences/i18n';
import { taxMessages } from '../features/tax/i18n';
import { firmMessages } from '../features/firms/i18n';
import { annualMessages } from '../features/annual-reports/i18n';
import { changeMessages } from '../features/changes/i18n';
import { approvalsMessages } from '../features/approvals/i18n';
import { counterMessages } from '../features/counter/i18n';
import { sealMessages } from '../features/seals/i18n';
import { deregistrationMessages } from '../features/deregistration/i18n';
import { todosMessages } from '../features/todos/i18n';

type Messages = Record<string, unknown>;

/**
 * Every feature's messages under its namespace (registration's keys sit at the top level). Not
 * part of the first download: i18n/index.ts fetches this module for the signed-in frame and the
 * feature pages (loadFeatureMessages), so the sign-in page needs only the common messages.
 */
export const featureMessages: { zh: Messages; en: Messages } = {
  zh: {
    delegation: delegationMessages.zh,
    ...registrationMessages.zh,
    licences: licenceMessages.zh,
    tax: taxMessages.zh,
    firms: firmMessages.zh,
    annual: annualMessages.zh,
    changes: changeMessages.zh,
    approvals: approvalsMessages.zh,
    counter: counterMessages.zh,
    seals: sealMessages.zh,
    dereg: deregistrationMessages.zh,
    todos: todosMessages.zh,
  },
  en: {
    delegation: delegationMessages.en,
    ...registrationMessages.en,
    licences: licenceMessages.en,
    tax: taxMessages.en,
    firms: firmMessages.en,
    annual: annualMessages.en,
    changes: changeMessages.en,
    approvals: approvalsMessages.en,
    counter: counterMessages.en,
    seals: sealMessages.en,
    dereg: deregistrationMessages.en,
    todos: todosMessages.en,
  },
};
