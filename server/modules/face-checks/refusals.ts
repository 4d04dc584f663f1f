import { DomainError } from '../../../shared/domain-error';
import { FaceTemplate, type FaceRefusalCode } from '../../face/verifier';
import { FACE_REFUSAL_TEXT } from '../../face/refusal-text';
import { text } from '../../../shared/text';

/** The stored reference, if it is a usable template. */
export const templateOf = (raw: unknown): FaceTemplate | undefined => {
  const parsed = FaceTemplate.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

export const faceNotEnrolled = (): DomainError =>
  new DomainError(
    'FACE_NOT_ENROLLED',
    text(
      '身份信息库中还没有可比对的证件照，无法刷脸确认。请先在商通完成实名注册（身份证号、短信验证码、刷脸核验），或携带身份证到窗口核验。',
      'There is no authority portrait to compare with; complete the verified sign-up in Shangtong first (ID, SMS code, live face), or verify in person at a counter.',
    ),
  );

/**
 * The API code a refusal answers with (the words are in FACE_REFUSAL_TEXT). Its HTTP status is in
 * STATUS_OF_CODE: FACE_MISMATCH 403, FACE_TEMPLATE_OUTDATED 409, the others (bad frames) 422.
 */
export const refusalApiCode = (code: FaceRefusalCode): string =>
  code === 'TEMPLATE_MISMATCH' ? 'FACE_TEMPLATE_OUTDATED' : code === 'FACE_MISMATCH' ? code : `FACE_${code}`;

/**
 * A failed check's error: the reason and how many tries remain. A reference from another engine is
 * not the person's fault and is not counted, so it says nothing about tries.
 */
export const faceRefusal = (code: FaceRefusalCode, attemptsLeft: number): DomainError => {
  const t = FACE_REFUSAL_TEXT[code];
  const left =
    code === 'TEMPLATE_MISMATCH'
      ? text('', '')
      : text(`还可尝试 ${attemptsLeft} 次。`, ` ${attemptsLeft} attempt(s) left.`);
  return new DomainError(refusalApiCode(code), text(`${t.zh}${left.zh}`, `${t.en}${left.en}`));
};
