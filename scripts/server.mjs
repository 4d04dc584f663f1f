// npm run server -- <args>: the compiled platform CLI (server/main.ts), built first when outdated.
import { ensureServerBundle } from './server-bundle.mjs';

const bundle = await ensureServerBundle();
// The bundle reads its arguments from process.argv.slice(2), which are ours.
await import(new URL(`file://${bundle}`).href);
