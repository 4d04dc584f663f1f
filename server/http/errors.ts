import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type z } from 'zod';
import { DomainError } from '../../shared/domain-error';
import { text, type LocalizedText } from '../../shared/text';
import { requestLang } from './lang';

/** A refusal with an explicit HTTP status, for the HTTP layer (routes, authorization). */
export class HttpError extends DomainError {
  readonly status: number;

  constructor(status: number, code: string, t: LocalizedText, field?: string) {
    super(code, t, field === undefined ? {} : { field });
    this.name = 'HttpError';
    this.status = status;
  }
}

/**
 * The one table from a domain error's code to its HTTP status. Domain code throws
 * `DomainError(code, text, {field})` and never names a status; a code not listed here is a
 * refusal of the input (422). `HttpError` (an explicit status) remains for the HTTP layer itself.
 */
const STATUS_OF_CODE: Readonly<Record<string, number | ((e: DomainError) => number)>> = {
  // Malformed input
  MALFORMED_QR: 400,
  // Not signed in, or wrong credentials
  BAD_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  // Signed in, but not allowed (incl. the refusals of server/auth/authorize.ts, and a face that is not the person's)
  DELEGATION_CANCELLED: 403,
  DELEGATION_EXPIRED: 403,
  DELEGATION_NOT_YET_VALID: 403,
  DELEGATION_PENDING: 403,
  DELEGATION_REJECTED: 403,
  DELEGATION_REVOKED: 403,
  DELEGATION_USED: 403,
  FACE_MISMATCH: 403,
  FIRM_ADMIN_ONLY: 403,
  IDENTITY_CANCELLED: 403,
  IDENTITY_DECEASED: 403,
  NO_DELEGATION: 403,
  NOT_CONNECTED: 403,
  NOT_IN_ACCESS_GROUP: 403,
  NOT_LEGAL_REPRESENTATIVE: 403,
  SCOPE_NOT_GRANTED: 403,
  LEGAL_REP_ONLY: 403,
  SEAL_NO_GRANT: 403,
  NOT_AN_INVESTOR: 403,
  // Unavailable
  SMS_NOT_CONFIGURED: 503,
  // Not found
  ANNUAL_REPORT_NOT_FILED: 404,
  BATCH_NOT_FOUND: 404,
  CALENDAR_FEED_NOT_FOUND: 404,
  NOTICE_NOT_FOUND: 404,
  CHALLENGE_UNKNOWN: 404,
  COMPANY_NOT_FOUND: 404,
  COMPANY_NOT_REGISTERED: 404,
  DISCLOSURE_COMPANY_NOT_FOUND: 404,
  FIRM_NOT_FOUND: 404,
  INVITE_NOT_FOUND: 404,
  LINK_INVALID: 404,
  VERIFY_CODE_UNKNOWN: 404,
  NOT_A_MEMBER: 404,
  NOT_FOUND: 404,
  SHARE_NOT_FOUND: 404,
  SIGN_UP_UNKNOWN: 404,
  SMS_CODE_UNKNOWN: 404,
  // Conflicts with the current state
  ABNORMAL_LIST_NOT_LISTED: 409,
  ACCOUNT_EXISTS: 409,
  NOTICE_ALREADY_ANSWERED: 409,
  PREEMPTION_WINDOW_OPEN: 409,
  ALREADY_CONFIRMED: 409,
  ALREADY_DECIDED: 409,
  CHANGE_IN_PROGRESS: 409,
  CHANGE_WRONG_STATE: 409,
  REDUCTION_CLAIM_WINDOW_OPEN: 409,
  ANNUAL_REPORT_ALREADY_FILED: 409,
  COMPANY_ON_ABNORMAL_LIST: 409,
  ALREADY_MEMBER: 409,
  ALREADY_SUBMITTED: 409,
  APPLICATION_NOT_EDITABLE: 409,
  APPLICATION_STATE: 409,
  AUTHORITY_NO_PORTRAIT: 409,
  BUREAU_REJECTED: 409,
  CHALLENGE_USED: 409,
  CHECKLIST_CHANGED: 409,
  COMPUTATION_CHANGED: 409,
  CONFIRMATIONS_NOT_REQUESTED: 409,
  CONFIRMATIONS_PENDING: 409,
  CONFIRMATIONS_STALE: 409,
  CONFIRMATION_METHOD: 409,
  CONFIRMATION_STALE: 409,
  CONSENT_MISMATCH: 409,
  DELEGATION_CHANGED: 409,
  DELEGATION_STATE_CONFLICT: 409,
  DRAFT_CHANGED_ELSEWHERE: 409,
  DRAFT_IN_PROGRESS: 409,
  FACE_NOT_ENROLLED: 409,
  FACE_TEMPLATE_OUTDATED: 409,
  FACE_CHECK_REQUIRED: 403,
  COUNTER_SELF: 403,
  FACE_CONSENT_REQUIRED: 409,
  FACE_CONSENT_REFUSED: 409,
  FACE_CHECK_LOCKED: 429,
  GRANTOR_CHANGED: 409,
  GROUP_NAME_TAKEN: 409,
  LAST_ADMIN: 409,
  LEGAL_REP_NEEDS_NO_AUTHORIZATION: 409,
  LICENCE_CHANGED_SINCE_CHECKLIST: 409,
  LICENCE_EXPIRED: 409,
  LICENCE_EXPIRED_SINCE_CHECKLIST: 409,
  LICENCE_NOT_ACTIVE: 409,
  LICENCE_REVOKED: 409,
  LICENCE_REVOKED_SINCE_CHECKLIST: 409,
  LICENCE_SUPERSEDED: 409,
  LINK_USED: 409,
  NAME_TAKEN: 409,
  NOTHING_TO_CORRECT: 409,
  NOT_IN_REVIEW: 409,
  PAYMENT_ALREADY_PAID: 409,
  PAYMENT_CANCELLED: 409,
  PERIOD_ALREADY_FILED: 409,
  PERIOD_HAS_SALES: 409,
  PHONE_TAKEN: 409,
  RENEWAL_NOT_POSSIBLE: 409,
  RENEWAL_TOO_EARLY: 409,
  REQUEST_ALREADY_PENDING: 409,
  NO_FIRM_TO_REPLACE: 409,
  REQUEST_NOT_PENDING: 409,
  SHARE_ALREADY_REVOKED: 409,
  SIGN_UP_DONE: 409,
  SIGN_UP_PHONE_FIRST: 409,
  SMS_CODE_USED: 409,
  SEALS_ALREADY_CLAIMED: 409,
  DEREGISTRATION_INELIGIBLE: 409,
  DEREGISTRATION_STATE: 409,
  SEALS_NOT_CLAIMED: 409,
  SEAL_FACE_REQUIRED: 409,
  SEAL_NOT_USABLE: 409,
  // Gone: expired, cancelled or revoked
  CHALLENGE_EXPIRED: 410,
  LINK_EXPIRED: 410,
  PREEMPTION_WINDOW_OVER: 410,
  REQUEST_CANCELLED: 410,
  SHARE_EXPIRED: 410,
  SHARE_REVOKED: 410,
  SIGN_UP_EXPIRED: 410,
  SMS_CODE_EXPIRED: 410,
  // Too large, or of a type not accepted
  FILE_TOO_LARGE: 413,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_TYPE_MISMATCH: 415,
  UPLOAD_TYPE_NOT_ALLOWED: 415,
  // Locked for a while
  ACCOUNT_LOCKED: 423,
  CONFIRMATION_LOCKED: 423,
  REQUEST_LOCKED: 423,
  SIGN_UP_LOCKED: 423,
  SMS_CODE_LOCKED: 423,
  // Too many tries for now
  SIGN_UP_TOO_MANY: 429,
  SMS_DAILY_LIMIT: 429,
  SMS_RESEND_TOO_SOON: 429,
  SEAL_LOCKED: 423,
  // Failed on the platform's side
  APPROVAL_FAILED: 500,
  // Unavailable for now; retry later
  TAX_FILING_UNAVAILABLE: 503,
  // The same code for a path and a body: a group or client named in the path is not found (404),
  // one referenced by a field of the body is invalid input (422).
  GROUP_NOT_FOUND: (e) => (e.field === undefined ? 404 : 422),
  NOT_A_CLIENT: (e) => (e.field === undefined ? 404 : 422),
};

