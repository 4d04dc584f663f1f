import { implement } from '../../http/route';
import { bearerToken, resolveActor } from '../../auth/session';
import { eventsApi } from '../../../shared/api/contracts/events';
import type { StreamEvent } from '../../../shared/api/events';

/** One event as an SSE block: its type as the SSE event name, its payload as JSON data. */
const sseBlock = (event: StreamEvent): string =>
  `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * Server-Sent Events for the signed-in person. Authenticated with the same bearer token (the web
 * client reads the stream with fetch so the token never goes into a URL).
 */
const eventsRoute = implement(eventsApi.events, async ({ app, actor, reply, request }) => {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(sseBlock({ type: 'ready', data: {} }));
  // Sign-out and sign-out-all (from any instance) and shutdown end the stream at once; expiry and
  // revocation by any other path are caught at the next keep-alive, which re-checks the session.
  const token = bearerToken(request);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    unsubscribe();
    stopOnSignOut();
    stopOnShutdown();
    res.end();
  };
  const unsubscribe = app.bus.subscribe(actor.personId, (event) => {
    res.write(sseBlock(event));
  });
  const stopOnSignOut = app.bus.onCloseStreams(actor.personId, (sessionId) => {
    if (sessionId === undefined || sessionId === actor.sessionId) close();
  });
  const stopOnShutdown = app.bus.onCloseAllLocal(close);
  const keepAlive = setInterval(() => {
    void resolveActor(app, token, { fresh: true }).then((still) => {
      if (!still || still.sessionId !== actor.sessionId) close();
      else if (!closed) res.write(': keep-alive\n\n');
    }, close);
  }, 15_000);
  keepAlive.unref();
  request.raw.once('close', close);
  res.once('close', close);
  return undefined;
});

export const eventRoutes = [eventsRoute];
