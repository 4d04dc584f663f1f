import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { FaceVerifier } from '../../face/verifier';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { writeAudit } from '../../audit/write';
import { loadRegisterEntry } from './local-register';

/**
 * One line of an authority import file (JSON lines, UTF-8):
 *   {"name":"林晓东","residentId":"44010619930518412X","status":"valid","portrait":"photos/lin.jpg"}
 * `status` is valid | deceased | cancelled; `portrait` (optional) is a JPEG/PNG path relative to the
 * file, reduced to a template on import (the image is not stored); `barred` (optional) marks a
 * person barred from being a legal representative.
 */
export const ImportLine = z.strictObject({
  name: z.string().trim().min(1).max(60),
  residentId: z.string().trim().min(15).max(20),
  status: z.enum(['valid', 'deceased', 'cancelled']),
  portrait: z.string().min(1).optional(),
  barred: z.boolean().optional(),
});
export type ImportLine = z.infer<typeof ImportLine>;

export type ImportReport = {
  loaded: number;
  withPortrait: number;
  errors: { line: number; error: string }[];
};

/**
 * Loads an import file into the local register. Every line is checked first; nothing is loaded when
 * any line is wrong, so a half-loaded register cannot happen.
 */
export const importAuthorityFile = async (
  ctx: AppContext,
  file: string,
  verifier: FaceVerifier,
): Promise<ImportReport> => {
  const dir = path.dirname(file);
  const errors: ImportReport['errors'] = [];
  const lines: { line: number; entry: ImportLine }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        errors.push({ line: i + 1, error: 'not JSON' });
        return;
      }
      const parsed = ImportLine.safeParse(json);
      if (!parsed.success) return void errors.push({ line: i + 1, error: parsed.error.message });
      const id = validateResidentId(parsed.data.residentId, 'normalized');
      if (!id.valid) return void errors.push({ line: i + 1, error: `resident ID: ${id.errors.join(',')}` });
      if (parsed.data.portrait && !existsSync(path.resolve(dir, parsed.data.portrait)))
        return void errors.push({ line: i + 1, error: `portrait not found: ${parsed.data.portrait}` });
      lines.push({ line: i + 1, entry: { ...parsed.data, residentId: id.normalized } });
    });
  const templates = new Map<number, Awaited<ReturnType<FaceVerifier['enrol']>>>();
  for (const { line, entry } of lines) {
    if (!entry.portrait) continue;
    const enrolled = await verifier.enrol(new Uint8Array(readFileSync(path.resolve(dir, entry.portrait))));
    if (!enrolled.ok) errors.push({ line, error: `portrait refused: ${enrolled.refusal}` });
    templates.set(line, enrolled);
  }
  if (errors.length > 0) return { loaded: 0, withPortrait: 0, errors };
  let withPortrait = 0;
  await ctx.db.transaction(async (tx) => {
    for (const { line, entry } of lines) {
      const t = templates.get(line);
      const portrait = t?.ok ? t.template : undefined;
      if (portrait) withPortrait++;
      await loadRegisterEntry(
        ctx,
        {
          residentId: entry.residentId,
          name: entry.name,
          status: entry.status,
          barred: entry.barred,
          portrait,
        },
        tx,
      );
    }
    await writeAudit(tx, {
      actorPersonId: null,
      actingAs: 'operator',
      action: 'authority.import',
      detail: { file: path.basename(file), loaded: lines.length, withPortrait },
    });
  });
  return { loaded: lines.length, withPortrait, errors: [] };
};
