import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context';
import { errorHandler, HttpError } from './http/errors';
import { buildOpenApi } from './http/openapi';
import { allRoutes } from './routes';
import { text } from '../shared/text';
import { databaseRateLimitStore } from './security/rate-limit-store';
import { isPhoneApi, isPhonePage } from './phone-routes';

export type BuildOptions = {
  logger?: boolean;
  rateLimit?: boolean;
  /**
   * The LAN listener of the desktop platform: only the phone-facing pages and their API
   * (server/phone-routes.ts); every other route answers 404. It shares the main app's context,
   * whose event bus the main app starts and stops.
   */
  phoneOnly?: boolean;
};

/** The platform's HTTP app: API under /api/v1, and the built web UI when a web root is configured. */
export const buildApp = async (ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy: false,
    // Unknown routes and bad JSON answer with our envelope rather than Fastify's default shape.
    return503OnClosing: true,
    // Router refusals (a path parameter over the length limit, a malformed URL) answer with the
    // product's envelope too, never echoing the path back.
    frameworkErrors: (error, request, reply) => {
      const code = (error as { code?: string }).code;
      if (code === 'FST_ERR_MAX_PARAM_LENGTH')
        return errorHandler(
          new HttpError(414, 'PATH_TOO_LONG', text('地址过长。', 'The address is too long.')),
          request,
          reply,
        );
      if (code === 'FST_ERR_BAD_URL')
        return errorHandler(
          new HttpError(400, 'BAD_URL', text('地址格式不正确。', 'The address is malformed.')),
          request,
          reply,
        );
      return errorHandler(error, request, reply);
    },
  });
  app.setErrorHandler(errorHandler);
  // Which instance answered: behind a load balancer this shows where a request landed.
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-shangtong-instance', ctx.config.instanceId);
  });
  // Events from every instance (LISTEN) before the first request; on close, open SSE streams end
  // first (they would hold the server open), then the listener stops.
  if (!options.phoneOnly) {
    await ctx.bus.start();
    app.addHook('preClose', async () => ctx.bus.closeAllLocal());
    app.addHook('onClose', async () => ctx.bus.stop());
  }
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Limits hold across instances: counters in Redis when REDIS_URL is set, else in the database.
  const redis = ctx.config.redisUrl ? new Redis(ctx.config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit()));
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'shangtong-rl-' } : { store: databaseRateLimitStore(ctx.db) }),
    ...(options.rateLimit === false ? { max: 1_000_000 } : {}),
  });

  const routes = options.phoneOnly ? allRoutes.filter((r) => isPhoneApi(r.contract.path)) : allRoutes;
  for (const route of routes) route.register(app, ctx, { rateLimit: options.rateLimit !== false });
  if (!options.phoneOnly) {
    const openapi = buildOpenApi(
      allRoutes.map((r) => r.contract),
      ctx.version,
    );
    app.get('/api/v1/openapi.json', async () => openapi);
  }

  const webRoot = ctx.config.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: options.phoneOnly ? false : 'index.html',
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    // A missing build file is a 404, never the app shell: a page still holding an older build's
    // chunk names must fail to load the chunk (and offer a reload), not parse HTML as a script.
    const isAsset = request.url.startsWith('/assets/');
    const page = !isApi && !isAsset && (!options.phoneOnly || isPhonePage(request.url));
    if (page && request.method === 'GET' && webRoot && existsSync(webRoot)) {
      // Client-side routes (e.g. /approve/…) are served the app shell.
      return reply.type('text/html').sendFile('index.html');
    }
    throw new HttpError(404, 'NOT_FOUND', text('没有这个地址。', 'No such address.'));
  });
  return app;
};
