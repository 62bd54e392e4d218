/**
 * `npm run bench:first`: the first screen of a fresh visit on the production build (vite preview, headless
 * Chromium): the JavaScript it loads before the network is idle — gzip -9 of each file, the page's apart from its
 * workers' — and the first contentful paint (Chromium's performance API), as the median of several fresh loads.
 * The first contentful paint is index.html's loading note (painted before the JavaScript has run); beside it, the
 * frame after the app's canvas is in the page ("app shown").
 * Budget (issue 19): ≤ 220 KB gz of JavaScript in the page, first contentful paint < 0.8 s.
 *
 *   npm run bench:first [-- --loads N]
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, openPage, ORIGIN, startPreview, stopPreview } from '../e2e/lib';

const args = process.argv.slice(2);
const i = args.indexOf('--loads');
const loads = Math.max(1, i >= 0 ? Number(args[i + 1]) : 7);
const BUDGET_KB = 220,
  FCP_BUDGET_MS = 800;

const server = await startPreview();
const browser = await launch();
try {
  const fcps: number[] = [],
    shown: number[] = [];
  let scripts = new Set<string>();
  for (let k = 0; k < loads; k++) {
    const { page } = await openPage(browser, { width: 1280, height: 720 });
    const seen = new Set<string>();
    page.context().on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) seen.add(u.pathname);
    });
    // the frame after the app's canvas is in the page (an init script: the page's CSP does not apply to it)
    await page.addInitScript(() => {
      const mo = new MutationObserver(() => {
        if (!document.querySelector('.react-flow')) return;
        mo.disconnect();
        requestAnimationFrame(() => ((window as unknown as { __appShown: number }).__appShown = performance.now()));
      });
      mo.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    fcps.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    shown.push(await page.evaluate(() => (window as unknown as { __appShown?: number }).__appShown ?? NaN));
    scripts = seen;
    await page.context().close();
  }
  let main = 0,
    workers = 0;
  const names: string[] = [];
  for (const path of [...scripts].sort()) {
    const gz = gzipSync(readFileSync(`dist${path}`), { level: 9 }).length;
    if (/\.worker-/.test(path)) workers += gz;
    else main += gz;
    names.push(`${path.split('/').pop()} ${(gz / 1024).toFixed(1)}`);
  }
  const sorted = [...fcps].sort((a, b) => a - b);
  const fcp = sorted[Math.floor(sorted.length / 2)];
  const shownSorted = [...shown].sort((a, b) => a - b);
  const load = execSync('cut -d" " -f1-3 /proc/loadavg', { encoding: 'utf8' }).trim();
  const kb = main / 1024;
  console.log(`first screen     ${names.join(', ')} (KB gz)`);
  console.log(
    `  page JS        ${kb.toFixed(1)} KB gz (budget ${BUDGET_KB}) ${kb <= BUDGET_KB ? 'OK' : 'ABOVE BUDGET'}; ` +
      `workers ${(workers / 1024).toFixed(1)} KB gz`,
  );
  console.log(
    `  FCP            ${fcp.toFixed(0)} ms median of ${loads} fresh loads ` +
      `(${sorted.map((x) => x.toFixed(0)).join(', ')}; budget < ${FCP_BUDGET_MS}) ` +
      `${fcp < FCP_BUDGET_MS ? 'OK' : 'ABOVE BUDGET'} · load ${load}`,
  );
  console.log(
    `  app shown      ${shownSorted[Math.floor(shownSorted.length / 2)].toFixed(0)} ms median ` +
      `(${shownSorted.map((x) => x.toFixed(0)).join(', ')}): the frame after the canvas is in the page`,
  );
} finally {
  await browser.close();
  stopPreview(server);
}
