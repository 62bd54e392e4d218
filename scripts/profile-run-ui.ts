/**
 * `tsx scripts/profile-run-ui.ts` (after `vite build`): where the main thread's time goes while the 200-node
 * bench document plays at ×10 — Chromium's Performance.getMetrics deltas (script, layout, style, task) and
 * the JavaScript CPU profile's top self-time functions, the long animation frames since Play with the scripts in
 * them, and the main thread's long tasks in a trace with the longest events inside each. A diagnosis aid beside
 * `bench:run-ui`.
 */
import { launch, openPage, startPreview, stopPreview } from '../e2e/lib';
import { openAsAutosave } from './frames';
import { bigRunDoc } from './bench-docs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown> & { name?: string };
}

const server = await startPreview();
const browser = await launch();
try {
  const { page } = await openPage(browser, { width: 1280, height: 720 });
  await openAsAutosave(page, bigRunDoc(86_400));
  // long animation frames (over 45 ms) from the click on Play on: when, how long, how much was rendering, and the
  // scripts that ran in them (the browser's own attribution)
  await page.evaluate(() => {
    const g = globalThis as unknown as { __loaf: string[] };
    g.__loaf = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as PerformanceEntry[] & LongFrame[]) {
        if (e.duration <= 45) continue;
        const render = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
        const scripts = e.scripts
          .map(
            (x) => `${x.invoker} ${x.duration.toFixed(0)} ms (${x.sourceURL.split('/').pop()}:${x.sourceCharPosition})`,
          )
          .join(', ');
        g.__loaf.push(
          `${(e.startTime / 1000).toFixed(2)} s: ${e.duration.toFixed(0)} ms, rendering ${render.toFixed(0)} ms; ` +
            (scripts || 'no script'),
        );
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
    interface LongFrame {
      renderStart: number;
      scripts: { invoker: string; duration: number; sourceURL: string; sourceCharPosition: number }[];
    }
  });
  await page.locator('#run-speed').selectOption('10');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const playAt = await page.evaluate(() => performance.now() / 1000);
  await page.waitForFunction(() => document.querySelectorAll('.run-counters').length > 20, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  await cdp.send('Profiler.start');
  await page.waitForTimeout(6000);
  const { profile } = await cdp.send('Profiler.stop');
  const m1 = await metrics();
  const keys = [
    'TaskDuration',
    'ScriptDuration',
    'LayoutDuration',
    'RecalcStyleDuration',
    'LayoutCount',
    'RecalcStyleCount',
    'Nodes',
    'LayoutObjects',
  ];
  console.log(
    keys
      .map((k) => {
        const absolute = k === 'Nodes' || k === 'LayoutObjects';
        const delta = m1[k] - (absolute ? 0 : m0[k]);
        return `${k} ${delta.toFixed(k.endsWith('Count') || absolute ? 0 : 2)}`;
      })
      .join(' · '),
    '(6 s wall)',
  );
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  // inclusive time by function (a function counted once per sample however deep it recurses)
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log('inclusive:');
  for (const [k, ms] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45))
    console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
  console.log('self:');
  for (const [k, ms] of top) console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
  // the renderer's main thread by trace event (self time of complete events, top level of each kind)
  await cdp.send('Profiler.disable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,gpu,viz',
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(4000);
  await cdp.send('Tracing.end');
  await done;
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const t = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|Compositor|Raster|VizCompositor|CrBrowserMain|CrGpuMain/.test(t)) continue;
    const m = byThread.get(t) ?? new Map<string, number>();
    m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
    byThread.set(t, m);
  }
  for (const [t, m] of byThread) {
    const top = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(
      `${t} (4 s; inclusive ms, nested events overlap): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`,
    );
  }
  const loaf = await page.evaluate(() => (globalThis as unknown as { __loaf: string[] }).__loaf);
  console.log(`long animation frames (over 45 ms) since Play at ${playAt.toFixed(2)} s: ${loaf.length}`);
  for (const l of loaf) console.log(`  ${l}`);
  // the main thread's long tasks (over 40 ms), each with the longest events inside it
  const main = events.filter((e) => e.ph === 'X' && e.dur && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const long = main.filter((e) => e.name === 'RunTask' && e.dur! > 40_000);
  console.log(`long tasks on the main thread (over 40 ms, 4 s): ${long.length}`);
  for (const task of long) {
    const inside = main
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!)
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 8);
    const what = inside.map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}`).join(' · ');
    console.log(`  ${(task.dur! / 1000).toFixed(1)} ms: ${what}`);
  }
} finally {
  await browser.close();
  stopPreview(server);
}
