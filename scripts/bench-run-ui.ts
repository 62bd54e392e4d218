/**
 * `npm run bench:run-ui`: the live run's budgets (design.md) in headless Chromium on the production build.
 *  1. 200 nodes with a run at 1,000 req/s and ×10 speed: frame times (≥ 50 fps) and main-thread long
 *     tasks (none over 50 ms) while the dots, counters and log stream.
 *  2. "Run to end" of 24 simulated hours at 1,000 req/s from 00:00:00: wall time in the page against the runner
 *     (`node dist-cli/sim.mjs`, the same file) in pairs, the order alternating (`--pairs N`, 3 by default): the
 *     median page/runner ratio (within 1.2×); the clock and estimate moving while it runs, and pause answering
 *     within a slice.
 *  3. 24 simulated hours at 1,000 req/s: page memory stays bounded (< 300 MB) — main-thread JS heap, the
 *     engine worker's JS heap, and the resident memory of the browser's processes, sampled while it plays
 *     at ×1000 and after "run to end".
 * `npm run bench:run-ui -- --frames` (or `tsx scripts/bench-run-ui.ts --frames` after a build) measures part 1 only;
 * `--to-end` parts 1 and 2 (not the memory part). `--busy` measures part 1 a second time with one core kept busy by
 * another process (a spinning `node`), the "busy 2-core machine" of issue 19.
 */
import { execSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, startPreview, stopPreview } from '../e2e/lib';
import { formatFrames, installFrameProbe, openAsAutosave, recordFrames } from './frames';
import { bigRunDoc } from './bench-docs';

const loadAvg = () => execSync('cut -d" " -f1-3 /proc/loadavg', { encoding: 'utf8' }).trim();
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
/** Resident memory of every Chromium process (the browser, its renderer, GPU and utility processes). */
function chromiumRss(): number {
  try {
    const out = execSync('ps -eo rss=,comm= | grep -i chrom || true', { encoding: 'utf8' });
    return out.split('\n').reduce((s, l) => s + (Number(l.trim().split(/\s+/)[0]) || 0), 0) * 1024;
  } catch {
    return NaN;
  }
}

