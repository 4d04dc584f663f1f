// What other modules may use of the batch runner: kinds, the runner and the batch store.
export type { BatchKindHandler, BatchKinds, BatchRow } from './kinds';
export { defineBatchKind } from './kinds';
export { BatchRunner, runnerFor, setRunnerFor } from './runner';
export {
  batchCounts,
  cancelBatch,
  createBatch,
  emptyCounts,
  findClaim,
  recordClaim,
  retryFailed,
  type NewItem,
} from './store';
export { storedZip, type ZipEntry } from './zip';
