/**
 * `npm run bench:ui`: frame times of the editor with a 200-node document while panning and while dragging
 * a node, in headless Chromium on the production build (vite preview). Prints p50/p95/max frame ms and the
 * main-thread long tasks (> 50 ms). Budget (design.md): ≥ 50 fps, no task over 50 ms.
 * First, the first screen of a fresh visit: the JavaScript it loads (gzip -9 of each file in dist/, the
 * page's and its workers'), and its first contentful paint.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, openPage, ORIGIN, startPreview, stopPreview } from '../e2e/lib';
import { formatFrames, installFrameProbe, openAsAutosave, recordFrames } from './frames';
import type { ArchDoc, ArchNode } from '../src/model/schema';

/** 4 VPCs × 2 subnets × 8 jobs, plus buckets, images, clients and endpoints: 200 nodes, ~150 edges. */
function bigDoc(): ArchDoc {
  const nodes: ArchNode[] = [];
  const edges: { from: string; to: string }[] = [];
  for (let v = 0; v < 4; v++) {
    nodes.push({ id: `vpc-${v}`, kind: 'vpc' });
    for (let s = 0; s < 2; s++) {
      const sub = `sub-${v}-${s}`;
      nodes.push({ id: sub, kind: 'subnet', parent: `vpc-${v}` });
      for (let j = 0; j < 8; j++)
        nodes.push({ id: `job-${v}-${s}-${j}`, kind: j % 2 ? 'processing-job' : 'training-job', parent: sub });
    }
  }
  const jobs = nodes.filter((n) => n.kind === 'training-job' || n.kind === 'processing-job').map((n) => n.id);
  let i = 0;
  while (nodes.length < 200) {
    const k = i % 4;
    if (k === 0) {
      nodes.push({ id: `data-${i}`, kind: 's3-bucket' });
      edges.push({ from: `data-${i}`, to: jobs[i % jobs.length] });
    }
    if (k === 1) {
      nodes.push({ id: `img-${i}`, kind: 'ecr-repository' });
      edges.push({ from: `img-${i}`, to: jobs[(i * 7) % jobs.length] });
    }
    if (k === 2) nodes.push({ id: `ep-${i}`, kind: 'serverless-endpoint' });
    if (k === 3) {
      nodes.push({ id: `client-${i}`, kind: 'client' });
      edges.push({ from: `client-${i}`, to: `ep-${i - 1}` });
    }
    i++;
  }
  return { format: 'sagesim/architecture@1', title: 'Bench: 200 nodes', nodes, edges };
}

const server = await startPreview();
const browser = await launch();
try {
  {
    // the first screen of a fresh visit
    const { page: first } = await openPage(browser, { width: 1280, height: 720 });
    const scripts = new Set<string>();
    first.context().on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) scripts.add(u.pathname);
    });
    await first.goto(`${ORIGIN}/`);
    await first.waitForLoadState('networkidle');
    await first.waitForTimeout(1500);
    const fcp = await first.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    let main = 0,
      workers = 0;
    const names: string[] = [];
    for (const path of scripts) {
      const gz = gzipSync(readFileSync(`dist${path}`), { level: 9 }).length;
      if (/\.worker-/.test(path)) workers += gz;
      else main += gz;
      names.push(`${path.split('/').pop()} ${(gz / 1024).toFixed(0)}`);
    }
    const load = execSync('cut -d" " -f1-3 /proc/loadavg', { encoding: 'utf8' }).trim();
    console.log(
      `first screen: JS ${(main / 1024).toFixed(0)} KB gz in the page + ${(workers / 1024).toFixed(0)} KB gz ` +
        `in workers (${names.join(', ')}) · first contentful paint ${fcp.toFixed(0)} ms · load ${load}`,
    );
    await first.context().close();
  }
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  const doc = bigDoc();
  await openAsAutosave(page, doc, 1500);
  const rendered = await page.locator('.react-flow__node').count();
  await installFrameProbe(page);
  const record = async (name: string, gesture: () => Promise<void>) => {
    const st = await recordFrames(page, gesture);
    console.log(formatFrames(name, st));
    return st;
  };
  console.log(
    `bench:ui — ${doc.nodes.length} nodes, ${doc.edges!.length} edges; ${rendered} node elements rendered; 1280×720`,
  );
  await record('pan (fit view, all nodes)', async () => {
    const p = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(p.x + 8, p.y + 8);
    await page.mouse.down();
    for (let k = 0; k < 120; k++)
      await page.mouse.move(p.x + 8 + Math.sin(k / 12) * 200, p.y + 8 + (1 - Math.cos(k / 17)) * 100);
    await page.mouse.up();
  });
  const node = page.locator('.react-flow__node[data-id="data-0"]');
  const b = (await node.boundingBox())!;
  await record('drag a node (fit view)', async () => {
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    for (let k = 0; k < 120; k++)
      await page.mouse.move(b.x + b.width / 2 + Math.sin(k / 10) * 150, b.y + b.height / 2 + Math.cos(k / 13) * 80);
    await page.mouse.up();
  });
  const vpc = page.locator('.react-flow__node[data-id="vpc-1"] .group-header');
  const v = (await vpc.boundingBox())!;
  await record('drag a VPC (18 children)', async () => {
    await page.mouse.move(v.x + 40, v.y + 10);
    await page.mouse.down();
    for (let k = 0; k < 120; k++)
      await page.mouse.move(v.x + 40 + Math.sin(k / 10) * 120, v.y + 10 + Math.cos(k / 13) * 60);
    await page.mouse.up();
  });
  if (problems.length) console.log(`browser problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  stopPreview(server);
}
