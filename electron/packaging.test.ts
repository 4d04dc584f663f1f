import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config, fuses, notShipped } from '../build/electron-builder.config';

const repo = join(import.meta.dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(c|m)?ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });

describe('electron-builder configuration', () => {
  it('sets every fuse to the hardened value', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: false,
    });
    expect(config.electronFuses).toBe(fuses);
    expect(config.asar).toBe(true);
  });

  it('identifies the app and registers the shangtong:// scheme', () => {
    expect(config.appId).toBe('cn.shangtong.desktop');
    expect(config.productName).toBe('商通 Shangtong');
    expect(config.protocols).toEqual([{ name: 'Shangtong', schemes: ['shangtong'] }]);
  });

  it('leaves out only packages that no run-time code imports', () => {
    const runtime = [...sourceFiles(join(repo, 'server')), ...sourceFiles(join(repo, 'electron'))].filter(
      (file) => !file.includes(`${join('server', 'test')}`),
    );
    const imported = new Set<string>();
    for (const file of runtime) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /(?:from|import\()\s*['"]([^'".][^'"]*)['"]/g,
      )) {
        imported.add(match[1]!);
      }
    }
    expect(imported).toContain('fastify');
    const excluded = (specifier: string): boolean =>
      notShipped.some((name) =>
        name.endsWith('*')
          ? specifier.startsWith(name.slice(0, -1))
          : specifier === name || specifier.startsWith(`${name}/`),
      );
    expect([...imported].filter(excluded)).toEqual([]);
  });
});
