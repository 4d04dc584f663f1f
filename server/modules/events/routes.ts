import { implement } from '../../http/route';
import { eventsApi } from '../../../shared/api/contracts/events';

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
  res.write(`event: ready\ndata: {}\n\n`);
  const unsubscribe = app.bus.subscribe(actor.personId, (event) => {
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  request.raw.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
  return undefined;
});

export const eventRoutes = [eventsRoute];
