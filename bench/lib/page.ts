/**
 * The respondent page as a phone sees it: Debian's Chromium through playwright-core, a fresh
 * browser context per load (empty cache, no cookies), a mobile device profile. Bytes are what
 * crossed the wire (CDP Network.loadingFinished encodedDataLength: headers + bodies, cross-
 * checked with Resource Timing transferSize). Time to interactive is measured inside the page,
 * from navigation start (performance.now()) to the moment the first NPS score button is laid
 * out, visible and enabled, so no CDP round trip inflates it.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, devices } from 'playwright-core';
import { BENCH_DIR } from './child.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIR = path.resolve(BENCH_DIR, '../apps/web');
export const RESPOND_JS = path.join(WEB_DIR, 'dist/public/respond.js');

/** Builds dist/public/respond.js when missing (the mode the widget config documents). */
export function ensureRespondBundle(): void {
  if (fs.existsSync(RESPOND_JS)) return;
  console.log('apps/web/dist/public/respond.js is missing: building it (vite build --config vite.widget.config.ts --mode respond)');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.widget.config.ts', '--mode', 'respond'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(RESPOND_JS)) throw new Error('building respond.js failed');
}

// Runs in every document before its scripts: records when the first score button is usable.
const WATCH_BUTTON = `(() => {
  const ready = () => {
    const b = document.querySelector('button.tp-score');
    if (!b || b.disabled) return false;
    const r = b.getBoundingClientRect(), s = getComputedStyle(b);
    if (!r.width || !r.height || s.visibility !== 'visible' || s.display === 'none' || s.opacity === '0') return false;
    window.__tpTti = performance.now();
    return true;
  };
  const obs = new MutationObserver(() => { if (ready()) obs.disconnect(); });
  obs.observe(document, { childList: true, subtree: true, attributes: true });
  // Also per frame, in case the button becomes visible through CSS alone (no DOM mutation).
  const poll = () => { if (window.__tpTti === undefined && !ready()) requestAnimationFrame(poll); else obs.disconnect(); };
  requestAnimationFrame(poll);
})();`;

export interface PageResult {
  loads: number; bytesMedian: number; bytesMax: number; rtBytesMedian: number; ttiMedianMs: number;
  ttiMs: number[]; resources: { url: string; bytes: number; status: number }[];
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export async function measurePage(url: string, loads = 10): Promise<PageResult | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM))
    return { skipped: `no Chromium at ${CHROMIUM}; install it with: apt-get install -y chromium fonts-noto-cjk` };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const tti: number[] = [], bytes: number[] = [], rtBytes: number[] = [];
  let resources: PageResult['resources'] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
      await context.addInitScript(WATCH_BUTTON);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const seen = new Map<string, { url: string; status: number; bytes: number }>();
      cdp.on('Network.responseReceived', (e: any) => seen.set(e.requestId, { url: e.response.url, status: e.response.status, bytes: 0 }));
      cdp.on('Network.loadingFinished', (e: any) => { const r = seen.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
      await cdp.send('Network.enable');
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as any).__tpTti !== undefined, undefined, { timeout: 15_000 });
      tti.push(await page.evaluate(() => (window as any).__tpTti as number));
      await page.waitForLoadState('networkidle'); // every loadingFinished has arrived
      rtBytes.push(await page.evaluate(() => (performance.getEntries() as PerformanceResourceTiming[])
        .filter((e) => e.entryType === 'navigation' || e.entryType === 'resource').reduce((a, e) => a + (e.transferSize ?? 0), 0)));
      resources = [...seen.values()].map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), bytes: r.bytes, status: r.status }));
      bytes.push(resources.reduce((a, r) => a + r.bytes, 0));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { loads, bytesMedian: median(bytes), bytesMax: Math.max(...bytes), rtBytesMedian: median(rtBytes), ttiMedianMs: median(tti), ttiMs: tti.map((t) => Math.round(t * 10) / 10), resources };
}
