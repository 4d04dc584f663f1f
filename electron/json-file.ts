import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * Small JSON files in userData. A missing, unreadable or invalid file reads as undefined (the
 * caller falls back to defaults) rather than stopping the app; writes go through a temporary file
 * and a rename, so a crash never leaves half a file.
 */
export const readJsonFile = <T>(path: string, schema: z.ZodType<T>): T | undefined => {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const writeFileAtomic = (path: string, data: string | Uint8Array): void => {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, path);
};

export const writeJsonFile = (path: string, value: unknown): void =>
  writeFileAtomic(path, JSON.stringify(value, null, 2));
