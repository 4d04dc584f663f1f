import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type z } from 'zod';
import { DomainError } from '../../shared/domain-error';
import { text, type LocalizedText } from '../../shared/text';
import { requestLang } from './lang';

/** An HTTP-level refusal (auth, not found, conflict…) with a code and a sentence in both languages. */
export class HttpError extends DomainError {
  constructor(status: number, code: string, t: LocalizedText, field?: string) {
    super(code, t, field === undefined ? { status } : { status, field });
    this.name = 'HttpError';
  }
}

export const unauthorized = (): HttpError =>
  new HttpError(
    401,
    'UNAUTHENTICATED',
    text('请先登录，或登录已过期，请重新登录。', 'Please sign in; your session is missing or has expired.'),
  );

export const notFound = (what: LocalizedText): HttpError =>
  new HttpError(404, 'NOT_FOUND', text(`未找到${what.zh}。`, `${what.en} not found.`));

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
  return new DomainError('INVALID_REQUEST', t, field ? { field, status: 422 } : { status: 422 });
};

export const errorHandler = (err: unknown, request: FastifyRequest, reply: FastifyReply): void => {
  const lang = requestLang(request);
  if (err instanceof DomainError) {
    void reply.status(err.status).send({
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
