/**
 * Browser-test helpers: serve the production build with `vite preview`, drive Debian's Chromium with
 * playwright-core, and fail on any console error or request that leaves the origin.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';

export const PORT = Number(process.env.E2E_PORT ?? 4179);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

const CHROMIUM =
  process.env.CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/** Start `vite preview` on the built app and wait until it answers. */
export async function startPreview(): Promise<ChildProcess> {
  const p = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  p.stdout?.on('data', (d) => {
    out += d;
  });
  p.stderr?.on('data', (d) => {
    out += d;
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return p;
    } catch {
      /* not yet */
    }
    if (p.exitCode !== null) throw new Error(`vite preview exited: ${out}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  stopPreview(p);
  throw new Error(`vite preview did not answer on ${ORIGIN}: ${out}`);
}

export function stopPreview(p: ChildProcess): void {
  try {
    if (p.pid) process.kill(-p.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}

export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM=/path)');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Watched {
  page: Page;
  problems: string[];
}

/** A fresh page (fresh storage) that records console errors, page errors and off-origin requests. */
export async function openPage(
  browser: Browser,
  o: { width?: number; height?: number; theme?: 'light' | 'dark' } = {},
): Promise<Watched> {
  const ctx = await browser.newContext({
    viewport: { width: o.width ?? 1280, height: o.height ?? 720 },
    colorScheme: o.theme ?? 'light',
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'))
      problems.push(`off-origin request: ${u}`);
  });
  return { page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/** Drag a palette item onto the canvas at a client point (HTML5 drag and drop). */
export async function dragKind(page: Page, kind: string, to: { x: number; y: number }): Promise<void> {
  const dt = await page.evaluateHandle(() => new DataTransfer());
  const item = page.locator(`.palette-item[data-kind="${kind}"]`);
  await item.scrollIntoViewIfNeeded();
  await item.dispatchEvent('dragstart', { dataTransfer: dt });
  const pane = page.locator('[data-testid=canvas]');
  await pane.dispatchEvent('dragover', { dataTransfer: dt, clientX: to.x, clientY: to.y });
  await pane.dispatchEvent('drop', { dataTransfer: dt, clientX: to.x, clientY: to.y });
}

/** Screen centre of a node on the canvas. */
export async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const b = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!b) throw new Error(`node ${id} not visible`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Drag from one node's output handle to another node's input handle. */
export async function connectNodes(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source.port`).boundingBox();
  const b = await page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target.port`).boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} → ${to} not found`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** The document the editor autosaved (what a reload restores). */
export async function savedDoc(page: Page): Promise<{
  nodes: { id: string; kind: string; parent?: string; props?: Record<string, unknown> }[];
  edges: { from: string; to: string }[];
} | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('sagesim:autosave');
    return raw ? JSON.parse(raw).doc : null;
  });
}

export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

/** Poll `fn` until it is true; throws "timed out waiting for <what>" after `ms`. */
export async function waitFor(what: string, fn: () => Promise<boolean>, ms = 8000, pollMs = 80): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `waitFor` with a test file's own default timeout (and polling interval). */
export const waitForWithin =
  (defaultMs: number, pollMs = 80) =>
  (what: string, fn: () => Promise<boolean>, ms = defaultMs): Promise<void> =>
    waitFor(what, fn, ms, pollMs);

/** Connection dots that something else covers: the element at the dot's centre is not the dot (nor inside it). */
export const coveredDots = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const h of document.querySelectorAll<HTMLElement>('.react-flow__handle.port')) {
      const r = h.getBoundingClientRect();
      const x = r.x + r.width / 2,
        y = r.y + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      const top = document.elementFromPoint(x, y);
      if (top && top !== h && !h.contains(top)) {
        const node = h.closest('.react-flow__node')?.getAttribute('data-id');
        out.push(`${node}'s ${h.classList.contains('source') ? 'output' : 'input'} dot under ${top.className}`);
      }
    }
    return out;
  });

/** Open a document by dropping its text on the canvas (as a user drops a file). */
export async function openDoc(page: Page, text: string, name = 'arch.json'): Promise<void> {
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: /Blank canvas/ }).click();
  const dt = await page.evaluateHandle(
    ([t, n]) => {
      const d = new DataTransfer();
      d.items.add(new File([t], n, { type: 'application/json' }));
      return d;
    },
    [text, name] as const,
  );
  await page.locator('[data-testid=canvas]').dispatchEvent('drop', { dataTransfer: dt });
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(400);
}

/** A puzzle as a plain design: without its goal, locks, palette, solution, hints and questions (in place). */
export function asDesign(d: Record<string, unknown>): void {
  for (const k of [
    'mode',
    'goal',
    'locked',
    'lockedProps',
    'palette',
    'solution',
    'alternatives',
    'hints',
    'questions',
  ])
    delete d[k];
}
