import type { z } from 'zod';
import { readApiError } from './api-error';
import { fileNameFrom } from './file-name';

/** A refusal from the platform, with the code, a message for people and the field at fault. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type Session = { token: string | null; lang: 'zh' | 'en'; onUnauthenticated: () => void };

const session: Session = { token: null, lang: 'zh', onUnauthenticated: () => undefined };

export const configureApi = (patch: Partial<Session>): void => {
  Object.assign(session, patch);
};

export const apiHeaders = (): Record<string, string> => ({
  'x-lang': session.lang,
  ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
});

type RequestOptions = { idempotencyKey?: string; signal?: AbortSignal };

const request = async <T>(
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> => {
  const headers: Record<string, string> = { ...apiHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    throw new ApiRequestError(
      0,
      'NETWORK',
      session.lang === 'zh'
        ? '无法连接到服务，请检查网络后重试。'
        : 'Cannot reach the service; check the connection and retry.',
    );
  }
  const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const refusal = readApiError(json);
    if (res.status === 401 && session.token) session.onUnauthenticated();
    if (refusal) throw new ApiRequestError(res.status, refusal.code, refusal.message, refusal.field);
    throw new ApiRequestError(res.status, 'HTTP_' + res.status, res.statusText);
  }
  // The client checks answers against the same shared schemas the server validates with.
  return schema.parse(json);
};

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, options?: RequestOptions) =>
    request('GET', path, schema, undefined, options),
  post: <T>(path: string, body: unknown, schema: z.ZodType<T>, options?: RequestOptions) =>
    request('POST', path, schema, body ?? {}, options),
  put: <T>(path: string, body: unknown, schema: z.ZodType<T>, options?: RequestOptions) =>
    request('PUT', path, schema, body, options),
  delete: <T>(path: string, schema: z.ZodType<T>, options?: RequestOptions) =>
    request('DELETE', path, schema, undefined, options),
  /**
   * Downloads a file (PDF, Excel) with the session's authorization, saved under the name the
   * platform gives it (dated, in the reader's language); `fileName` only if it gives none.
   */
  download: async (path: string, fileName: string): Promise<void> => {
    const res = await fetch(path, { headers: apiHeaders() });
    if (!res.ok) {
      const refusal = readApiError(await res.json().catch(() => undefined));
      throw refusal
        ? new ApiRequestError(res.status, refusal.code, refusal.message)
        : new ApiRequestError(res.status, 'HTTP_' + res.status, res.statusText);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileNameFrom(res.headers.get('content-disposition'), fileName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/** A fresh key per user intent: reuse it for retries of the same submission. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
