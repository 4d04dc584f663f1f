// Enrols reference faces for the demo legal representatives from the committed test photos, so
// the phone approval can be tried (and tested) end to end. Called by the demo seed; also a CLI:
//   npx tsx server/seed/demo-faces.ts --data <data folder>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppContext } from '../context';
import { writeAudit } from '../audit/write';
import type { FaceVerifier } from '../face/verifier';
import { findPersonByResidentId } from '../modules/identity';
import { storeFaceTemplate } from '../modules/identity';
import { demoPeople } from './demo-data';
import { faceVerifierFor } from '../modules/face-checks';

/**
 * Which photo stands for which demo legal representative. 陈志明 and 刘芳 share person A (the face
 * the e2e fake camera shows), 王建国 is person B, so approving 王建国's request with camera A is
 * the "wrong person" case.
 */
export const DEMO_FACE_PHOTOS = {
  chen: 'person-a-id.jpg',
  liu: 'person-a-id.jpg',
  wang: 'person-b-id.jpg',
} as const;

export const defaultFacePhotoDir = (): string =>
  fileURLToPath(new URL('../../e2e/fixtures/faces/', import.meta.url));

export type EnrolDemoResult = { enrolled: string[]; skipped: string[] };

/**
 * Idempotent: a person whose template already comes from the same engine is left alone. Missing
 * photos (e.g. a packaged build without e2e/) are skipped with a warning, never an error.
 */
export const enrolDemoFaces = async (
  ctx: AppContext,
  options: { photoDir?: string; verifier?: FaceVerifier } = {},
): Promise<EnrolDemoResult> => {
  const dir = options.photoDir ?? defaultFacePhotoDir();
  const result: EnrolDemoResult = { enrolled: [], skipped: [] };
  if (!existsSync(dir)) {
    console.warn(`enrolDemoFaces: no photo folder at ${dir}; demo faces not enrolled`);
    return { enrolled: [], skipped: Object.keys(DEMO_FACE_PHOTOS) };
  }
  const verifier = options.verifier ?? (await faceVerifierFor(ctx));
  for (const [key, file] of Object.entries(DEMO_FACE_PHOTOS)) {
    const person = demoPeople.find((p) => p.key === key);
    const row = person ? await findPersonByResidentId(ctx.db, ctx.cipher, person.residentId) : undefined;
    const photo = path.join(dir, file);
    const current = row?.faceTemplate;
    if (!row || !existsSync(photo) || current?.engine === verifier.engine) {
      result.skipped.push(key);
      continue;
    }
    const enrolled = await verifier.enrol(new Uint8Array(readFileSync(photo)));
    if (!enrolled.ok) throw new Error(`demo face ${file} for ${key} was refused: ${enrolled.refusal}`);
    await storeFaceTemplate(ctx, row.id, enrolled.template);
    await writeAudit(ctx.db, {
      actorPersonId: row.id,
      actingAs: 'system',
      action: 'identity.face-enrol',
      detail: { engine: enrolled.template.engine, source: 'demo-photo' },
    });
    result.enrolled.push(key);
  }
  return result;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  const { loadConfig } = await import('../config');
  const { openDatabase } = await import('../db/open');
  const { createContext } = await import('../create-context');
  const config = loadConfig(values.data ? { dataDir: path.resolve(values.data) } : {});
  const handle = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data ?? '.data') });
  try {
    console.log(JSON.stringify(await enrolDemoFaces(createContext(handle, config))));
  } finally {
    await handle.close();
  }
}
