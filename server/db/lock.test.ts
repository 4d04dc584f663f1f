import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { acquireDataLock, DataFolderLockedError } from './lock';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'st-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('data folder lock', () => {
  it('refuses a folder held by a live process, with a clear message', () => {
    const dir = tmp();
    // pid 1 is always alive: as if another process held the folder.
    writeFileSync(join(dir, 'shangtong.lock'), '1');
    expect(() => acquireDataLock(dir)).toThrow(DataFolderLockedError);
    expect(() => acquireDataLock(dir)).toThrow(/in use by another Shangtong process \(pid 1\)/);
  });

  it('takes over a stale lock from a dead process and releases it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'shangtong.lock'), '999999999');
    const release = acquireDataLock(dir);
    expect(existsSync(join(dir, 'shangtong.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'shangtong.lock'))).toBe(false);
  });
});
