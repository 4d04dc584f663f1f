// Loads the demo sandbox into the identity authority: every demo person (valid, by name and ID)
// and, from the committed test photos, the reference portraits of the demo legal representatives
// and the unclaimed newcomer identities. Called by the demo seed; also a CLI:
//   npx tsx server/seed/demo-faces.ts --data <data folder>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { DbOrTx } from '../db/types';
import { persons } from '../db/schema';
import { writeAudit } from '../audit/write';
import type { FaceTemplate, FaceVerifier } from '../face/verifier';
import { humanEngineId } from '../face/human-engine';
import { demoNewcomers, demoPeople } from './demo-data';
import { faceVerifierFor } from '../modules/face-checks';
import { identityAuthorityFor, loadRegisterEntry, LocalRegister } from '../modules/identity-authority';

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

/**
 * Tests and benches: make `template` the authority's portrait of this person (as the operator's
 * import would). Product code never calls it.
 */
export const storeFaceTemplate = async (
  ctx: AppContext,
  personId: string,
  template: FaceTemplate,
  db: DbOrTx = ctx.db,
): Promise<void> => {
  const [p] = await db.select().from(persons).where(eq(persons.id, personId));
  if (!p) throw new Error(`no person ${personId}`);
  const residentId = ctx.cipher.decrypt(p.residentIdEnc);
  await loadRegisterEntry(ctx, { residentId, name: p.name, status: 'valid', portrait: template }, db);
};

export type EnrolDemoResult = { enrolled: string[]; skipped: string[] };

/**
 * Idempotent: an entry whose portrait already comes from the same engine is left alone. Missing
 * photos (e.g. a packaged build without e2e/) leave the entry without a portrait, with a warning.
 */
export const enrolDemoFaces = async (
  ctx: AppContext,
  options: { photoDir?: string; verifier?: FaceVerifier } = {},
): Promise<EnrolDemoResult> => {
  const dir = options.photoDir ?? defaultFacePhotoDir();
  const result: EnrolDemoResult = { enrolled: [], skipped: [] };
  const photos = new Map<string, string>([
    ...Object.entries(DEMO_FACE_PHOTOS),
    ...demoNewcomers.map((n) => [n.key, n.photo] as const),
  ]);
  if (!existsSync(dir)) {
    console.warn(`enrolDemoFaces: no photo folder at ${dir}; demo portraits not loaded`);
    return { enrolled: [], skipped: [...photos.keys()] };
  }
  const authority = identityAuthorityFor(ctx);
  const stored = (residentId: string) =>
    // Not portraitTemplate: on a demo start that waits for this very enrolment.
    authority instanceof LocalRegister
      ? authority.storedPortrait(residentId)
      : authority.portraitTemplate(residentId);
  // A restart of a demo folder whose portraits are all there does not load the face model (≈ 400 MB
  // RSS): it is loaded by the first face check instead.
  const engine = options.verifier?.engine ?? humanEngineId();
  const pending: string[] = [];
  for (const e of [...demoPeople, ...demoNewcomers]) {
    const file = photos.get(e.key);
    if (!file) continue;
    if (existsSync(path.join(dir, file)) && (await stored(e.residentId))?.engine !== engine)
      pending.push(e.key);
  }
  if (pending.length === 0) return { enrolled: [], skipped: [...photos.keys()] };
  const verifier = options.verifier ?? (await faceVerifierFor(ctx));
  for (const e of [...demoPeople, ...demoNewcomers]) {
    const file = photos.get(e.key);
    if (!file) continue;
    const photo = path.join(dir, file);
    const current = await stored(e.residentId);
    if (!existsSync(photo) || current?.engine === verifier.engine) {
      result.skipped.push(e.key);
      continue;
    }
    const enrolled = await verifier.enrol(new Uint8Array(readFileSync(photo)));
    if (!enrolled.ok) throw new Error(`demo face ${file} for ${e.key} was refused: ${enrolled.refusal}`);
    await loadRegisterEntry(ctx, {
      residentId: e.residentId,
      name: e.name,
      status: 'valid',
      portrait: enrolled.template,
    });
    await writeAudit(ctx.db, {
      actorPersonId: null,
      actingAs: 'system',
      action: 'authority.load',
      detail: { engine: enrolled.template.engine, source: 'demo-photo', key: e.key },
    });
    result.enrolled.push(e.key);
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
