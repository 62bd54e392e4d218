/**
 * Browser tests for issue 13 (never blank, never lose work, never run away), each doing what a person does:
 * open a link, reload, open a second tab, open a big file, press Play.
 */
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { crc32 } from '../src/model/crc32';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, savedDoc, shot, waitForWithin } from './lib';
import { bigFile } from '../test/robust/big';

const waitFor = waitForWithin(6000, 60);

const lz = createRequire(import.meta.url)('lz-string') as { compressToEncodedURIComponent(s: string): string };
/** A share link as the app makes it (src/model/share.ts): the compressed document and its CRC-32. */
const link = (doc: unknown): string => {
  const payload = lz.compressToEncodedURIComponent(JSON.stringify(doc));
  return `${ORIGIN}/#doc=${payload}~${crc32(payload)}`;
};

const PROTO_DOC = {
  format: 'sagesim/architecture@1',
  title: 'Constructor',
  durationSec: 120,
  nodes: [
    { id: 'constructor', kind: 'client', props: { rps: 5 }, position: { x: 0, y: 0 } },
    { id: 'ep', kind: 'realtime-endpoint', position: { x: 320, y: 0 } },
    { id: 'tostring', kind: 'sns', position: { x: 0, y: 160 } },
  ],
  edges: [{ from: 'constructor', to: 'ep' }],
};

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
const bannerText = (page: Page) => page.locator('[data-testid=banner]').innerText();

/** 2,000 nodes in VPCs and subnets, clients outside, 4,000 edges, no positions (a generated file). */
const bigDoc = (n = 2000, edges = 4000): unknown => ({ ...bigFile(n, edges, 11), title: 'Two thousand' });

/**
 * A bug in a component that draws run figures (simulated: the number formatting it uses throws), then Run to end:
 * the crash screen shows.
 */
async function crashOnRun(page: Page): Promise<void> {
  await page.evaluate(() => {
    Number.prototype.toLocaleString = () => {
      throw new Error('simulated render bug');
    };
  });
  await page.getByRole('button', { name: 'Run to end' }).click();
  await page.locator('[data-testid=crash-screen]').waitFor();
}

