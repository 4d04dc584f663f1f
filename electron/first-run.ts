import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeJsonFile } from './json-file';

const Answer = z.object({ demoSandbox: z.boolean() }).strict();

/**
 * The first-run question of a packaged app: start with an empty platform (the default: no demo
 * accounts with a published password) or load the demo sandbox. Asked once; the answer is kept in
 * userData/first-run.json. An unpackaged (development) app loads the demo without asking.
 */
export const demoSandboxAnswer = async (
  file: string,
  packaged: boolean,
  ask: () => Promise<boolean>,
): Promise<boolean> => {
  try {
    return Answer.parse(JSON.parse(readFileSync(file, 'utf8'))).demoSandbox;
  } catch {
    // Not answered yet (or the file is unreadable): ask.
  }
  if (!packaged) return true;
  const demoSandbox = await ask();
  writeJsonFile(file, { demoSandbox });
  return demoSandbox;
};
