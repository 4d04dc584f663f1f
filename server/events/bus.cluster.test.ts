import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { buildApp } from '../app';
import { createContext } from '../create-context';
import type { AppContext } from '../context';
import { benchConfig } from '../../bench/support';
import { seedDemo } from '../seed/demo';
import { DEMO_PASSWORD, demoPeople } from '../seed/demo-data';
import { openPostgres } from '../test/harness';
import { hashToken } from '../security/tokens';

/**
 * Two platform instances on one PostgreSQL database: an event produced on A reaches an SSE client
 * on B through the outbox and LISTEN/NOTIFY, within a second; a rolled-back one never does.
 */
const url = process.env.DATABASE_URL;

type Instance = { ctx: AppContext; app: FastifyInstance; base: string; handle: DatabaseHandle };

const startInstance = async (handle: DatabaseHandle, dataKey: Buffer): Promise<Instance> => {
  const ctx = createContext(handle, benchConfig({ dataKey }));
  const app = await buildApp(ctx, { logger: false, rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ctx, app, base: `http://127.0.0.1:${port}`, handle };
};

describe.skipIf(!url)('events across instances (PostgreSQL)', () => {
  let shared: DatabaseHandle;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    shared = await openPostgres(url!);
    const dataKey = benchConfig().dataKey;
    a = await startInstance(shared, dataKey);
    // B has a pool and listener of its own on the same database, as a separate process would.
    const second = await openDatabase({ kind: 'postgres', url: shared.url! });
    b = await startInstance(second, dataKey);
    await seedDemo(a.ctx, { licences: false });
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.handle.close();
    await a?.app.close();
    await shared?.close();
  });

  /** One reader drains the stream in the background; waiters look at what arrived so far. */
  const openStream = async (
    base: string,
    token: string,
  ): Promise<{ readUntil: (needle: string) => Promise<string>; ended: Promise<void>; abort: () => void }> => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let changed: () => void = () => undefined;
    let done = false;
    const ended = (async () => {
      try {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          text += chunk.value;
          changed();
        }
      } catch {
        // aborted
      }
      done = true;
      changed();
    })();
    const readUntil = async (needle: string): Promise<string> => {
      while (!text.includes(needle)) {
        if (done) throw new Error(`stream ended before ${needle}`);
        await new Promise<void>((r) => (changed = r));
      }
      return text;
    };
    return { readUntil, ended, abort: () => controller.abort() };
  };

  const signIn = async (base: string, key: string): Promise<{ token: string; personId: string }> => {
    const person = demoPeople.find((p) => p.key === key)!;
    const res = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: person.phone, password: DEMO_PASSWORD }),
    });
    const token = ((await res.json()) as { token: string }).token;
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    return { token, personId: ((await me.json()) as { person: { id: string } }).person.id };
  };

  it('delivers an event committed on A to a stream on B within a second, and never a rolled-back one', async () => {
    const li = await signIn(b.base, 'li');
    const stream = await openStream(b.base, li.token);
    await stream.readUntil('event: ready');
    await a.ctx.db
      .transaction(async (tx) => {
        await a.ctx.bus.publish(
          li.personId,
          { type: 'abnormal-list.removed', data: { companyId: 'rolled-back' } },
          tx,
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const started = performance.now();
    await a.ctx.db.transaction(async (tx) => {
      await a.ctx.bus.publish(
        li.personId,
        { type: 'abnormal-list.removed', data: { companyId: 'd-across' } },
        tx,
      );
    });
    const text = await stream.readUntil('d-across');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text).toContain('event: abnormal-list.removed\ndata: {"companyId":"d-across"}');
    expect(text).not.toContain('rolled-back');
    stream.abort();
  });

  it('ends one session’s streams on B when A closes them (sign-out), then all of a person’s', async () => {
    const li = await signIn(b.base, 'li');
    const other = await signIn(b.base, 'li');
    const mine = await openStream(b.base, li.token);
    const theirs = await openStream(b.base, other.token);
    await mine.readUntil('event: ready');
    await theirs.readUntil('event: ready');
    const session = await a.ctx.db.query.sessions.findFirst({
      where: (s, { eq }) => eq(s.tokenHash, hashToken(li.token)),
    });
    await a.ctx.bus.closeStreams({ personId: li.personId, sessionId: session!.id });
    await mine.ended;
    await a.ctx.bus.publish(li.personId, {
      type: 'abnormal-list.removed',
      data: { companyId: 'still-open' },
    });
    await theirs.readUntil('still-open');
    await a.ctx.bus.closeStreams({ personId: li.personId });
    await theirs.ended;
  });

  it('a session signed out on A is refused on B once the fan-out arrives, though B had it cached', async () => {
    const wang = await signIn(b.base, 'wang');
    const status = async (base: string): Promise<number> =>
      (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${wang.token}` } })).status;
    expect(await status(b.base)).toBe(200); // now in B's cache
    const reachedB = new Promise<void>((resolve) => {
      const stop = b.ctx.bus.onSessionsEnded((target) => {
        if (target.personId !== wang.personId) return;
        stop();
        resolve();
      });
    });
    const out = await fetch(`${a.base}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${wang.token}` },
    });
    expect(out.status).toBe(200);
    expect(await status(a.base)).toBe(401);
    await reachedB;
    expect(await status(b.base)).toBe(401);
  });

  it('sweeps outbox rows once they are past their keeping time', async () => {
    const { sweepOutbox } = await import('./bus');
    const later = new Date(Date.now() + 60 * 60_000);
    expect(await sweepOutbox(a.ctx.db, later)).toBeGreaterThan(0);
    expect(await a.ctx.db.query.eventOutbox.findMany()).toEqual([]);
  });
});
