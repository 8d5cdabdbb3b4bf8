// @vitest-environment node
/**
 * Survey answers and names are written by strangers. The app must render them as text: no file
 * may use dangerouslySetInnerHTML (the QR code SVG is shown through an <img> data URL instead).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN = ['dangerously', 'SetInnerHTML'].join(''); // split so this file does not match itself

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

describe('rendering untrusted text', () => {
  it('no .tsx file uses dangerouslySetInnerHTML', () => {
    const tsx = files(SRC, /\.tsx$/);
    expect(tsx.length).toBeGreaterThan(20);
    expect(tsx.filter((f) => readFileSync(f, 'utf8').includes(FORBIDDEN)).map((f) => f.slice(SRC.length))).toEqual([]);
  });
  it('no app code assigns innerHTML either', () => {
    const code = files(SRC, /\.tsx?$/).filter((f) => !f.includes(`${'/'}respond${'/'}`) && !/\.test\.tsx?$/.test(f));
    expect(code.filter((f) => /\.innerHTML\s*=/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(SRC.length))).toEqual([]);
  });
});
