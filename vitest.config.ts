import { defineConfig } from 'vitest/config';

/**
 * One config, five projects. `npm test` runs shared + text + server + web on SQLite; CI runs the
 * server project again with DATABASE_URL set (PostgreSQL) and the e2e project in Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: 'packages/shared', include: ['src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'text', root: 'packages/text', include: ['src/**/*.test.ts', 'train/**/*.test.ts'], environment: 'node', passWithNoTests: true } },
      {
        test: {
          name: 'server', root: 'apps/server', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node',
          testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks',
        },
      },
      { test: { name: 'web', root: 'apps/web', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'e2e', root: 'e2e', include: ['**/*.e2e.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
