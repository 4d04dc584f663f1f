// Sentences for each refusal, for the route's DomainError (Chinese first, English second).
import { text, type LocalizedText } from '../../shared/text';
import type { FaceRefusalCode } from './verifier';

export const FACE_REFUSAL_TEXT: Record<FaceRefusalCode, LocalizedText> = {
  NOT_AN_IMAGE: text('上传的内容不是 JPEG 或 PNG 图片。', 'The upload is not a JPEG or PNG image.'),
  NO_FACE: text(
    '画面中没有检测到人脸，请正对摄像头并保持光线充足。',
    'No face was found. Face the camera in good light.',
  ),
  MULTIPLE_FACES: text(
    '画面中只能有一张人脸，请确保镜头前只有您本人。',
    'Only one face may be in view: make sure you are alone in front of the camera.',
  ),
  TOO_FEW_FRAMES: text(
    '采集的画面太少，请重新进行人脸核验。',
    'Too few frames were captured. Please start the face check again.',
  ),
  TOO_MANY_FRAMES: text(
    '采集的画面过多，请重新进行人脸核验。',
    'Too many frames were sent. Please start the face check again.',
  ),
  TEMPLATE_MISMATCH: text('您的人脸底图需要重新采集。', 'Your reference face needs to be enrolled again.'),
  LIVENESS_FAILED: text(
    '未能按顺序完成提示的动作（眨眼、转头），请重试。',
    'The requested actions (blink, head turns) were not seen in order. Please try again.',
  ),
  FACE_MISMATCH: text('人脸与本人登记信息不一致。', 'The face does not match the enrolled person.'),
};
