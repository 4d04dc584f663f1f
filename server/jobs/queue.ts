/**
 * Background work that must run exactly once across platform instances: named jobs (sent by one
 * instance, taken by one) and recurring schedules (one run per period across all instances).
 * PostgreSQL: pg-boss (server/jobs/pg-boss-queue.ts). Embedded PGlite — one process owns the data
 * folder — the in-process queue below; both behind this interface.
 */
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export type JobQueue = {
  readonly kind: 'in-process' | 'pg-boss';
  /** Handles jobs of `name` (every instance registers; each job runs on one of them). */
  work: (name: string, handler: JobHandler) => Promise<void>;
  /** Queues one job of `name`. */
  send: (name: string, data?: Record<string, unknown>) => Promise<void>;
  /** Runs `handler` every `everyMinutes` minutes, once across instances, and once soon after start. */
  every: (name: string, everyMinutes: number, handler: () => Promise<void>) => Promise<void>;
  /** Takes no new jobs and waits for those running. */
  stop: () => Promise<void>;
};

/** The embedded platform's queue: jobs run in this process, schedules on timers that never overlap. */
export const inProcessQueue = (options: { minuteMs?: number } = {}): JobQueue => {
  const minuteMs = options.minuteMs ?? 60_000;
  const handlers = new Map<string, JobHandler>();
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  const track = (p: Promise<void>): void => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };
  const run = (name: string, fn: () => Promise<void>): Promise<void> =>
    fn().catch((e: unknown) => console.error(`job ${name} failed`, e));
  return {
    kind: 'in-process',
    work: async (name, handler) => {
      handlers.set(name, handler);
    },
    send: async (name, data = {}) => {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no worker for job ${name}`);
      if (!stopped) track(run(name, () => handler(data)));
    },
    every: async (name, everyMinutes, handler) => {
      let busy = false;
      const tick = (): void => {
        if (busy || stopped) return;
        busy = true;
        track(run(name, handler).finally(() => (busy = false)));
      };
      tick();
      const timer = setInterval(tick, everyMinutes * minuteMs);
      timer.unref();
      timers.push(timer);
    },
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all([...running]);
    },
  };
};
