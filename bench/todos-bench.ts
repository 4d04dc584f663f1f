import { and, eq } from 'drizzle-orm';
import { firmMembers, firms } from '../server/db/schema';
import { demoFirm } from '../server/seed/demo-data';
import { collectTodos } from '../server/modules/todos';
import { firmCompanies } from '../server/modules/todos/scope';
import { benchContext } from './support';
import { fmtMs, percentile, type Section } from './report';
import { benchSeedClients } from './firms';

/*
 * The to-do centre (issue 15) for a firm with 10,000 clients: the admin's whole list (every
 * source: returns, payments, annual reports, licences, delegations, requests, batches), against a
 * baseline of one bare statement reading the same clients (the list's own scope query). The ratio
 * shows what the rules and the other sources cost on top of reading the clients once.
 */
export const todosBenchSection = async (
  options: { clients?: number; runs?: number } = {},
): Promise<Section> => {
  const clients = options.clients ?? 10_000;
  const runs = options.runs ?? 7;
  const { ctx, close } = await benchContext();
  try {
    const seeded = await benchSeedClients(ctx, clients, 21);
    const [admin] = await ctx.db
      .select({ firmId: firms.id, personId: firmMembers.personId })
      .from(firms)
      .innerJoin(firmMembers, eq(firmMembers.firmId, firms.id))
      .where(and(eq(firms.uscc, demoFirm.uscc), eq(firmMembers.role, 'admin')));
    if (!admin) throw new Error('seed the demo sandbox first');
    const viewer = { kind: 'firm', personId: admin.personId, firmId: admin.firmId, role: 'admin' } as const;
    const time = async (fn: () => Promise<unknown>): Promise<{ p50: number; bytes: number }> => {
      const times: number[] = [];
      let bytes = 0;
      await fn(); // warm-up: statement plans, the calendar memo's first profiles
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        bytes = Buffer.byteLength(JSON.stringify(await fn()));
        times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), bytes };
    };
    let items = 0;
    const todo = await time(async () => {
      const list = await collectTodos(ctx.db, viewer, ctx.now());
      items = list.length;
      return list;
    });
    const base = await time(() => firmCompanies(ctx.db, admin.firmId, admin.personId, 'admin'));
    return {
      title: 'To-do centre: a firm with 10,000 clients',
      method: `${seeded.count} synthetic clients seeded into the demo firm (in-memory PGlite, in-process), the admin's whole to-do list built ${runs} times after a warm-up (scope query + one set-based statement per source + the rules), JSON included. Baseline: the bare scope statement alone (the same clients, one query).`,
      rows: [
        ['clients / items on the list', `${seeded.count} / ${items}`],
        ['to-do list p50', fmtMs(todo.p50)],
        ['baseline (one statement over the clients) p50', fmtMs(base.p50)],
        ['ratio to-do / baseline', `${(todo.p50 / base.p50).toFixed(1)}×`],
        ['payload', `${Math.round(todo.bytes / 1024)} KB`],
      ],
    };
  } finally {
    await close();
  }
};
