import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { ORIGIN, type Watched, assert, connectNodes, dragKind, nodeCentre, savedDoc, shot, waitForWithin } from './lib';

export interface E2ETest {
  name: string;
  options?: { width?: number; height?: number; theme?: 'light' | 'dark' };
  /** Substrings of browser problems this test expects (a refused file logs nothing, so rarely needed). */
  allow?: string[];
  run(w: Watched): Promise<void>;
}

/** JSON with sorted keys: the same document whatever order its fields were written in. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const key = (page: Page, combo: string) => page.keyboard.press(combo);
const findingsText = (page: Page) => page.locator('[data-testid=findings]').innerText();

const waitFor = waitForWithin(4000, 60);

/** First visit: the start screen; pick the blank canvas. */
async function blank(page: Page): Promise<void> {
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: /Blank canvas/ }).click();
}

/** Build the private-subnet training architecture from the palette (as a new user would). */
async function buildPrivateTraining(page: Page): Promise<void> {
  await blank(page);
  const zoomOut = page.locator('.react-flow__controls-zoomout');
  await zoomOut.click();
  await zoomOut.click();
  const box = (await page.locator('.react-flow').boundingBox())!;
  const cx = box.x + box.width / 2 + 90,
    cy = box.y + box.height / 2 - 20;
  await dragKind(page, 'vpc', { x: cx, y: cy });
  await dragKind(page, 'subnet', { x: cx, y: cy });
  await dragKind(page, 'training-job', { x: cx, y: cy + 10 });
  await dragKind(page, 's3-bucket', { x: box.x + 90, y: cy });
  await connectNodes(page, 's3-bucket-1', 'training-job-1');
  await waitFor('the edge', async () => (await savedDoc(page))?.edges?.length === 1);
}

