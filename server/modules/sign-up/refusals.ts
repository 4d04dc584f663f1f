import type { AppContext } from '../../context';
import { writeAudit } from '../../audit/write';
import type { DomainError } from '../../../shared/domain-error';
import { text, type LocalizedText } from '../../../shared/text';
import type { NameVerdict } from '../identity-authority';

/** What the person is told when the authority says no. The ID itself is never echoed. */
export const AUTHORITY_REFUSALS: Record<
  Exclude<NameVerdict, { ok: true }>['reason'],
  { code: string; t: LocalizedText; field: string }
> = {
  NOT_IN_AUTHORITY: {
    code: 'IDENTITY_NOT_FOUND',
    t: text(
      '身份核验未通过：公民身份信息库中没有这个身份证号。请核对号码，或到窗口办理。',
      'Identity check failed: the identity authority has no record of this ID number. Check it, or verify in person at a counter.',
    ),
    field: 'residentId',
  },
  NAME_MISMATCH: {
    code: 'IDENTITY_NAME_MISMATCH',
    t: text(
      '身份核验未通过：姓名与身份证号不一致。',
      'Identity check failed: the name does not match the ID number.',
    ),
    field: 'name',
  },
  DECEASED: {
    code: 'IDENTITY_DECEASED',
    t: text(
      '身份核验未通过：该身份证号已注销（死亡）。',
      'Identity check failed: this ID number is closed (the person is deceased).',
    ),
    field: 'residentId',
  },
  CANCELLED: {
    code: 'IDENTITY_CANCELLED',
    t: text(
      '身份核验未通过：该身份证号已被注销。',
      'Identity check failed: this ID number has been cancelled.',
    ),
    field: 'residentId',
  },
};

/**
 * Audits a refused sign-up step (nobody is signed in: actor null) and returns the error to throw.
 * The audit names the step, the code and the masked ID, never the full ID or the frames.
 */
export const refuseSignUp = async <E extends DomainError>(
  ctx: AppContext,
  error: E,
  detail: {
    step: 'start' | 'phone' | 'face' | 'complete';
    residentIdMasked?: string;
    signUpId?: string;
  } & Record<string, unknown>,
): Promise<E> => {
  await writeAudit(ctx.db, {
    actorPersonId: null,
    actingAs: 'applicant',
    action: 'auth.sign-up-refused',
    detail: { code: error.code, ...detail },
  });
  return error;
};
