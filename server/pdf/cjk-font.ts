import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as fontkit from 'fontkit';
import { isWoff, woffToSfnt } from './woff';

/**
 * The CJK font every server-side PDF embeds: Noto Sans SC (OFL) from the npm package
 * `@fontsource/noto-sans-sc`, never a font assumed to be on the machine. The package splits the
 * font into ~100 unicode-range subset files per weight, so text is drawn in runs: each character
 * goes to the subset whose cmap has it. pdfkit then embeds only the glyphs used, per subset.
 * The WOFF files are unpacked to TrueType once at load (see woff.ts for why).
 */

export type FontWeight = 'regular' | 'bold';
const WEIGHT_FILES: Record<FontWeight, string> = { regular: '400', bold: '700' };

export type FontFace = {
  /** The name registered with pdfkit, e.g. `noto-400-119`. */
  key: string;
  weight: FontWeight;
  file: string;
  /** Plain sfnt (TrueType) bytes, unpacked from the package's WOFF file. */
  data: Buffer;
  font: fontkit.Font;
};

export type TextRun = { text: string; face: FontFace };

export type CjkFonts = {
  faces: readonly FontFace[];
  /** Splits `text` into maximal runs that one face can draw. Uncovered characters stay in the run. */
  runs(text: string, weight: FontWeight): TextRun[];
  /** The face for one code point (undefined when no subset has it). */
  faceFor(codePoint: number, weight: FontWeight): FontFace | undefined;
  /** Characters no subset of that weight can draw. */
  missing(text: string, weight?: FontWeight): string[];
  stats: { files: number; skipped: string[]; codePoints: number; loadMs: number };
};

const SUBSET_FILE = /^noto-sans-sc-(\d+|latin|latin-ext|vietnamese|cyrillic)-(400|700)-normal\.woff$/;

/** Highest-numbered subsets hold the most frequent characters (and Latin), so they go first. */
const subsetRank = (subset: string): number => {
  const n = Number(subset);
  if (Number.isInteger(n)) return 1000 - n;
  return 2000 + ['latin', 'latin-ext', 'vietnamese', 'cyrillic'].indexOf(subset);
};

export const defaultFontDir = (): string => {
  const require = createRequire(import.meta.url);
  // The package's exports map only CSS files; index.css sits next to files/.
  return join(dirname(require.resolve('@fontsource/noto-sans-sc/index.css')), 'files');
};

const isFont = (f: fontkit.Font | fontkit.FontCollection): f is fontkit.Font => 'characterSet' in f;

export const loadCjkFontsFrom = async (dir: string): Promise<CjkFonts> => {
  const started = performance.now();
  const names = (await readdir(dir))
    .map((file) => ({ file, m: SUBSET_FILE.exec(file) }))
    .flatMap(({ file, m }) => (m?.[1] && m[2] ? [{ file, subset: m[1], weightFile: m[2] }] : []))
    .sort((a, b) => subsetRank(a.subset) - subsetRank(b.subset));
  const skipped: string[] = [];
  // fontkit loads with the first PDF, not at start.
  const { create: createFont } = await import('fontkit');
  const loaded = await Promise.all(
    names.map(async ({ file, subset, weightFile }): Promise<FontFace | undefined> => {
      const bytes = await readFile(join(dir, file));
      try {
        const data = isWoff(bytes) ? woffToSfnt(bytes) : bytes;
        const font = createFont(data);
        // Touch the cmap now: a subset file without one (the package has such a file) is skipped.
        if (!isFont(font) || font.characterSet.length === 0) throw new Error('no cmap');
        const weight: FontWeight = weightFile === WEIGHT_FILES.bold ? 'bold' : 'regular';
        return { key: `noto-${weightFile}-${subset}`, weight, file, data, font };
      } catch {
        skipped.push(file);
        return undefined;
      }
    }),
  );
  const faces = loaded.filter((f): f is FontFace => f !== undefined);
  if (faces.length === 0) throw new Error(`No Noto Sans SC subset fonts found in ${dir}`);

  const byWeight: Record<FontWeight, Map<number, FontFace>> = { regular: new Map(), bold: new Map() };
  for (const face of faces) {
    const map = byWeight[face.weight];
    for (const cp of face.font.characterSet) if (!map.has(cp)) map.set(cp, face);
  }

  const faceFor = (cp: number, weight: FontWeight): FontFace | undefined => byWeight[weight].get(cp);

  const runs = (text: string, weight: FontWeight): TextRun[] => {
    const out: TextRun[] = [];
    let current: TextRun | undefined;
    for (const ch of text) {
      const face = faceFor(ch.codePointAt(0) ?? 0, weight) ?? current?.face ?? faces[0];
      if (!face) continue;
      if (current && current.face === face) current.text += ch;
      else {
        current = { text: ch, face };
        out.push(current);
      }
    }
    return out;
  };

  const missing = (text: string, weight: FontWeight = 'regular'): string[] =>
    [...new Set(text)].filter((ch) => !/\s/.test(ch) && !faceFor(ch.codePointAt(0) ?? 0, weight));

  return {
    faces,
    runs,
    faceFor,
    missing,
    stats: {
      files: faces.length,
      skipped,
      codePoints: byWeight.regular.size,
      loadMs: Math.round(performance.now() - started),
    },
  };
};

let shared: Promise<CjkFonts> | undefined;

/** Loads the subsets once per process (≈ 0.2 s for both weights); later calls share the result. */
export const loadCjkFonts = (): Promise<CjkFonts> => {
  shared ??= loadCjkFontsFrom(defaultFontDir()).catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  return shared;
};
