/**
 * First view of the built-in Overview dashboard (9 tiles, 8 of them charts or numbers over the
 * whole range) in Debian's Chromium on loopback, signed in, over the loaded store. Measured inside
 * the page from navigation start (performance.now()) until every tile has its numbers
 * (data-pending="0" on the grid) and no chart is still drawing (no data-rendering="1").
 * A fresh browser context per load: nothing cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { BENCH_DIR } from '../lib/child.js';
import { CHROMIUM } from '../lib/page.js';

const WEB_DIR = path.resolve(BENCH_DIR, '../apps/web');

export function ensureWebApp(): void {
  if (fs.existsSync(path.join(WEB_DIR, 'dist/index.html'))) return;
  console.log('apps/web/dist is missing: building the web app (npm run build --workspace @touchpoint/web)');
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@touchpoint/web'], { cwd: path.resolve(BENCH_DIR, '..'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

const READY = `(() => {
  const check = () => {
    const grid = document.querySelector('[data-testid="dashboard-grid"]');
    if (!grid || grid.getAttribute('data-pending') !== '0' || document.querySelector('[data-rendering="1"]')) return requestAnimationFrame(check);
    window.__tpReady = performance.now();
  };
  requestAnimationFrame(check);
})();`;

export async function measureDashboard(url: string, path: string, login: { email: string; password: string }, loads = 5): Promise<{ medianMs: number; ms: number[] } | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}; install it with: apt-get install -y chromium fonts-noto-cjk` };
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => { const [pair] = c.split(';'); const i = pair.indexOf('='); return { name: pair.slice(0, i), value: pair.slice(i + 1), url }; });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'] });
  const ms: number[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies(cookies);
      await context.addInitScript(READY);
      const page = await context.newPage();
      await page.goto(url + path);
      await page.waitForFunction(() => (window as unknown as { __tpReady?: number }).__tpReady !== undefined, undefined, { timeout: 60_000 });
      const t = await page.evaluate(() => (window as unknown as { __tpReady: number }).__tpReady);
      if (i > 0) ms.push(t); // the first load warms the server's caches and the OS page cache
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: s[s.length >> 1], ms };
}
