import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps modules behind their index.ts and test code out of production. */
const problems = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await new ESLint().lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'shangtong/module-boundaries')
    .map((m) => m.message);
};

describe('module boundaries', () => {
  it("refuses another module's internals and accepts its index", async () => {
    const file = 'server/modules/firms/probe.ts';
    expect(await problems(file, "export { announce } from '../delegation/lifecycle';\n")).toEqual([
      expect.stringContaining('server/modules/delegation through its index.ts'),
    ]);
    expect(await problems(file, "export { announce } from '../delegation';\n")).toEqual([]);
    expect(await problems(file, "export { roster } from './roster';\n")).toEqual([]);
    expect(await problems('server/platform.ts', "export { x } from './modules/tax/views';\n")).toHaveLength(
      1,
    );
  });

  it('keeps test and bench code out of production, but lets tests reach inside', async () => {
    expect(
      await problems('server/modules/tax/probe.ts', "export { x } from '../../test/harness';\n"),
    ).toHaveLength(1);
    expect(await problems('server/seed/probe.ts', "export { x } from '../../bench/support';\n")).toHaveLength(
      1,
    );
    expect(
      await problems('server/modules/tax/probe.test.ts', "export { x } from '../delegation/views';\n"),
    ).toEqual([]);
    expect(await problems('server/test/probe.ts', "export { x } from '../modules/tax/views';\n")).toEqual([]);
  });
});