/** The HTTP status a domain error answers with. */
export const httpStatusOf = (e: DomainError): number => {
  if (e instanceof HttpError) return e.status;
  const s = STATUS_OF_CODE[e.code];
  return s === undefined ? 422 : typeof s === 'number' ? s : s(e);
};

export const unauthorized = (): DomainError =>
  new DomainError(
    'UNAUTHENTICATED',
    text('请先登录，或登录已过期，请重新登录。', 'Please sign in; your session is missing or has expired.'),
  );

export const notFound = (what: LocalizedText): DomainError =>
  new DomainError('NOT_FOUND', text(`未找到${what.zh}。`, `${what.en} not found.`));

export const forbidden = (code: string, t: LocalizedText): HttpError => new HttpError(403, code, t);

const zodPath = (path: PropertyKey[]): string => path.map(String).join('.');

/** Maps Fastify's own client errors (bad JSON, huge body, wrong media type) to the envelope. */
const fastifyClientError = (
  err: FastifyError,
): { status: number; code: string; t: LocalizedText } | undefined => {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'MALFORMED_JSON',
        t: text('请求内容不是有效的 JSON。', 'The request body is not valid JSON.'),
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'BODY_TOO_LARGE',
        t: text('提交的内容过大。', 'The request body is too large.'),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        t: text('不支持的内容类型。', 'Unsupported content type.'),
      };
    default:
      if (err.statusCode === 429)
        return {
          status: 429,
          code: 'RATE_LIMITED',
          t: text('操作过于频繁，请稍后再试。', 'Too many requests; please wait a moment and try again.'),
        };
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
        return {
          status: err.statusCode,
          code: 'BAD_REQUEST',
          t: text('请求无效。', 'The request is invalid.'),
        };
      return undefined;
  }
};

