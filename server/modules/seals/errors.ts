import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { chinaMinute } from '../../../shared/time/china';

export const notLegalRep = (): DomainError =>
  new DomainError(
    'NOT_LEGAL_REPRESENTATIVE',
    text(
      '只有法定代表人可以领取和管理电子印章。',
      'Only the legal representative may claim and manage the e-seals.',
    ),
  );
export const notClaimed = (): DomainError =>
  new DomainError(
    'SEALS_NOT_CLAIMED',
    text(
      '电子印章尚未由法定代表人领取并设置密码。',
      'The legal representative has not claimed the e-seals and set their PIN yet.',
    ),
  );
export const alreadyClaimed = (): DomainError =>
  new DomainError(
    'SEALS_ALREADY_CLAIMED',
    text('电子印章已领取。', 'The e-seals have already been claimed.'),
  );
export const noGrant = (): DomainError =>
  new DomainError(
    'SEAL_NO_GRANT',
    text('您没有使用该印章的授权（或授权已过期）。', 'You hold no (current) grant to use this seal.'),
  );
export const wrongPin = (left: number): DomainError =>
  new DomainError(
    'SEAL_PIN_WRONG',
    text(`印章密码错误，还可尝试 ${left} 次。`, `Wrong seal PIN; ${left} tries left.`),
    { field: 'pin' },
  );
export const sealLocked = (until: Date): DomainError =>
  new DomainError(
    'SEAL_LOCKED',
    text(
      `密码错误次数过多，该印章已对您锁定至 ${chinaMinute(until.toISOString())}（北京时间）。`,
      `Too many wrong PINs: this seal is locked for you until ${chinaMinute(until.toISOString())} (Beijing time).`,
    ),
  );
export const sealNotUsable = (why: 'revoked' | 'superseded' | 'expired' | 'deregistered'): DomainError => {
  const t = {
    revoked: text('该印章已注销，不能使用。', 'This seal has been revoked and cannot be used.'),
    superseded: text(
      '企业名称、法定代表人或类型变更后，原印章失效，请使用重新制发的印章。',
      'After a change of name, legal representative or type the old seal is void; use the re-issued one.',
    ),
    expired: text('该印章已过有效期。', 'This seal has expired.'),
    deregistered: text(
      '企业已注销，印章不能使用。',
      'The company is deregistered; its seals cannot be used.',
    ),
  }[why];
  return new DomainError('SEAL_NOT_USABLE', t);
};
export const faceRequired = (): DomainError =>
  new DomainError(
    'SEAL_FACE_REQUIRED',
    text(
      '需要先完成刷脸核验（或在复核时限内使用印章密码）。',
      'A live face check is needed first (or the PIN within your re-verification window).',
    ),
  );
export const faceCheckInvalid = (): DomainError =>
  new DomainError(
    'SEAL_FACE_CHECK_INVALID',
    text(
      '刷脸核验结果无效、已使用或已超时，请重新刷脸。',
      'The face check is unknown, used or too old; check again.',
    ),
    { field: 'faceCheckId' },
  );
