import { HttpError } from '../../http/errors';
import { FaceTemplate, type FaceRefusalCode } from '../../face/verifier';
import { text, type LocalizedText } from '../../../shared/text';

/** The stored reference, if it is a usable template. */
export const templateOf = (raw: unknown): FaceTemplate | undefined => {
  const parsed = FaceTemplate.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

export const faceNotEnrolled = (): HttpError =>
  new HttpError(
    409,
    'FACE_NOT_ENROLLED',
    text(
      '身份信息库中还没有可比对的证件照，无法刷脸确认。请先在商通完成实名注册（身份证号、短信验证码、刷脸核验），或携带身份证到窗口核验。',
      'There is no authority portrait to compare with; complete the verified sign-up in Shangtong first (ID, SMS code, live face), or verify in person at a counter.',
    ),
  );

export const refusalText: Record<FaceRefusalCode, { status: number; t: LocalizedText }> = {
  NOT_AN_IMAGE: {
    status: 422,
    t: text('提交的画面不是有效的图片。', 'A submitted frame is not a valid image.'),
  },
  NO_FACE: {
    status: 422,
    t: text(
      '画面中没有检测到人脸，请正对镜头、光线充足。',
      'No face was found; face the camera in good light.',
    ),
  },
  MULTIPLE_FACES: {
    status: 422,
    t: text(
      '画面中出现了不止一张人脸，请确保只有您本人。',
      'More than one face is in view; make sure only you are in the picture.',
    ),
  },
  TOO_FEW_FRAMES: {
    status: 422,
    t: text('采集的画面太少，请重新开始。', 'Too few frames were captured; start again.'),
  },
  TOO_MANY_FRAMES: {
    status: 422,
    t: text('采集的画面太多，请重新开始。', 'Too many frames were submitted; start again.'),
  },
  LIVENESS_FAILED: {
    status: 422,
    t: text(
      '未能确认您按提示完成了动作，请按提示重新做一遍。',
      'We could not confirm the requested movements; follow the prompts and try again.',
    ),
  },
  FACE_MISMATCH: {
    status: 403,
    t: text(
      '人脸与法定代表人登记的照片不一致。',
      'The face does not match the legal representative’s enrolled photo.',
    ),
  },
  TEMPLATE_MISMATCH: {
    status: 409,
    t: text(
      '登记的人脸需要重新采集，请先更新人脸登记。',
      'The enrolled face must be re-enrolled before it can be compared.',
    ),
  },
};

/** The API code a refusal answers with. */
export const refusalApiCode = (code: FaceRefusalCode): string =>
  code === 'TEMPLATE_MISMATCH' ? 'FACE_TEMPLATE_OUTDATED' : code === 'FACE_MISMATCH' ? code : `FACE_${code}`;

/**
 * A failed check's error: the reason and how many tries remain. A reference from another engine is
 * not the person's fault and is not counted, so it says nothing about tries.
 */
export const faceRefusal = (code: FaceRefusalCode, attemptsLeft: number): HttpError => {
  const { status, t } = refusalText[code];
  const left =
    code === 'TEMPLATE_MISMATCH'
      ? text('', '')
      : text(`还可尝试 ${attemptsLeft} 次。`, ` ${attemptsLeft} attempt(s) left.`);
  return new HttpError(status, refusalApiCode(code), text(`${t.zh}${left.zh}`, `${t.en}${left.en}`));
};
