/**
 * The shipped puzzle and demo files, found by globbing scenarios/ (a new file is covered by the tests
 * without being listed anywhere), loaded through the same loader as the runner.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatErrors, loadJson, loadText } from '../../src/model/load';
import { puzzleOrder, puzzleRules, renderPuzzleIndex, type PuzzleEntry } from '../../src/model/puzzle';
import { applySolution } from '../../src/model/solution';
import { execute, removeNodes } from '../../src/model/commands';
import type { ArchDoc, Solution } from '../../src/model/schema';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PUZZLES_DIR = join(ROOT, 'scenarios/puzzles');
export const DEMOS_DIR = join(ROOT, 'scenarios/demos');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A shipped file: its path (relative to the repository), and its document (or why it did not load). */
export interface Shipped {
  path: string;
  file: string;
  doc: ArchDoc;
}

function load(file: string): Shipped {
  const r = loadText(readFileSync(file, 'utf8'));
  const path = relative(ROOT, file);
  if (!r.ok) throw new Error(`${path} does not load:\n${formatErrors(r.errors)}`);
  return { path, file, doc: r.doc };
}

export const puzzleFiles = (): string[] => jsonFiles(PUZZLES_DIR);
export const demoFiles = (): string[] => jsonFiles(DEMOS_DIR);
export const loadPuzzle = load;
export const loadDemo = load;

/** A document with a change applied, validated as the runner does; null when the result does not load. */
export function changed(doc: ArchDoc, s: Solution): ArchDoc | null {
  const r = loadJson(applySolution(doc, s));
  return r.ok ? r.doc : null;
}

/**
 * The document after deleting one node the way the editor does (its container contents go with it,
 * references to it are cleared), ignoring the puzzle's lock: what a player would get if the lock did
 * not stop them. Null when the editor refuses for another reason.
 */
export function deleteNode(doc: ArchDoc, id: string): ArchDoc | null {
  const out = execute({ ...doc, locked: [] }, removeNodes, { ids: [id] });
  if (!out.ok) return null;
  const gone = new Set(out.result as string[]);
  const r = loadJson({ ...out.doc, locked: (doc.locked ?? []).filter((x) => !gone.has(x)) });
  if (!r.ok) throw new Error(`deleting ${id} gives an invalid document:\n${formatErrors(r.errors)}`);
  return r.doc;
}

/** The index entries of every shipped puzzle. */
export function indexEntries(): PuzzleEntry[] {
  return puzzleFiles().map((f) => {
    const { doc } = load(f);
    return {
      file: relative(PUZZLES_DIR, f),
      domain: doc.domain!,
      order: puzzleOrder(f),
      title: doc.title ?? '',
      rule: puzzleRules(doc).join(' + ') || '?',
    };
  });
}

export const README = join(PUZZLES_DIR, 'README.md');
export const renderIndex = (): string => renderPuzzleIndex(indexEntries());
/** Regenerate scenarios/puzzles/README.md. */
export function writeIndex(): void {
  writeFileSync(README, renderIndex());
}
