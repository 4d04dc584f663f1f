import type { z } from 'zod';
import {
  pathOf,
  queryString,
  type CallInput,
  type Contract,
  type UrlInput,
  type ResponseOf,
} from '../../../shared/api/contract';
import { readApiError } from './api-error';
import { fileNameFrom } from './file-name';
import type { UiLang } from '../../../shared/text';
import { toHongKong } from '../i18n/hong-kong';

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

type Session = { token: string | null; lang: UiLang; onUnauthenticated: () => void };

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
      session.lang !== 'en'
        ? '无法连接到服务，请检查网络后重试。'
        : 'Cannot reach the service; check the connection and retry.',
    );
  }
  const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const refusal = readApiError(json);
    if (res.status === 401 && session.token) session.onUnauthenticated();
    // The server speaks 简体 or English; a 繁體 reader gets its refusal converted.
    const message = refusal && session.lang === 'zh-HK' ? toHongKong(refusal.message) : refusal?.message;
    if (refusal)
      throw new ApiRequestError(res.status, refusal.code, message ?? refusal.message, refusal.field);
    throw new ApiRequestError(res.status, 'HTTP_' + res.status, res.statusText);
  }
  // The client checks answers against the same shared schemas the server validates with.
  return schema.parse(json);
};

/** Input is optional when the contract needs none (no params, query, body or idempotency key). */
type CallArgs<C extends Contract> =
  object extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

/** Only the parts of the input that make an address. */
type UrlArgs<C extends Contract> = object extends UrlInput<C> ? [input?: UrlInput<C>] : [input: UrlInput<C>];

/** What the implementations below read of any contract's input. */
type LooseInput = {
  params?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
};

/** The address of a contract's endpoint with its params and query filled in (links, downloads). */
export function urlOf<C extends Contract>(contract: C, ...args: UrlArgs<C>): string;
export function urlOf(contract: Contract, input?: LooseInput): string {
  return addressOf(contract, input);
}

const addressOf = (contract: Contract, input: LooseInput | undefined): string =>
  pathOf(contract.path, input?.params) + queryString(input?.query);

/**
 * Calls an endpoint through its contract: the path is filled from `params`, `query` serialized,
 * `body` sent as JSON, the Idempotency-Key sent where the contract is a submission, and the answer
 * checked with the contract's own response schema.
 */
function call<C extends Contract>(contract: C, ...args: CallArgs<C>): Promise<ResponseOf<C>>;
function call(contract: Contract, input?: LooseInput): Promise<unknown> {
  const schema = contract.response;
  if (!schema) throw new Error(`${contract.path} is not a JSON endpoint; use api.download`);
  const body = input?.body ?? (contract.method === 'POST' ? {} : undefined);
  return request(contract.method, addressOf(contract, input), schema, body, {
    ...(input?.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(input?.signal ? { signal: input.signal } : {}),
  });
}

export const api = {
  /**
   * Calls an endpoint through its contract: the path is filled from `params`, `query` serialized,
   * `body` sent as JSON, the Idempotency-Key sent where the contract is a submission, and the answer
   * checked with the contract's own response schema.
   */
  call,
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
/**
 * 128 random bits, hex. Not `crypto.randomUUID()`: browsers offer it only in secure contexts, and a
 * phone on the LAN opens the platform over plain http (`--public-url http://<LAN address>:…`),
 * where it is missing; `getRandomValues` works in every context.
 */
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
