import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { toMarkdown, type Section } from './report';
import { benchPlatform, benchRendererSize } from './platform-bench';
import { benchChanges } from './changes-bench';

/** npm run bench: every benchmark in sequence; prints and writes docs/PERFORMANCE.md. */
const sections: Section[] = [];
const args = process.argv.slice(2);
/** --quick: the ratios only (shorter load runs, fewer face attempts, no feature benches without a ratio). */
const quick = args.includes('--quick');
const only = args.filter((a) => a !== '--quick');
const QUICK_SECTIONS = ['platform', 'renderer', 'first-paint', 'face', 'reads', 'batch', 'cluster'];
const want = (name: string): boolean =>
  (only.length === 0 || only.includes(name)) && (!quick || QUICK_SECTIONS.includes(name));

const run = async (name: string, fn: () => Promise<Section> | Section): Promise<void> => {
  if (!want(name)) return;
  process.stdout.write(`bench ${name}… `);
  const t0 = performance.now();
  try {
    const s = await fn();
    sections.push(s);
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [k, v] of s.rows) console.log(`  ${k}: ${v}`);
  } catch (e) {
    console.log('FAILED');
    console.error(e);
    sections.push({
      title: name,
      method: 'This benchmark failed in this run.',
      rows: [['error', String(e).slice(0, 200)]],
    });
  }
};

const main = async (): Promise<void> => {
  const started = performance.now();
  if (want('platform') || want('renderer') || want('first-paint')) {
    const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('npm run build:web failed');
  }
  if (want('platform') || want('reads') || want('batch')) {
    // The platform benches start the compiled CLI, as npm run server does; the build also makes the
    // migrated-database snapshot that new folders and the in-memory benches start from.
    const server = spawnSync('npm', ['run', 'build:server'], { stdio: 'ignore' });
    if (server.status !== 0) throw new Error('npm run build:server failed');
  }
  await run('platform', benchPlatform);
  await run('renderer', benchRendererSize);
  await run('first-paint', async () =>
    (await import('./fcp-bench')).benchFirstPaint({ runs: quick ? 3 : 9 }),
  );
  // Needs PostgreSQL (DATABASE_URL or the local server) and nginx, like npm run test:cluster.
  await run('cluster', async () => (await import('./cluster-bench')).benchCluster());
  await run('reads', async () => (await import('./reads-bench')).benchReads());
  await run('batch', async () => (await import('./batch-bench')).benchBatch(quick ? 100 : 1_000));
  await run('annual-batch', async () =>
    (await import('./annual-batch-bench')).benchAnnualReportBatch(quick ? 100 : 1_000),
  );
  await run('face', async () => (await import('./face-bench')).faceBenchSection(quick));
  for (const extra of (await import('./features')).featureBenches) await run(extra.name, extra.fn);
  await run('changes', () => benchChanges());
  await run('todos', async () => (await import('./todos-bench')).todosBenchSection());
  const md = toMarkdown(sections, {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
  });
  // Hand-kept notes (goals, floors, what is not met and why) survive every regeneration.
  const notes = existsSync('docs/PERFORMANCE-NOTES.md')
    ? `\n${readFileSync('docs/PERFORMANCE-NOTES.md', 'utf8')}`
    : '';
  if (only.length === 0 && !quick) writeFileSync('docs/PERFORMANCE.md', md + notes);
  else console.log('\n(partial or quick run: docs/PERFORMANCE.md not rewritten)');
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
};

void main();
