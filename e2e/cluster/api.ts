// Plain HTTP helpers for the cluster spec: sign-in, JSON calls with a bearer token, and an
// event-stream reader that records when each event arrived.
import { randomBytes } from 'node:crypto';

export const PASSWORD = 'Demo@2026';

export type Answer<T> = { status: number; instance: string | null; body: T };

export const call = async <T>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer<T>> => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = randomBytes(12).toString('hex');
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    instance: res.headers.get('x-shangtong-instance'),
    body: (text ? JSON.parse(text) : undefined) as T,
  };
};

export const signIn = async (base: string, login: string): Promise<string> => {
  const a = await call<{ token: string }>(base, 'POST', '/api/v1/auth/sign-in', undefined, {
    login,
    password: PASSWORD,
  });
  if (a.status !== 200) throw new Error(`sign-in ${login} on ${base}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body.token;
};

export type StreamEvent = { type: string; data: Record<string, unknown>; at: number };

export type EventStream = {
  instance: string | null;
  events: StreamEvent[];
  /** Resolves with the first event of this type (already received or still to come). */
  next: (type: string, timeoutMs: number) => Promise<StreamEvent>;
  close: () => void;
};

/** Opens the signed-in person's event stream on one address and records every event with its arrival time. */
export const openStream = async (base: string, token: string): Promise<EventStream> => {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`events on ${base}: ${res.status}`);
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) {
            events.push({ type, data: JSON.parse(data) as Record<string, unknown>, at: Date.now() });
            waiters.splice(0).forEach((w) => w());
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = (type: string, timeoutMs: number): Promise<StreamEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event in ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        const found = events.find((e) => e.type === type);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return {
    instance: res.headers.get('x-shangtong-instance'),
    events,
    next,
    close: () => controller.abort(),
  };
};
