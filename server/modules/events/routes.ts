import { defineRoute } from '../../http/route';

/**
 * Server-Sent Events for the signed-in person. Authenticated with the same bearer token (the web
 * client reads the stream with fetch so the token never goes into a URL).
 */
const eventsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/events',
  summary: 'Per-person live events (text/event-stream)',
  tags: ['events'],
  access: { kind: 'user' },
  produces: 'text/event-stream',
  handler: async ({ app, actor, reply, request }) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`event: ready\ndata: {}\n\n`);
    const unsubscribe = app.bus.subscribe(actor.personId, (event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    keepAlive.unref();
    // Sign-out (from any instance) and shutdown end the stream.
    const stopOnSignOut = app.bus.onCloseStreams(actor.personId, (sessionId) => {
      if (sessionId === undefined || sessionId === actor.sessionId) res.end();
    });
    const stopOnShutdown = app.bus.onCloseAllLocal(() => res.end());
    const cleanup = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      stopOnSignOut();
      stopOnShutdown();
    };
    request.raw.once('close', cleanup);
    res.once('close', cleanup);
    return undefined;
  },
});

export const eventRoutes = [eventsRoute];