const server = await startPreview();
const browser = await launch();
let failed = false;
// labelled so that `--frames` can stop after part 1 and still close the browser
bench: try {
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  const doc = bigRunDoc(86_400);
  await openAsAutosave(page, doc);
  console.log(
    `bench:run-ui — ${doc.nodes.length} nodes, ${doc.edges!.length} edges, 40 clients × 25 req/s = 1,000 ` +
      `req/s; 1280×720, production build`,
  );
  await installFrameProbe(page);
  await page.locator('#run-speed').selectOption('10');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.run-counters').length > 20, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1000);
  /** 8 s of frames while it plays (`label` names the condition), against the budget. */
  const frames = async (label: string) => {
    const st = await recordFrames(page, () => page.waitForTimeout(8000));
    const counters = await page.locator('.run-counters').count();
    const clock = await page.locator('[data-testid=run-clock] .run-clock-time').innerText();
    const longMax = st.long.length ? Math.max(...st.long) : 0;
    console.log(`${formatFrames(label, st)}  · ${counters} live counters · clock ${clock} · load ${loadAvg()}`);
    if (st.fps < 50 || longMax > 50) {
      failed = true;
      console.log('  OVER BUDGET (≥ 50 fps, no task over 50 ms)');
    }
  };
  await frames('run ×10, 8 s wall');
  if (process.argv.includes('--busy')) {
    // one core kept busy by another process for the whole recording (2 s to settle first)
    const spin = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    try {
      await page.waitForTimeout(2000);
      await frames('run ×10, one core busy');
    } finally {
      spin.kill();
    }
  }
  if (process.argv.includes('--frames')) {
    if (problems.length) console.log(`browser problems: ${problems.join('; ')}`);
    break bench;
  }

  // run to end from 00:00:00 in the page and the runner on the same file, in pairs (the order alternating, so the
  // machine's load falls on both alike); the page's time runs from the click to the clock's "finished" (a mutation
  // observer's timestamp, not the polling below)
  const file = join(mkdtempSync(join(tmpdir(), 'bench-run-ui-')), 'big.json');
  writeFileSync(file, JSON.stringify(doc));
  const runner = (): number => {
    const c0 = Date.now();
    const cli = spawnSync('node', ['dist-cli/sim.mjs', file, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`runner failed: ${cli.stderr}`);
    return (Date.now() - c0) / 1000;
  };
  const seen = new Set<string>();
  const etas = new Set<string>();
  const inPage = async (): Promise<number> => {
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();
    await page.getByRole('button', { name: 'Reset run', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'idle',
    );
    await page.evaluate(() => {
      const w = window as unknown as { runToEndMs?: number };
      delete w.runToEndMs;
      const clock = document.querySelector('[data-testid=run-clock]')!;
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (clock.getAttribute('data-status') !== 'finished') return;
        w.runToEndMs = performance.now() - t0;
        seen.disconnect();
      });
      seen.observe(clock, { attributes: true, attributeFilter: ['data-status'] });
      document.querySelector<HTMLButtonElement>('button[aria-label="Run to end"]')!.click();
    });
    const r0 = Date.now();
    for (;;) {
      const s = await page.evaluate(() => ({
        done: (window as unknown as { runToEndMs?: number }).runToEndMs,
        clock: document.querySelector('[data-testid=run-clock] .run-clock-time')?.textContent ?? '',
        eta: document.querySelector('[data-testid=run-eta]')?.textContent ?? '',
      }));
      if (s.done !== undefined) return s.done / 1000;
      seen.add(s.clock);
      if (s.eta) etas.add(s.eta);
      if (Date.now() - r0 > 600_000) throw new Error('run to end did not finish in 10 min');
      await page.waitForTimeout(250);
    }
  };
  const pairs = Math.max(1, Number(process.argv[process.argv.indexOf('--pairs') + 1]) || 3);
  const pageSecs: number[] = [],
    cliSecs: number[] = [],
    ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let p: number, c: number;
    if (i % 2) {
      c = runner();
      p = await inPage();
    } else {
      p = await inPage();
      c = runner();
    }
    pageSecs.push(p);
    cliSecs.push(c);
    ratios.push(p / c);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const ratio = median(ratios);
  console.log(
    `run to end (24 h at 1,000 req/s from 00:00:00): page ${median(pageSecs).toFixed(1)} s · runner ` +
      `${median(cliSecs).toFixed(1)} s · page/runner ${ratio.toFixed(2)}× median of ${pairs} pairs ` +
      `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; budget 1.2×) ` +
      `${ratio <= 1.2 ? 'OK' : 'ABOVE BUDGET'} · ${seen.size} clock readings, ${etas.size} estimates while it ran · ` +
      `load ${loadAvg()}`,
  );
  if (ratio > 1.2) failed = true;
  // pause answers within a slice, reset works while it runs
  await page.getByRole('button', { name: 'Reset run', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'idle',
  );
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'toEnd',
  );
  await page.waitForTimeout(1000);
  const p0 = Date.now();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'paused',
    undefined,
    { polling: 10 },
  );
  console.log(`pause during run to end answered in ${Date.now() - p0} ms`);
  await page.getByRole('button', { name: 'Reset run', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'idle',
  );
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  if (process.argv.includes('--to-end')) {
    if (problems.length) console.log(`browser problems: ${problems.join('; ')}`);
    break bench;
  }

  // memory over 24 simulated hours
  const cdp = await page.context().newCDPSession(page);
  // the engine worker's heap, through the page's DevTools session (auto-attached, messages relayed)
  const workerSessions: string[] = [];
  const replies = new Map<number, (v: unknown) => void>();
  let msgId = 0;
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') workerSessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message);
    replies.get(m.id)?.(m.result);
    replies.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.waitForTimeout(300);
  const workerHeap = async (): Promise<number> => {
    let sum = 0;
    for (const sessionId of workerSessions) {
      const id = ++msgId;
      const r = (await Promise.race([
        new Promise<unknown>((res) => {
          replies.set(id, res);
          void cdp.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
          });
        }),
        new Promise<unknown>((res) => setTimeout(() => res(null), 3000)),
      ])) as { usedSize: number } | null;
      sum += r?.usedSize ?? 0;
    }
    return workerSessions.length ? sum : NaN;
  };
  const heap = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    const main = m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { main, worker: await workerHeap(), rss: chromiumRss() };
  };
  await cdp.send('Performance.enable');
  await page.locator('#run-speed').selectOption('1000');
  let peak = { main: 0, worker: 0, rss: 0 };
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(2000);
    const h = await heap();
    peak = {
      main: Math.max(peak.main, h.main),
      worker: Math.max(peak.worker || 0, h.worker || 0),
      rss: Math.max(peak.rss, h.rss),
    };
  }
  const mid = await page.locator('[data-testid=run-clock] .run-clock-time').innerText();
  console.log(
    `play ×1000 for 20 s wall    reached ${mid} simulated · peak main heap ${mb(peak.main)} · worker heap ` +
      `${mb(peak.worker)} · all Chromium processes' RSS ${mb(peak.rss)}`,
  );
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-clock]')?.getAttribute('data-status') === 'finished',
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  await page.waitForTimeout(1500);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const end = await heap();
  const logged = await page
    .locator('[data-testid=run-dock] .run-tab .count')
    .first()
    .innerText()
    .catch(() => '?');
  console.log(
    `run to end (24 h simulated) in ${((Date.now() - t0) / 1000).toFixed(1)} s wall · main heap ` +
      `${mb(end.main)} · worker heap ${mb(end.worker)} · all Chromium processes' RSS ${mb(end.rss)} · log ` +
      `entries ${logged}`,
  );
  const total = Math.max(end.main + (end.worker || 0), peak.main + (peak.worker || 0));
  if (total > 300 * 2 ** 20) {
    failed = true;
    console.log('  OVER BUDGET (page memory < 300 MB)');
  }
  if (problems.length) console.log(`browser problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  stopPreview(server);
}
process.exit(failed ? 1 : 0);
