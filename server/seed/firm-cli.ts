import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { createContext } from '../create-context';
import { seedDemo } from './demo';
import { firmSeedOf, seedFirmClients } from './firm';
import { seedSecondFirm } from './second-firm';

/**
 * Seeds synthetic firm clients into a data folder while no platform has it open:
 *   npx tsx server/seed/firm-cli.ts --data <folder> --seed demo-firm-200
 * or, with DATABASE_URL (and SHANGTONG_DATA_KEY) set, into that PostgreSQL database (no --data).
 * The demo sandbox is seeded first (idempotent). `demo-firm-N` adds N clients to the demo firm,
 * all with an authorization in force covering tax filing, half of them in the group 顺德组;
 * `demo-firm-N-mixed` the same with authorizations in various states; `demo-firm-b` a second firm
 * (admin 孙浩) that has 佛山美家 on its roster but no authorization yet (the handover demo).
 * `--annual-reports` also grants `annual-report.file` and files every closed year's report.
 */
const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      seed: { type: 'string' },
      'annual-reports': { type: 'boolean' },
    },
    strict: true,
  });
  const firmSeed = firmSeedOf(values.seed);
  const secondFirm = values.seed === 'demo-firm-b';
  const url = process.env.DATABASE_URL;
  if ((!values.data && !url) || (!firmSeed && !secondFirm))
    throw new Error(
      'usage: firm-cli.ts (--data <folder> | DATABASE_URL=…) --seed (demo-firm-<N>[-mixed] | demo-firm-b)',
    );
  const dataDir = values.data ? resolve(values.data) : undefined;
  const handle = dataDir
    ? await openDatabase({ kind: 'pglite', dataDir })
    : await openDatabase({ kind: 'postgres', url: url ?? '' });
  try {
    const ctx = createContext(handle, loadConfig(dataDir ? { dataDir } : {}));
    await seedDemo(ctx);
    if (firmSeed) {
      const t0 = performance.now();
      const { companyIds } = await seedFirmClients(ctx, {
        ...firmSeed,
        annualReports: values['annual-reports'] === true,
      });
      console.log(`seeded ${companyIds.length} firm clients in ${Math.round(performance.now() - t0)} ms`);
    } else {
      await seedSecondFirm(ctx);
      console.log('seeded the second demo firm');
    }
  } finally {
    await handle.close();
  }
};

if (process.argv[1] && resolve(process.argv[1]).endsWith('firm-cli.ts')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