async function openFile(page: Page, name: string, doc: unknown): Promise<void> {
  await page
    .locator('[data-testid=file-input]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

export const TESTS: E2ETest[] = [
  {
    name: 'robust: a node called constructor opens from a link, runs to the end and survives a reload',
    async run({ page }) {
      await page.goto(link(PROTO_DOC));
      await page.locator('.react-flow__node[data-id="constructor"]').waitFor();
      await page.getByRole('button', { name: 'Run to end' }).click();
      await waitFor(
        'the run to finish',
        async () => (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
        20000,
      );
      assert((await page.locator('[data-testid=crash-screen]').count()) === 0, 'no crash screen');
      await waitFor('the autosave', async () => (await savedDoc(page))?.nodes.length === 3);
      await page.reload();
      await page.locator('.react-flow__node[data-id="constructor"]').waitFor();
      assert((await nodeCount(page)) === 3, 'all three nodes after a reload');
      await shot(page, 'robust-01-constructor-node');
    },
  },
  {
    name:
      'robust: a crash shows what failed instead of a blank page; a reload does not re-open it; "Open it anyway" ' +
      'does',
    allow: ['simulated render bug', 'The above error occurred'],
    async run({ page }) {
      await page.goto(link(PROTO_DOC));
      await page.locator('.react-flow__node[data-id="ep"]').waitFor();
      await waitFor('the autosave', async () => (await savedDoc(page))?.nodes.length === 3);
      await crashOnRun(page);
      const text = await page.locator('[data-testid=crash-screen]').innerText();
      assert(text.includes('simulated render bug'), `says what failed: ${text}`);
      assert(text.includes('Start with a blank canvas') && text.includes('Download the document that failed'), text);
      await shot(page, 'robust-02-crash-screen');
      await page.reload();
      await page.locator('[data-testid=banner]').waitFor();
      assert((await bannerText(page)).includes('so it was not opened again'), await bannerText(page));
      assert((await nodeCount(page)) === 0, 'the document that crashed is not re-opened');
      await page.getByRole('button', { name: 'Open it anyway' }).click();
      await page.locator('.react-flow__node[data-id="constructor"]').waitFor();
    },
  },
  {
    name: 'robust: a link opened over your work that then crashes the page: the crash screen opens your work again',
    allow: ['simulated render bug', 'The above error occurred'],
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: /Blank canvas/ }).click();
      await openFile(page, 'my-work.json', {
        format: 'sagesim/architecture@1',
        title: 'My work',
        nodes: [{ id: 'mine', kind: 'sqs', position: { x: 0, y: 0 } }],
      });
      await page.locator('.react-flow__node[data-id="mine"]').waitFor();
      await waitFor('my work autosaved', async () => (await savedDoc(page))?.nodes[0]?.id === 'mine');
      // the link replaces my work, and the autosave with it
      await page.goto(link(PROTO_DOC));
      await page.locator('.react-flow__node[data-id="ep"]').waitFor();
      await waitFor('the link autosaved', async () => (await savedDoc(page))?.nodes.length === 3);
      await crashOnRun(page);
      const text = await page.locator('[data-testid=crash-screen]').innerText();
      assert(text.includes('What you had before you opened it is kept.'), text);
      await shot(page, 'robust-02b-crash-screen-previous-work');
      await page.getByRole('button', { name: 'Open the last good autosave' }).click();
      await page.locator('.react-flow__node[data-id="mine"]').waitFor();
      assert((await nodeCount(page)) === 1, 'my work, not the link');
      assert((await page.locator('[data-testid=banner]').count()) === 0, 'no banner: my work opened normally');
      const kept = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('sagesim:kept-aside:autosave')),
      );
      assert(kept.length === 1, `the document that crashed is kept aside: ${kept.join(', ')}`);
    },
  },
  {
    name: 'robust: a second tab is warned, and its first save keeps the first tab’s work aside',
    async run({ page }) {
      await page.goto(link(PROTO_DOC));
      await page.locator('.react-flow__node[data-id="ep"]').waitFor();
      await waitFor('tab 1 autosave', async () => (await savedDoc(page))?.nodes.length === 3);
      const first = await page.evaluate(() => localStorage.getItem('sagesim:autosave'));
      const tab2 = await page.context().newPage();
      await tab2.goto(ORIGIN);
      await tab2.locator('.react-flow__node[data-id="ep"]').waitFor();
      await waitFor(
        'the warning in tab 1',
        async () => (await page.locator('.toast', { hasText: 'open in another tab' }).count()) > 0,
      );
      // tab 1 edits (the other tab saw its save), then tab 2 edits: tab 1's work is kept aside, not overwritten
      await page.locator('.react-flow__node[data-id="tostring"]').click();
      await page.keyboard.press('Delete');
      await waitFor('tab 1 saved its edit', async () => (await savedDoc(page))?.nodes.length === 2);
      const tab1Save = await page.evaluate(() => localStorage.getItem('sagesim:autosave'));
      assert(tab1Save !== first, 'tab 1 saved again');
      await tab2.locator('.react-flow__node[data-id="ep"]').click();
      await tab2.keyboard.press('Delete');
      await waitFor('tab 2 saved', async () => !(await savedDoc(tab2))?.nodes.some((n) => n.id === 'ep'));
      const kept = await tab2.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('sagesim:kept-aside:other-tab:'))
          .map((k) => localStorage.getItem(k)),
      );
      assert(kept.length === 1 && kept[0] === tab1Save, `tab 1's work kept aside: ${kept.length}`);
      await tab2.close();
    },
  },
  {
    name: 'robust: storage full and a damaged autosave: it stays untouched, its download is not empty',
    async run({ page }) {
      await page.goto(ORIGIN);
      const damaged = await page.evaluate(() => {
        const bad = `{"format":"sagesim/autosave@1","doc":{"nodes":[${'"x",'.repeat(100_000)}`;
        localStorage.clear();
        localStorage.setItem('sagesim:visited', '1');
        localStorage.setItem('sagesim:autosave', bad);
        // fill the rest of the origin's storage
        let chunk = 'f'.repeat(512 * 1024);
        for (let i = 0; chunk.length > 8; i++) {
          try {
            localStorage.setItem(`filler:${i}`, chunk);
          } catch {
            chunk = chunk.slice(0, chunk.length / 2);
          }
        }
        return bad.length;
      });
      await page.reload();
      await page.locator('[data-testid=banner]').waitFor();
      const text = await bannerText(page);
      assert(text.includes('too full to keep a copy aside') && text.includes('untouched'), text);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the damaged save' }).click(),
      ]);
      const { size } = await import('node:fs').then(async (fs) => fs.statSync((await download.path())!));
      assert(size === damaged, `download has the damaged save: ${size} bytes of ${damaged}`);
      await page.locator('[data-testid=canvas]').click();
      await page.keyboard.press('Control+a');
      await page.waitForTimeout(500);
      const still = await page.evaluate(() => localStorage.getItem('sagesim:autosave')?.length);
      assert(still === damaged, 'the damaged save is not overwritten');
    },
  },
  {
    name: 'robust: 2,000 nodes without positions lay out in the background, with progress and a cancel',
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: /Blank canvas/ }).click();
      const doc = bigDoc();
      // the person presses Cancel as soon as the progress shows (a watcher in the page: the layout may take
      // only a second, less than a round trip of the test driver under a light load)
      await page.evaluate(() => {
        const w = window as unknown as { sawProgress: boolean };
        w.sawProgress = false;
        const mo = new MutationObserver(() => {
          const b = document.querySelector<HTMLButtonElement>('[data-testid=layout-progress] button');
          if (!b) return;
          w.sawProgress = true;
          mo.disconnect();
          b.click();
        });
        mo.observe(document.body, { childList: true, subtree: true });
      });
      await openFile(page, 'two-thousand.json', doc);
      await waitFor('the progress and a cancel', () =>
        page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
      );
      await waitFor(
        'the progress gone',
        async () => (await page.locator('[data-testid=layout-progress]').count()) === 0,
      );
      assert((await nodeCount(page)) === 0, 'cancelled: the canvas is as it was');
      const t0 = Date.now();
      await openFile(page, 'two-thousand.json', doc);
      await waitFor('the laid-out document', async () => (await savedDoc(page))?.nodes.length === 2000, 60000);
      const ms = Date.now() - t0;
      // a figure, not a pass mark: budgets are measured by benchmarks, never by timed tests (design.md)
      console.log(`    2,000 nodes opened and laid out in ${ms} ms`);
      const saved = await savedDoc(page);
      assert(
        saved!.nodes.every((n) => (n as { position?: unknown }).position),
        'every node has a position',
      );
      await shot(page, 'robust-03-two-thousand-nodes');
    },
  },
  {
    name: 'robust: the page and its workers get the CSP header (no framing); a load and a run log no violation',
    async run({ page }) {
      const headers = new Map<string, string>();
      page.on('response', (r) => {
        const u = r.url();
        if (u === `${ORIGIN}/` || /worker.*\.js$/.test(u)) headers.set(u, r.headers()['content-security-policy'] ?? '');
      });
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) =>
          (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(link(PROTO_DOC));
      await page.locator('.react-flow__node[data-id="ep"]').waitFor();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(1500);
      const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      assert(violations.length === 0, `CSP violations: ${violations.join(', ')}`);
      const doc = headers.get(`${ORIGIN}/`) ?? '';
      assert(doc.includes("frame-ancestors 'none'") && doc.includes("script-src 'self'"), `document CSP: ${doc}`);
      const workers = [...headers].filter(([u]) => u !== `${ORIGIN}/`);
      assert(workers.length > 0, 'a worker script was loaded');
      for (const [u, h] of workers) assert(h.includes("script-src 'self'"), `worker ${u} CSP: ${h}`);
    },
  },
  {
    name: 'robust: a run over the work budget is refused with the figure, and a duration that fits is offered',
    async run({ page }) {
      await page.goto(
        link({
          format: 'sagesim/architecture@1',
          title: 'Flood',
          nodes: [
            { id: 'shop', kind: 'client', props: { rps: 100000 }, position: { x: 0, y: 0 } },
            { id: 'ep', kind: 'realtime-endpoint', position: { x: 320, y: 0 } },
          ],
          edges: [{ from: 'shop', to: 'ep' }],
          faults: [{ kind: 'traffic-spike', node: 'shop', atSec: 60, factor: 1000 }],
        }),
      );
      await page.locator('.react-flow__node[data-id="ep"]').waitFor();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.locator('[data-testid=banner]').waitFor();
      const text = await bannerText(page);
      assert(text.includes('would simulate 30,330,000,000 requests'), text);
      await shot(page, 'robust-04-work-budget');
      await page.getByRole('button', { name: 'Run 60 s instead' }).click();
      await waitFor(
        'the duration',
        async () =>
          (await savedDoc(page)) !== null &&
          (await page.evaluate(() => JSON.parse(localStorage.getItem('sagesim:autosave')!).doc.durationSec)) === 60,
      );
      await page.getByRole('button', { name: 'Run to end' }).click();
      await waitFor(
        'the shorter run to finish',
        async () => (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
        30000,
      );
    },
  },
];
