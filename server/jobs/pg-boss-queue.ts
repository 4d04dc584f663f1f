import PgBoss from 'pg-boss';
import type { JobHandler, JobQueue } from './queue';

/**
 * The PostgreSQL job queue: pg-boss in its own schema `pgboss` (it creates and upgrades it). A job is
 * taken by one instance (SKIP LOCKED); one that was running on an instance that died expires and
 * is retried elsewhere. Schedules are cron entries that pg-boss fires once per period across all
 * instances.
 */
export const pgBossQueue = async (connectionString: string): Promise<JobQueue> => {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4 });
  boss.on('error', (e) => console.error('job queue error', e));
  await boss.start();
  const queues = new Set<string>();
  const ensureQueue = async (name: string): Promise<void> => {
    if (queues.has(name)) return;
    // Jobs die with their instance: a job not finished within its expiry is retried elsewhere.
    await boss.createQueue(name, { name, expireInSeconds: 15 * 60, retryLimit: 3, retryDelay: 5 });
    queues.add(name);
  };
  const work = async (name: string, handler: JobHandler): Promise<void> => {
    await ensureQueue(name);
    await boss.work<Record<string, unknown>>(
      name,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data ?? {});
      },
    );
  };
  return {
    kind: 'pg-boss',
    work,
    send: async (name, data = {}) => {
      await ensureQueue(name);
      await boss.send(name, data);
    },
    every: async (name, everyMinutes, handler) => {
      await work(name, handler);
      const cron = everyMinutes === 1 ? '* * * * *' : `*/${everyMinutes} * * * *`;
      await boss.schedule(name, cron, {});
      // And once at start, as the in-process queue does (one instance takes it).
      await boss.send(name, {}, { singletonKey: `${name}:start`, singletonSeconds: 30 });
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
};
