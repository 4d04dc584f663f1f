// Lint rules, including the import direction from ARCHITECTURE.md:
// renderer → shared, server → shared, electron → shared (electron → server only in the launcher).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import path from 'node:path';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'buffer',
  'process',
];
const noNodePatterns = [
  { group: ['node:*'], message: 'Platform-neutral code may not import Node built-ins.' },
];
const noNodePaths = nodeBuiltins.map((name) => ({
  name,
  message: 'Platform-neutral code may not import Node built-ins.',
}));
const layer = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message });

const root = import.meta.dirname;
const isProduction = (rel) =>
  rel.startsWith('server/') && !rel.startsWith('server/test/') && !/\.test\.tsx?$/.test(rel);

/**
 * Module boundaries (docs/DEVELOPING.md): code outside a server module reaches it only through its
 * index.ts (only the route table, server/routes.ts, takes each module's route lists from where they
 * are declared); production code never imports test support (server/test/) or benchmarks
 * (bench/). Tests and benchmarks may reach inside a module to set it up or measure it.
 */
const moduleBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    if (!isProduction(from)) return {};
    const own = /^server\/modules\/([^/]+)\//.exec(from)?.[1];
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/')
        .replace(/\.(ts|tsx|js)$/, '');
      if (to.startsWith('server/test/') || to === 'server/test' || to.startsWith('bench/'))
        context.report({ node, message: `Production code may not import test or bench code (${source}).` });
      const inner = /^server\/modules\/([^/]+)\/(.+)$/.exec(to);
      if (!inner || inner[1] === own || inner[2] === 'index') return;
      if (from === 'server/routes.ts') return;
      context.report({
        node,
        message: `Import server/modules/${inner[1]} through its index.ts, not its internals (${source}).`,
      });
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      '.data',
      'test-results',
      'playwright-report',
      'server/db/migrations',
      'e2e/.generated',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths,
          patterns: [
            ...noNodePatterns,
            layer('server', 'shared/ must not import server/.'),
            layer('renderer', 'shared/ must not import renderer/.'),
            layer('electron', 'shared/ must not import electron/.'),
            {
              group: ['electron', 'react', 'react-dom', 'fastify', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'shared/ is pure domain code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'process',
        'Buffer',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules; v7's React Compiler rules (set-state-in-effect, immutability…)
      // are deferred, see docs/DEVELOPING.md.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths,
          patterns: [
            ...noNodePatterns,
            layer('server', 'renderer/ talks to the platform over HTTP only.'),
            layer('electron', 'renderer/ reaches the shell only through window.desktop.'),
            { group: ['electron'], message: 'renderer/ reaches the shell only through window.desktop.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    plugins: { shangtong: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'shangtong/module-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('renderer', 'server/ must not import renderer/.'),
            layer('electron', 'server/ must not import electron/.'),
            { group: ['electron'], message: 'server/ must not import electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.{ts,cts}'],
    ignores: ['electron/platform-launcher.ts', 'electron/platform-child.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('renderer', 'electron/ must not import renderer/.'),
            layer('server', 'Only the embedded-platform launcher may import server/.'),
          ],
        },
      ],
    },
  },
);
