import type { ApplicationDraft } from '../../../../../shared/registration/application';
import type { FieldErrors } from '../fields';

/** What every wizard step receives: the working draft, a way to change it, and field messages. */
export type StepProps = {
  draft: ApplicationDraft;
  patch: (fn: (d: ApplicationDraft) => void) => void;
  errors: FieldErrors;
  applicationId: string;
  readOnly: boolean;
};
