import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type z } from 'zod';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { DbOrTx } from '../db/types';
import { idempotencyKeys } from '../db/schema';
import { resolveActor, bearerToken, type Actor } from '../auth/session';
import { authorize, authorizeView, type Authority } from '../auth/authorize';
import {
  AuthorityCache,
  AuthorityStale,
  authorityCacheOf,
  authorityGuard,
  type AccessScope,
} from '../auth/authority-cache';
import type { BodyOf, Contract, ParamsOf, QueryOf, ResponseOf } from '../../shared/api/contract';
import type { Lang } from '../../shared/text';
import { text } from '../../shared/text';
import { HttpError, unauthorized, zodToDomain } from './errors';
import { requestLang } from './lang';
import { isExpiredKey } from '../jobs/expiry';

import type { Access } from '../../shared/api/contract';

export type { Access };

export type HandlerContext<C extends HandlerShape> = {
  app: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  lang: Lang;
  /** The database, or the transaction that also records the idempotency key. */
  db: DbOrTx;
  actor: C['access'] extends { kind: 'public' } ? Actor | undefined : Actor;
  authority: C['access'] extends { kind: 'company' } ? Authority : undefined;
  /**
   * A boolean SQL expression a `guarded` read selects in its one statement as `(guard)::text` and
   * passes to `requireGuard`: it re-checks a cached authority (server/auth/authority-cache.ts).
   * `true` when the authority was decided for this request, and on every other route.
   */
  guard: SQL;
};

/** The parts of a contract that type its handler. */
type HandlerShape = {
  access: Access;
  params?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  body?: z.ZodType | undefined;
  response?: z.ZodType | undefined;
};

/** What a handler of a contract is given and must answer (the contract's response, before its check). */
export type Handler<C extends HandlerShape> = (ctx: HandlerContext<C>) => Promise<ResponseOf<C>>;

/** The context as the pipeline builds it, before it is typed by the contract. */
type LooseContext = {
  app: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
  params: unknown;
  query: unknown;
  body: unknown;
  lang: Lang;
  db: DbOrTx;
  actor: Actor | undefined;
  authority: Authority | undefined;
  guard: SQL;
};

/**
 * The one place where a validated request meets the contract's types: the values were parsed with
 * the contract's own schemas and the access checks ran for its access kind, so the typed view holds.
 */
function typedContext<C extends HandlerShape>(ctx: LooseContext): HandlerContext<C>;
function typedContext(ctx: LooseContext): LooseContext {
  return ctx;
}

/** A contract with its handler, ready to register. */
export type Route = {
  readonly contract: Contract;
  readonly register: (fastify: FastifyInstance, app: AppContext, options?: RegisterOptions) => void;
};

export type RegisterOptions = { rateLimit?: boolean };

/**
 * `guarded`: the handler of a company GET makes one statement that selects `guard` (see
 * HandlerContext), so the pipeline may answer from a cached authority without deciding first.
 */
export type ImplementOptions = { guarded?: boolean };

const parseOr = (schema: z.ZodType | undefined, value: unknown): unknown => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw zodToDomain(result.error);
  return result.data;
};

const idempotencyKeyOf = (request: FastifyRequest): string => {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length < 8 || key.length > 100 || !/^[A-Za-z0-9._:-]+$/.test(key))
    throw new HttpError(
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
      text(
        '提交需要携带 Idempotency-Key 请求头（8–100 个字母数字）。',
        'Submissions need an Idempotency-Key header (8–100 letters/digits).',
      ),
    );
  return key;
};

/**
 * Implements a contract: validation in and out, authentication, authorization (before the shape of
 * the request is looked at), idempotency and the error envelope. Params, query, body, actor,
 * authority and the answer are typed from the contract.
 */
export const implement = <C extends Contract>(
  spec: C,
  handler: Handler<C>,
  implementOptions: ImplementOptions = {},
): Route => {
  if (
    implementOptions.guarded &&
    (spec.method !== 'GET' || spec.access.kind !== 'company' || spec.idempotent)
  )
    throw new Error(`Route ${spec.path}: only a company GET can be guarded`);
  return {
    contract: spec,
    register: (fastify, app, options = {}) =>
      registerContract(fastify, app, spec, (ctx) => handler(typedContext<C>(ctx)), {
        ...options,
        guarded: implementOptions.guarded === true,
      }),
  };
};

const NO_GUARD = sql`true`;

const rateLimitOf = (
  app: AppContext,
  { max, timeWindow, maxSetting }: NonNullable<Contract['rateLimit']>,
): { max: number; timeWindow: number } => ({
  max: maxSetting ? app.config[maxSetting] : max,
  timeWindow,
});

