// Build step (npm run build:server): the migrated-database snapshot new data folders start from.
import { migrationsFolder } from './open';
import { defaultSnapshotPath, writeSnapshot } from './snapshot';

const wrote = await writeSnapshot(migrationsFolder);
console.log(`${wrote ? 'wrote' : 'up to date:'} ${defaultSnapshotPath()}`);
