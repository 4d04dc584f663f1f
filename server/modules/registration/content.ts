import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { Application, type ApplicationDraft } from '../../../shared/registration/application';
import { checkApplication, type ApplicationProblem } from '../../../shared/registration/capital-rules';
import type { ExistingCompanyName } from '../../../shared/registration/name-rules';
import { canonicalJson } from '../../../shared/licences/canonical-json';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';

/** Shared messages carry both languages as "中文 / English"; split them back. */
const splitMessage = (message: string): { zh: string; en: string } => {
  const at = message.indexOf(' / ');
  return at > 0
    ? text(message.slice(0, at), message.slice(at + 3))
    : text('此项未填写或格式不正确', 'Missing or not in the right format');
};

const incomplete = (error: z.ZodError): ApplicationProblem[] => {
  const seen = new Set<string>();
  const out: ApplicationProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ code: 'INCOMPLETE', severity: 'error', field, text: splitMessage(issue.message) });
  }
  return out;
};

export type Parsed =
  { complete: true; app: Application } | { complete: false; problems: ApplicationProblem[] };

/** The draft as a complete application, or what is missing, field by field. */
export const parseDraft = (draft: ApplicationDraft): Parsed => {
  const result = Application.safeParse(draft);
  return result.success
    ? { complete: true, app: result.data }
    : { complete: false, problems: incomplete(result.error) };
};

/** Every rule the draft breaks today: what is missing, or (when complete) the legal rules. */
export const checkDraft = (
  draft: ApplicationDraft,
  now: Date,
  existing?: readonly ExistingCompanyName[],
): { complete: boolean; problems: ApplicationProblem[]; app?: Application } => {
  const parsed = parseDraft(draft);
  if (!parsed.complete) return { complete: false, problems: parsed.problems };
  const problems = checkApplication(parsed.app, {
    establishmentDate: establishmentDate(now),
    ...(existing ? { existingCompanies: existing } : {}),
  });
  return { complete: true, problems, app: parsed.app };
};

/** A company is established on the day its registration is approved (China calendar). */
export const establishmentDate = (now: Date): string => chinaToday(now);

/** What everyone confirms: the complete application, canonically serialized and hashed. */
export const contentHash = (app: Application): string =>
  // Through JSON first: optional fields left undefined are simply absent, as they are when stored.
  createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(app))))
    .digest('base64url');

/** The hash of a draft if it is a complete application, else undefined. */
export const draftHash = (draft: ApplicationDraft): string | undefined => {
  const parsed = parseDraft(draft);
  return parsed.complete ? contentHash(parsed.app) : undefined;
};

export const hasErrors = (problems: readonly ApplicationProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
