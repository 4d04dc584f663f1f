import { type LocalizedText, text } from '../text';

/** A rule an application breaks, next to the field it is about. */
export type ApplicationProblem = {
  code: string;
  severity: 'error' | 'warning';
  /** Dotted path into the application, e.g. `shareholders.0.contribution.dueDate`. */
  field: string;
  text: LocalizedText;
};

export const problem = (
  code: string,
  field: string,
  zh: string,
  en: string,
  severity: 'error' | 'warning' = 'error',
): ApplicationProblem => ({ code, severity, field, text: text(zh, en) });