const registerContract = (
  fastify: FastifyInstance,
  app: AppContext,
  spec: Contract,
  handler: (ctx: LooseContext) => Promise<unknown>,
  options: RegisterOptions & ImplementOptions,
): void => {
  fastify.route({
    method: spec.method,
    url: spec.path,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    ...(spec.rateLimit && options.rateLimit !== false
      ? { config: { rateLimit: rateLimitOf(app, spec.rateLimit) } }
      : {}),
    handler: async (request, reply) => {
      const lang = requestLang(request);
      // Who and whether first: a refused caller learns nothing about the shape of the request.
      const params = parseOr(spec.params, request.params);
      const actor = await resolveActor(app, bearerToken(request));
      if (spec.access.kind !== 'public' && !actor) throw unauthorized();
      if (spec.access.kind === 'reviewer' && actor?.role !== 'reviewer')
        throw new HttpError(
          403,
          'REVIEWER_ONLY',
          text('仅审核人员可以办理。', 'Only reviewers may do this.'),
        );
      let authority: Authority | undefined;
      let guard = NO_GUARD;
      /** The full decision (every statement authorize takes); refusals end the request. */
      let decide: (() => Promise<Authority>) | undefined;
      if (spec.access.kind === 'company') {
        const companyId = (params as { companyId?: string } | undefined)?.companyId;
        if (!companyId || !actor) throw new Error(`Route ${spec.path} needs a companyId param`);
        const scope: AccessScope = spec.access.scope;
        const now = app.now();
        const cache = options.guarded ? authorityCacheOf(app) : undefined;
        const cacheKey = AuthorityCache.key(actor.personId, companyId, scope);
        decide = async () => {
          cache?.drop(cacheKey);
          const decision =
            scope === 'view'
              ? await authorizeView(app.db, { personId: actor.personId, companyId, now })
              : await authorize(app.db, { personId: actor.personId, companyId, scope, now });
          if (!decision.allowed) throw new HttpError(decision.status, decision.code, decision.text);
          cache?.set(cacheKey, decision);
          return decision;
        };
        const cached = cache?.get(cacheKey);
        if (cached) {
          authority = cached;
          guard = authorityGuard(cached, scope, now);
        } else authority = await decide();
      }
      const query = parseOr(spec.query, request.query);
      const body = parseOr(spec.body, request.body);
      const run = (db: DbOrTx): Promise<unknown> =>
        handler({ app, request, reply, params, query, body, lang, db, actor, authority, guard });

      let result: unknown;
      if (spec.idempotent && actor) {
        const clientKey = idempotencyKeyOf(request);
        const key = `${actor.accountId}:${spec.method} ${request.routeOptions.url}:${clientKey}`;
        const requestHash = createHash('sha256').update(JSON.stringify({ params, body })).digest('base64url');
        const replay = async (db: DbOrTx): Promise<unknown> => {
          const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
          // An expired key (not yet swept) is a new submission: the transaction replaces it.
          if (!row || isExpiredKey(row.createdAt, app.now())) return undefined;
          if (row.requestHash !== requestHash)
            throw new HttpError(
              422,
              'IDEMPOTENCY_KEY_REUSED',
              text(
                '同一个提交编号被用于不同的内容，请刷新后重试。',
                'This submission key was already used for different content; refresh and retry.',
              ),
            );
          void reply.header('idempotent-replay', 'true');
          return row.responseBody;
        };
        const previous = await replay(app.db);
        if (previous !== undefined) return reply.status(spec.status ?? 200).send(previous);
        const outcome = await app.db.transaction(async (tx) => {
          // Requests with the same key queue here: the second one waits for the first to commit,
          // then finds its answer, instead of racing it through the handler.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
          const stored = await replay(tx);
          if (stored !== undefined) return { replayed: stored };
          await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
          const value = await run(tx);
          const checked = spec.response ? spec.response.parse(value) : value;
          await tx.insert(idempotencyKeys).values({
            key,
            accountId: actor.accountId,
            route: spec.path,
            requestHash,
            status: 'done',
            responseStatus: String(spec.status ?? 200),
            responseBody: checked as object,
            // The platform's clock, as the expiry check reads it (a test clock may run ahead).
            createdAt: app.now(),
          });
          return { fresh: checked };
        });
        if ('replayed' in outcome) return reply.status(spec.status ?? 200).send(outcome.replayed);
        result = outcome.fresh;
      } else if (guard !== NO_GUARD && decide) {
        try {
          result = await run(app.db);
        } catch (e) {
          if (!(e instanceof AuthorityStale)) throw e;
          // The cached authority no longer holds: decide afresh (its refusal, or another source).
          authority = await decide();
          guard = NO_GUARD;
          result = await run(app.db);
        }
      } else {
        result = await run(app.db);
      }
      if (reply.sent) return reply;
      if (!spec.response) return reply.status(spec.status ?? 200).send(result);
      const checked = spec.response.safeParse(result);
      if (!checked.success) {
        request.log.error({ issues: checked.error.issues, url: spec.path }, 'response failed its schema');
        throw new Error('Response validation failed');
      }
      return reply.status(spec.status ?? 200).send(checked.data);
    },
  });
};
