import { readFileSync } from 'node:fs';
import { importTemplate } from '/work/wt/cfn/src/cfn/import';
import { formatNote } from '/work/wt/cfn/src/cfn/types';
const [f, ...ps] = process.argv.slice(2);
try {
const r = importTemplate(readFileSync(f, 'utf8'), { params: Object.fromEntries(ps.map(p => p.split('='))) });
for (const n of r.doc.nodes) console.log(n.id, n.kind, n.parent ?? '', JSON.stringify(n.props ?? {}));
for (const e of r.doc.edges ?? []) console.log('edge', e.from, '->', e.to);
for (const n of r.notes) console.log(formatNote(n));
} catch (e: any) { console.log('ERR', e.message, e.where); }
