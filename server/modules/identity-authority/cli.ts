// The operator's tool for the bundled identity authority:
//   npm run authority -- import <file.jsonl> [--data <data folder>]
// (DATABASE_URL selects PostgreSQL; the data key comes from SHANGTONG_DATA_KEY or the data folder.)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/open';
import { createContext } from '../../create-context';
import { faceVerifierFor } from '../face-checks';
import { importAuthorityFile } from './import-file';

const { values, positionals } = parseArgs({
  options: { data: { type: 'string' } },
  allowPositionals: true,
});
const [command, file] = positionals;
if (command !== 'import' || !file) {
  console.error('usage: npm run authority -- import <file.jsonl> [--data <folder>]');
  process.exit(2);
}
const config = loadConfig(values.data ? { dataDir: path.resolve(values.data) } : {});
const handle = config.databaseUrl
  ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
  : await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data ?? '.data') });
try {
  const ctx = createContext(handle, config);
  const report = await importAuthorityFile(ctx, path.resolve(file), await faceVerifierFor(ctx));
  console.log(JSON.stringify(report, null, 2));
  if (report.errors.length > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
