import { readFileSync } from 'node:fs';

/** The product version from package.json, read once at start. */
export const productVersion = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return process.env.SHANGTONG_VERSION ?? '0.0.0';
  }
};
