import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
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
  new HttpError(401, 'UNAUTHENTICATED', text('请先登录，或登录已过期，请重新登录。', 'Please sign in; your session is missing or has expired.'));

export const notFound = (what: LocalizedText): HttpError =>
  new HttpError(404, 'NOT_FOUND', text(`未找到${what.zh}。`, `${what.en} not found.`));

export const forbidden = (code: string, t: LocalizedText): HttpError => new HttpError(403, code, t);

const zodPath = (path: PropertyKey[]): string => path.map(String).join('.');

/** Maps Fastify's own client errors (bad JSON, huge body, wrong media type) to the envelope. */
const fastifyClientError = (err: FastifyError): { status: number; code: string; t: LocalizedText } | undefined => {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'MALFORMED_JSON', t: text('请求内容不是有效的 JSON。', 'The request body is not valid JSON.') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'BODY_TOO_LARGE', t: text('提交的内容过大。', 'The request body is too large.') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', t: text('不支持的内容类型。', 'Unsupported content type.') };
    default:
      if (err.statusCode === 429)
        return { status: 429, code: 'RATE_LIMITED', t: text('操作过于频繁，请稍后再试。', 'Too many requests; please wait a moment and try again.') };
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
        return { status: err.statusCode, code: 'BAD_REQUEST', t: text('请求无效。', 'The request is invalid.') };
      return undefined;
  }
};

export const zodToDomain = (e: ZodError, prefix: string): DomainError => {
  const issue = e.issues[0];
  const field = issue ? zodPath(issue.path) : undefined;
  const where = field ? `「${field}」` : '';
  const unknownKeys = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
  const t = unknownKeys
    ? text(`请求中包含不支持的字段：${unknownKeys}。`, `Unknown field(s) in the request: ${unknownKeys}.`)
    : text(`${prefix}字段${where}无效：${issue?.message ?? ''}`, `Invalid field ${field ?? ''}: ${issue?.message ?? ''}`);
  return new DomainError('INVALID_REQUEST', t, field ? { field, status: 422 } : { status: 422 });
};

export const errorHandler = (err: unknown, request: FastifyRequest, reply: FastifyReply): void => {
  const lang = requestLang(request);
  if (err instanceof DomainError) {
    void reply.status(err.status).send({ error: { code: err.code, message: err.text[lang], ...(err.field ? { field: err.field } : {}) } });
    return;
  }
  if (err instanceof ZodError) {
    const d = zodToDomain(err, '');
    void reply.status(422).send({ error: { code: d.code, message: d.text[lang], ...(d.field ? { field: d.field } : {}) } });
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
    error: { code: 'INTERNAL', message: lang === 'zh' ? '服务暂时出现问题，请稍后再试。' : 'Something went wrong on our side; please try again.' },
  });
};
