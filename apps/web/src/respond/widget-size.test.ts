// @vitest-environment node
/**
 * Builds both public bundles with the production config into a temporary directory and checks
 * their weight: the widget loads on customers' own sites and respond.js on phones in the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { publicBundleConfig, type PublicBundle } from '../../vite.widget.config';

const KB = 1024;
let outDir = '';
const code = {} as Record<PublicBundle, string>;
const gzipped = (bundle: PublicBundle) => gzipSync(code[bundle], { level: 9 }).length;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tp-bundles-'));
  for (const bundle of ['respond', 'widget'] as const) {
    await build({ ...publicBundleConfig(bundle, outDir), configFile: false, logLevel: 'silent' });
    code[bundle] = readFileSync(join(outDir, `${bundle}.js`), 'utf8');
  }
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('public bundles', () => {
  it('widget.js is at most 30 KB gzipped', () => {
    expect(gzipped('widget')).toBeLessThanOrEqual(30 * KB);
  });

  it('respond.js leaves room for the page in the 50 KB budget', () => {
    expect(gzipped('respond')).toBeLessThanOrEqual(30 * KB);
  });

  it('are single self-running scripts without Zod, chunks or innerHTML', () => {
    for (const bundle of ['respond', 'widget'] as const) {
      const js = code[bundle];
      expect(js.startsWith('(function(){')).toBe(true);
      expect(js).not.toMatch(/\bimport\s*\(|\bZod|innerHTML|outerHTML|insertAdjacentHTML/);
    }
  });
});