export const TESTS: E2ETest[] = [
  {
    name: 'build: training job into a private subnet, connect a bucket, see the finding',
    async run({ page }) {
      await buildPrivateTraining(page);
      const doc = (await savedDoc(page))!;
      const train = doc.nodes.find((n) => n.id === 'training-job-1');
      assert(train?.parent === 'subnet-1', `training job parent is ${train?.parent}`);
      assert(doc.nodes.find((n) => n.id === 'subnet-1')?.parent === 'vpc-1', 'subnet inside the vpc');
      assert(!doc.nodes.find((n) => n.id === 's3-bucket-1')?.parent, 'bucket outside the vpc');
      await waitFor('the s3-unreachable finding', async () => (await findingsText(page)).includes('s3-unreachable'));
      await shot(page, '01-private-training-built');
      await page.locator('.finding-row', { hasText: 's3-unreachable' }).click();
      await waitFor(
        'the inspector shows the job',
        async () => (await page.locator('aside[aria-label=Inspector] h2').first().innerText()) === 'training-job-1',
      );
      await shot(page, '02-finding-selects-node');
    },
  },
  {
    name: 'undo and redo',
    async run({ page }) {
      await buildPrivateTraining(page);
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await key(page, 'Control+z');
      await waitFor('undo removes the edge', async () => (await savedDoc(page))?.edges?.length === 0);
      await key(page, 'Control+z');
      await waitFor(
        'undo removes the bucket',
        async () => !(await savedDoc(page))?.nodes.some((n) => n.id === 's3-bucket-1'),
      );
      await shot(page, '03-after-undo');
      await key(page, 'Control+Shift+z');
      await page.getByRole('button', { name: 'Redo' }).click();
      await waitFor('redo restores the edge', async () => (await savedDoc(page))?.edges?.length === 1);
      await waitFor('the finding is back', async () => (await findingsText(page)).includes('s3-unreachable'));
    },
  },
  {
    name: 'reload restores the work',
    async run({ page }) {
      await buildPrivateTraining(page);
      await page.getByLabel('Architecture title').fill('My private training');
      await page.waitForTimeout(600);
      await page.reload();
      await page.locator('.react-flow__node[data-id="training-job-1"]').waitFor();
      assert((await page.getByRole('dialog').count()) === 0, 'no start screen after reload');
      assert((await page.getByLabel('Architecture title').inputValue()) === 'My private training', 'title restored');
      const doc = (await savedDoc(page))!;
      assert(
        doc.nodes.length === 4 && doc.edges.length === 1,
        `restored ${doc.nodes.length} nodes, ${doc.edges.length} edges`,
      );
      await shot(page, '04-restored-after-reload');
    },
  },
  {
    name: 'a corrupt autosave is kept aside with a message',
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.evaluate(() => localStorage.setItem('sagesim:autosave', '{"format":"sagesim/autosave@9","doc":{}}'));
      await page.reload();
      await page.locator('[data-testid=banner]').waitFor();
      const text = await page.locator('[data-testid=banner]').innerText();
      assert(text.includes('kept aside') && text.includes('newer SageSim'), `banner says: ${text}`);
      const kept = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('sagesim:kept-aside:'))
          .map((k) => localStorage.getItem(k)),
      );
      assert(kept.length === 1 && kept[0]!.includes('autosave@9'), 'the bad save is kept under another key');
    },
  },
  {
    name: 'a malformed file shows its errors and leaves the work intact',
    async run({ page }) {
      await buildPrivateTraining(page);
      const bad = JSON.stringify({
        format: 'sagesim/architecture@1',
        nodes: [{ id: 'train', kind: 'training-job', props: { inputMode: 'Stream' } }],
        edges: [{ from: 'nowhere', to: 'train' }],
      });
      await page
        .locator('[data-testid=file-input]')
        .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await page.locator('[data-testid=banner]').waitFor();
      const text = await page.locator('[data-testid=banner]').innerText();
      assert(text.includes('nodes[0].props.inputMode: expected "File" | "Pipe" | "FastFile"'), `banner: ${text}`);
      assert(text.includes('edges[0].from: no node with id "nowhere"'), 'names the dangling edge');
      assert(
        (await page.locator('.react-flow__node[data-id="training-job-1"]').count()) === 1,
        'old work still on the canvas',
      );
      assert((await savedDoc(page))!.nodes.length === 4, 'old work still saved');
      await shot(page, '05-malformed-file-error');
    },
  },
  {
    name: 'a file dropped on the canvas opens (and undo goes back)',
    async run({ page }) {
      await blank(page);
      const text = readFileSync(new URL('../scenarios/sandbox/realtime-fraud-scoring.json', import.meta.url), 'utf8');
      const dt = await page.evaluateHandle((t) => {
        const d = new DataTransfer();
        d.items.add(new File([t], 'fraud.json', { type: 'application/json' }));
        return d;
      }, text);
      await page.locator('[data-testid=canvas]').dispatchEvent('drop', { dataTransfer: dt });
      await page.locator('.react-flow__node[data-id="fraud-ep"]').waitFor();
      await page.waitForTimeout(400);
      await shot(page, '06-starter-fraud-scoring');
      await key(page, 'Control+z');
      await waitFor('undo back to blank', async () => (await page.locator('.react-flow__node').count()) === 0);
    },
  },
  {
    name: 'a share link round-trips the document',
    async run({ page }) {
      await buildPrivateTraining(page);
      await page.getByRole('button', { name: 'File ▾' }).click();
      await page.getByRole('menuitem', { name: /Share link/ }).click();
      const url = await page.locator('[data-testid=share-url]').inputValue();
      assert(url.startsWith(`${ORIGIN}/#doc=`), `link: ${url.slice(0, 60)}`);
      const original = await savedDoc(page);
      const other = await page
        .context()
        .browser()!
        .newContext({ viewport: { width: 1280, height: 720 } });
      const p2 = await other.newPage();
      await p2.goto(url);
      await p2.locator('.react-flow__node[data-id="training-job-1"]').waitFor();
      await p2.waitForTimeout(500);
      const got = await savedDoc(p2);
      assert(
        canonical(got) === canonical(original),
        `same document on the other side:\n${canonical(got)}\n${canonical(original)}`,
      );
      assert(!p2.url().includes('#doc='), 'the hash is dropped after opening');
      await p2.goto(`${ORIGIN}/#doc=NOT-A-REAL-LINK`);
      await p2.locator('[data-testid=banner]').waitFor();
      assert((await p2.locator('[data-testid=banner]').innerText()).includes('(link)'), 'a damaged link says so');
      await other.close();
    },
  },
  {
    name: 'a refused connection and a refused drop explain themselves at the pointer',
    async run({ page }) {
      await buildPrivateTraining(page);
      const box = (await page.locator('.react-flow').boundingBox())!;
      await dragKind(page, 'ecr-repository', { x: box.x + 90, y: box.y + box.height - 150 });
      await connectNodes(page, 'ecr-repository-1', 's3-bucket-1');
      const toast = page.locator('[data-testid=pointer-toast]');
      await toast.waitFor();
      const text = await toast.innerText();
      assert(
        text.includes('ECR repository cannot connect to S3 bucket') && text.includes('connects to: Training job'),
        `toast: ${text}`,
      );
      const tb = (await toast.boundingBox())!;
      const target = await nodeCentre(page, 's3-bucket-1');
      assert(Math.abs(tb.x - target.x) < 200 && Math.abs(tb.y - target.y) < 200, 'the toast is near the pointer');
      await shot(page, '07-refused-connection');
      assert((await savedDoc(page))!.edges.length === 1, 'no edge added');
      // Dropping a training job on the VPC but outside the subnet: refused, with the catalog's reason.
      const vpc = (await page.locator('.react-flow__node[data-id="vpc-1"]').boundingBox())!;
      await dragKind(page, 'training-job', { x: vpc.x + vpc.width - 60, y: vpc.y + vpc.height - 30 });
      await waitFor('the drop refusal', async () =>
        (await page.locator('[data-testid=pointer-toast]').allInnerTexts()).some((t) =>
          t.includes('not directly in a VPC'),
        ),
      );
    },
  },
  {
    name: 'keyboard: palette Enter adds, shortcuts sheet, duplicate and delete',
    async run({ page }) {
      await blank(page);
      await page.getByLabel('Components').first().focus();
      await page.locator('#palette-search').fill('kms');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.locator('.react-flow__node[data-id="kms-key-1"]').waitFor();
      await page.locator('.react-flow__node[data-id="kms-key-1"]').click();
      await key(page, 'Control+d');
      await page.locator('.react-flow__node[data-id="kms-key-2"]').waitFor();
      await key(page, 'Delete');
      await waitFor('delete', async () => (await page.locator('.react-flow__node').count()) === 1);
      await key(page, '?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await shot(page, '08-shortcuts-sheet');
      await key(page, 'Escape');
    },
  },
  {
    name: 'inspector edits props with units, help and refusals; undo covers them',
    async run({ page }) {
      await buildPrivateTraining(page);
      await page.locator('.react-flow__node[data-id="training-job-1"]').click();
      const count = page.locator('#f-training-job-1-instanceCount');
      await count.fill('0');
      await page.getByText('Instance count: ').first().waitFor();
      await count.fill('4');
      await page.locator('#f-training-job-1-inputMode').selectOption('Pipe');
      await page.waitForTimeout(500);
      const props = (await savedDoc(page))!.nodes.find((n) => n.id === 'training-job-1') as unknown as {
        props: Record<string, unknown>;
      };
      assert(props.props.instanceCount === 4 && props.props.inputMode === 'Pipe', JSON.stringify(props.props));
      await shot(page, '09-inspector');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await key(page, 'Control+z');
      await key(page, 'Control+z');
      await page.waitForTimeout(500);
      const after = (await savedDoc(page))!.nodes.find((n) => n.id === 'training-job-1') as unknown as {
        props?: Record<string, unknown>;
      };
      assert(!after.props, `props after two undos: ${JSON.stringify(after.props)}`);
    },
  },
  {
    name: 'dark theme, starters, and no serious accessibility violations',
    options: { theme: 'dark' },
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('dialog').waitFor();
      await shot(page, '10-start-screen-dark');
      await page
        .getByRole('button', { name: /full MLOps loop/ })
        .click()
        .catch(async () => {
          await page.locator('.starter-card').first().click();
        });
      await page.waitForTimeout(700);
      await shot(page, '11-starter-dark');
      const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      // The app's CSP forbids inline scripts, so axe runs through the page's own script element created by CDP.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setBypassCSP', { enabled: true });
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: {
              run(
                o: unknown,
              ): Promise<{ violations: { id: string; impact: string; nodes: unknown[]; help: string }[] }>;
            };
          }
        ).axe.run({ resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          n: v.nodes.length,
          help: v.help,
          where: (v.nodes as { target: string[] }[]).map((x) => x.target.join(' ')).slice(0, 3),
        }));
      });
      const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(
        `  axe: ${result.length} violation kinds (${result.map((v) => `${v.id}:${v.impact}`).join(', ') || 'none'})`,
      );
      assert(!serious.length, `serious a11y violations: ${JSON.stringify(serious)}`);
    },
  },
  {
    name: 'the built page carries a CSP without inline scripts or eval',
    async run({ page }) {
      await page.goto(ORIGIN);
      const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
      assert(csp && /script-src 'self'(;|$)/.test(csp) && !csp.includes('unsafe-eval'), `csp: ${csp}`);
      const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
      assert(inline === 0, `${inline} inline scripts`);
    },
  },
];
