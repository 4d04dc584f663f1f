import type { z } from 'zod';
import type { ScopeKey } from '../delegation/scopes';

/**
 * Who may call an endpoint:
 * - public: anyone;
 * - user: any signed-in person;
 * - reviewer: authority staff;
 * - company: a signed-in person with authority for `params.companyId` — `view` for any connection,
 *   otherwise the named scope through the one authorization function.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'reviewer' }
  | { kind: 'company'; scope: ScopeKey | 'view' };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint, declared once and used by both sides: the server implements it
 * (server/http/route.ts `implement`), the renderer calls it (`api.call`), and the OpenAPI
 * document is generated from it.
 */
export type Contract = {
  method: Method;
  /** Fastify-style path; `:name` segments are filled from `params`. */
  path: string;
  summary: string;
  tags: readonly string[];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON response schema; omit for raw responses (files, streams, SSE) and set `produces`. */
  response?: z.ZodType;
  /** Media type of a raw response. */
  produces?: string;
  status?: number;
  bodyLimit?: number;
  /**
   * Requests per window per client. `maxSetting` names a deployment setting that replaces `max`
   * (e.g. the sign-in limit, SHANGTONG_SIGNIN_RATE_PER_MINUTE).
   */
  rateLimit?: { max: number; timeWindow: number; maxSetting?: 'signInRatePerMinute' };
  /** Submissions: require an Idempotency-Key header; a retry returns the first answer. */
  idempotent?: boolean;
};

/** The `:name` segments of a path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A path with `:name` segments needs a params schema that yields each of them. */
type ParamsMatchPath<C extends Contract> = [PathParamNames<C['path']>] extends [never]
  ? unknown
  : { params: z.ZodType<Record<PathParamNames<C['path']>, string | number>> };

/** Declares an endpoint; literal types (method, access, path) are kept for both sides to infer from. */
export const defineContract = <const C extends Contract>(contract: C & ParamsMatchPath<C>): C => contract;

export type SchemaOf<C, K extends string> = C extends { [key in K]: infer S extends z.ZodType }
  ? S
  : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server's handler receives, after validation. */
export type ParamsOf<C> = OutputOf<SchemaOf<C, 'params'>>;
export type QueryOf<C> = OutputOf<SchemaOf<C, 'query'>>;
export type BodyOf<C> = OutputOf<SchemaOf<C, 'body'>>;
/** What the handler returns and the client receives; raw responses are not JSON (unknown). */
export type ResponseOf<C> = C extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;

/** The parts of a call that make its address: path params and query. */
export type UrlInput<C extends Contract> = (SchemaOf<C, 'params'> extends z.ZodType
  ? { params: InputOf<SchemaOf<C, 'params'>> }
  : { params?: undefined }) &
  (SchemaOf<C, 'query'> extends z.ZodType
    ? Record<never, never> extends InputOf<SchemaOf<C, 'query'>>
      ? { query?: InputOf<SchemaOf<C, 'query'>> }
      : { query: InputOf<SchemaOf<C, 'query'>> }
    : { query?: undefined });

/**
 * What a caller passes: params, query and body as the schemas accept them, and the key of a
 * submission. A query or body whose fields are all optional may be left out (a POST then sends {}).
 */
export type CallInput<C extends Contract> = UrlInput<C> &
  (SchemaOf<C, 'body'> extends z.ZodType
    ? Record<never, never> extends InputOf<SchemaOf<C, 'body'>>
      ? { body?: InputOf<SchemaOf<C, 'body'>> }
      : { body: InputOf<SchemaOf<C, 'body'>> }
    : { body?: undefined }) &
  (C extends { idempotent: true } ? { idempotencyKey: string } : { idempotencyKey?: undefined }) & {
    signal?: AbortSignal;
  };

/** Fills a contract's path with its params (encoded), e.g. for links and downloads. */
export const pathOf = (path: string, params: Record<string, unknown> | undefined): string =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });

/** Serializes a query object: absent values are left out, arrays repeat the key. */
export const queryString = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
};
