// The one table of face refusals: a sentence for each, Chinese first, English second. Enrolment and
// every face check (delegation approval, registration confirmation) answer with these words.
import { text, type LocalizedText } from '../../shared/text';
import type { FaceRefusalCode } from './verifier';

export const FACE_REFUSAL_TEXT: Record<FaceRefusalCode, LocalizedText> = {
  NOT_AN_IMAGE: text('提交的画面不是有效的图片。', 'A submitted frame is not a valid image.'),
  NO_FACE: text(
    '画面中没有检测到人脸，请正对镜头、光线充足。',
    'No face was found; face the camera in good light.',
  ),
  MULTIPLE_FACES: text(
    '画面中出现了不止一张人脸，请确保只有您本人。',
    'More than one face is in view; make sure only you are in the picture.',
  ),
  TOO_FEW_FRAMES: text('采集的画面太少，请重新开始。', 'Too few frames were captured; start again.'),
  TOO_MANY_FRAMES: text('采集的画面太多，请重新开始。', 'Too many frames were submitted; start again.'),
  LIVENESS_FAILED: text(
    '未能确认您按提示完成了动作，请按提示重新做一遍。',
    'We could not confirm the requested movements; follow the prompts and try again.',
  ),
  FACE_MISMATCH: text(
    '人脸与法定代表人登记的照片不一致。',
    'The face does not match the legal representative’s enrolled photo.',
  ),
  TEMPLATE_MISMATCH: text(
    '登记的人脸需要重新采集，请先更新人脸登记。',
    'The enrolled face must be re-enrolled before it can be compared.',
  ),
};
