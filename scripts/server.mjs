// npm run server -- <args>: the compiled platform CLI (server/main.ts), built first when outdated.
import { ensureServerBundle } from './server-bundle.mjs';

// `npm run server` runs this under `sh -c`; a SIGTERM to npm ends that shell without passing the
// signal on, leaving the platform re-parented and running. Node has no parent-death signal, so the
// parent is watched and its loss is treated as the SIGTERM it stands for (the platform drains).
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 500);
watch.unref();

const bundle = await ensureServerBundle();
// The bundle reads its arguments from process.argv.slice(2), which are ours.
await import(new URL(`file://${bundle}`).href);