/** Explains a zod issue in both languages (zod's own messages are English-only and technical). */
const explainIssue = (issue: z.core.$ZodIssue): LocalizedText => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? text('此项必填。', 'This is required.')
        : text(`类型不正确，应为 ${issue.expected}。`, `Wrong type; expected ${issue.expected}.`);
    case 'too_small':
      return text(
        `过短或过小（至少 ${String(issue.minimum)}）。`,
        `Too short or too small (minimum ${String(issue.minimum)}).`,
      );
    case 'too_big':
      return text(
        `过长或过大（至多 ${String(issue.maximum)}）。`,
        `Too long or too large (maximum ${String(issue.maximum)}).`,
      );
    case 'invalid_format':
      return text(`格式不正确（${issue.format}）。`, `Wrong format (${issue.format}).`);
    case 'invalid_value':
      return text(
        `取值应为以下之一：${issue.values.map(String).join('、')}。`,
        `Must be one of: ${issue.values.map(String).join(', ')}.`,
      );
    case 'unrecognized_keys':
      return text(
        `请求中包含不支持的字段：${issue.keys.join('、')}。`,
        `Unknown field(s) in the request: ${issue.keys.join(', ')}.`,
      );
    default:
      return text(issue.message, issue.message);
  }
};

export const zodToDomain = (e: ZodError): DomainError => {
  const issue = e.issues[0];
  const field = issue && issue.path.length > 0 ? zodPath(issue.path) : undefined;
  const why = issue ? explainIssue(issue) : text('请求无效。', 'Invalid request.');
  const t = field ? text(`字段「${field}」：${why.zh}`, `Field "${field}": ${why.en}`) : why;
  return new DomainError('INVALID_REQUEST', t, field ? { field } : {});
};

export const errorHandler = (err: unknown, request: FastifyRequest, reply: FastifyReply): void => {
  const lang = requestLang(request);
  if (err instanceof DomainError) {
    void reply.status(httpStatusOf(err)).send({
      error: { code: err.code, message: err.text[lang], ...(err.field ? { field: err.field } : {}) },
    });
    return;
  }
  if (err instanceof ZodError) {
    const d = zodToDomain(err);
    void reply
      .status(422)
      .send({ error: { code: d.code, message: d.text[lang], ...(d.field ? { field: d.field } : {}) } });
    return;
  }
  const fe = err as FastifyError;
  const client = fastifyClientError(fe);
  if (client) {
    void reply.status(client.status).send({ error: { code: client.code, message: client.t[lang] } });
    return;
  }
  request.log.error({ err }, 'unhandled error');
  void reply.status(500).send({
    error: {
      code: 'INTERNAL',
      message:
        lang === 'zh'
          ? '服务暂时出现问题，请稍后再试。'
          : 'Something went wrong on our side; please try again.',
    },
  });
};
