import { Form } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { type ApplicationDraft, stepSchemas } from '../../../../shared/registration/application';
import type { Problem, StepId } from '../../../../shared/api/registration';
import type { Lang } from '../../../../shared/text';

/** The wizard's pages: the six form steps, then check-confirm-submit. */
export const wizardSteps = [
  'basics',
  'domicile',
  'capital',
  'officers',
  'scope',
  'services',
  'review',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** Field messages by dotted path. */
export type FieldErrors = Record<string, string[]>;

export const stepOfField = (field: string): StepId => {
  const head = field.split('.')[0] ?? '';
  if (head === 'name' || head === 'companyType') return 'basics';
  if (head === 'domicile') return 'domicile';
  if (head === 'registeredCapital' || head === 'shareholders') return 'capital';
  if (head === 'officers' || head === 'people') return 'officers';
  if (head === 'businessScope') return 'scope';
  return 'services';
};

/** Shared schemas write "中文 / English"; zod's own messages get a plain sentence instead. */
const issueText = (issue: z.core.$ZodIssue, lang: Lang): string => {
  const at = issue.message.indexOf(' / ');
  if (at > 0) return lang === 'zh' ? issue.message.slice(0, at) : issue.message.slice(at + 3);
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return lang === 'zh' ? '此项必填' : 'This is required';
  if (issue.code === 'too_small') return lang === 'zh' ? '此项必填或过短' : 'Required or too short';
  return lang === 'zh' ? '格式不正确' : 'Not in the right format';
};

const add = (out: FieldErrors, field: string, message: string): void => {
  const list = out[field] ?? [];
  if (!list.includes(message)) list.push(message);
  out[field] = list;
};

/** The step's own schema (what "Next" requires), as field messages. */
export const stepErrors = (step: StepId, draft: ApplicationDraft, lang: Lang): FieldErrors => {
  const out: FieldErrors = {};
  const result = (stepSchemas[step] as z.ZodType).safeParse(draft);
  if (!result.success)
    for (const issue of result.error.issues)
      add(out, issue.path.map(String).join('.'), issueText(issue, lang));
  return out;
};

/** Problems the platform reported for this step's fields. */
export const problemErrors = (step: StepId, problems: readonly Problem[], lang: Lang): FieldErrors => {
  const out: FieldErrors = {};
  for (const p of problems)
    if (p.severity === 'error' && stepOfField(p.field) === step && p.code !== 'INCOMPLETE')
      add(out, p.field, p.text[lang]);
  return out;
};

export const merge = (...all: FieldErrors[]): FieldErrors => {
  const out: FieldErrors = {};
  for (const e of all) for (const [k, v] of Object.entries(e)) for (const m of v) add(out, k, m);
  return out;
};

/** Messages for a field and, when `deep`, for everything under it. */
export const errorsAt = (errors: FieldErrors, field: string, deep = false): string[] =>
  Object.entries(errors).flatMap(([k, v]) => (k === field || (deep && k.startsWith(`${field}.`)) ? v : []));

/** A labelled field with its messages underneath (label bound to the input by id). */
export const Field = ({
  id,
  label,
  errors,
  extra,
  children,
}: {
  id: string;
  label: ReactNode;
  errors?: string[] | undefined;
  extra?: ReactNode;
  children: ReactNode;
}) => (
  <Form.Item
    label={label}
    htmlFor={id}
    validateStatus={errors && errors.length > 0 ? 'error' : undefined}
    help={errors && errors.length > 0 ? errors.join('；') : undefined}
    extra={extra}
  >
    {children}
  </Form.Item>
);
