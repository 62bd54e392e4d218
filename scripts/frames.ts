/**
 * Shared by the UI benchmarks: open a document as the app's autosave (so the page restores it), and record
 * frame times and main-thread long tasks in the page while something happens.
 */
import type { Page } from 'playwright-core';
import { ORIGIN } from '../e2e/lib';
import type { ArchDoc } from '../src/model/schema';

/** Open `doc` in a fresh page through the autosave (first load only) and wait for the canvas. */
export async function openAsAutosave(page: Page, doc: ArchDoc, settleMs = 1200): Promise<void> {
  await page.addInitScript((d) => {
    if (!sessionStorage.getItem('bench')) {
      localStorage.setItem('sagesim:autosave', JSON.stringify({ format: 'sagesim/autosave@1', savedAt: null, doc: d }));
      localStorage.setItem('sagesim:visited', '1');
      sessionStorage.setItem('bench', '1');
    }
  }, doc);
  await page.goto(ORIGIN);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(settleMs);
}

/** Frame statistics in ms (p50, p95, max) and the mean frames per second. */
export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  fps: number;
  long: number[];
}

/** Install the frame and long-task probe once per page. */
export async function installFrameProbe(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await page.evaluate(
    `(() => {
    const g = globalThis; g.__frames = []; g.__long = []; g.__rec = false;
    new ` +
      `PerformanceObserver((l) => { for (const e of l.getEntries()) if (g.__rec) g.__long.push(e.duration); ` +
      `}).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) ` +
      `=> { if (g.__rec) g.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    ` +
      `requestAnimationFrame(tick);
  })()`,
  );
}

type Probe = { __frames: number[]; __long: number[]; __rec: boolean };

/** Record frames and long tasks while `during` runs. */
export async function recordFrames(page: Page, during: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Probe;
    g.__frames = [];
    g.__long = [];
    g.__rec = true;
  });
  await during();
  const r = await page.evaluate(() => {
    const g = globalThis as unknown as Probe;
    g.__rec = false;
    return { frames: g.__frames, long: g.__long };
  });
  const s = [...r.frames].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const fps = s.length ? 1000 / (r.frames.reduce((a, b) => a + b, 0) / s.length) : 0;
  return { frames: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? 0, fps, long: r.long };
}

/** One line of figures: frames, p50/p95/max, fps and long tasks. */
export function formatFrames(name: string, st: FrameStats): string {
  return (
    `${name.padEnd(28)} frames ${String(st.frames).padStart(4)}  p50 ${st.p50.toFixed(1)} ms  p95 ` +
    `${st.p95.toFixed(1)} ms  max ${st.max.toFixed(1)} ms  (~${st.fps.toFixed(0)} fps)  long tasks ` +
    `${st.long.length}${st.long.length ? ` (max ${Math.max(...st.long).toFixed(0)} ms)` : ''}`
  );
}
