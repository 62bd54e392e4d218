import type { Report } from '../engine';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The report as text for a terminal (the default output of `npm run sim`). */
export function formatReport(title: string, r: Report): string {
  const lines: string[] = [];
  lines.push(
    `${title} — seed ${r.seed}, rulebook ${r.rulebook}, ${r.simulatedSec} simulated s, cost $${r.costUSD.toFixed(2)}`,
  );
  lines.push('');
  lines.push(`Findings (${r.findings.length})`);
  for (const f of r.findings) lines.push(`  ${pad(f.severity, 8)} ${pad(f.rule, 34)} ${pad(f.node, 18)} ${f.message}`);
  lines.push('');
  lines.push(`Incidents (${r.incidents.length})`);
  for (const i of r.incidents)
    lines.push(
      `  ${pad(`${i.count}×`, 9)} ${pad(i.rule, 34)} ${pad(i.node, 18)} first at ${i.firstAtSec}s · ${i.message}`,
    );
  lines.push('');
  lines.push('Nodes');
  for (const [id, n] of Object.entries(r.nodes)) {
    const figures = Object.entries(n)
      .filter(([k]) => k !== 'state')
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(', ');
    lines.push(`  ${pad(id, 20)} ${pad(n.state ?? '', 12)} ${figures}`);
  }
  if (r.costByTag) {
    lines.push('');
    lines.push('Cost by tag');
    for (const [key, values] of Object.entries(r.costByTag))
      lines.push(
        `  ${pad(key, 20)} ${Object.entries(values)
          .map(([v, usd]) => `${v} $${usd}`)
          .join(', ')}`,
      );
  }
  if (r.budgets) {
    lines.push('');
    lines.push('Budgets');
    for (const b of r.budgets)
      lines.push(
        `  ${pad(b.name, 20)} $${b.actualUSD} of $${b.limitUSD} (${b.percent}%)${
          b.alerts.length ? ` · alerts at ${b.alerts.map((t) => `${t}%`).join(', ')}` : ' · no alert'
        }`,
      );
  }
  if (r.goal) {
    lines.push('');
    lines.push(r.goal.met ? 'Goal: met' : `Goal: not met\n${r.goal.failed.map((f) => `  ✗ ${f}`).join('\n')}`);
  }
  return `${lines.join('\n')}\n`;
}
