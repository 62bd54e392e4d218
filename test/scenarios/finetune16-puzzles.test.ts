/**
 * The fine-tuning puzzle of stream finetune16 (issue 16: d2/27), graded the way issue 14 asks: the shipped design
 * fails its goal on seeds 1–20, the reference solution meets it on seeds 1–20, and the tempting wrong fixes (the chat
 * layout, another text file, a bigger GPU for the same wrong data, the right data on an instance past the budget) do
 * not. The method itself (instruction tuning) is the scenario: the editor refuses to change it (puzzle-shortcuts).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { symptomText } from '../../src/ui/puzzle/symptoms';
import { puzzleRefusal } from '../../src/model/puzzle';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';
import { provePuzzles, props, type PuzzleCase } from './prove';

const FILE = 'd2/27-the-fine-tune-that-never-trained.json';
const jsonl = { dataFormat: 'jsonl-prompt-completion' };

const CASES: PuzzleCase[] = [
  {
    file: FILE,
    alternatives: [],
    wrong: [
      // a JSON Lines file, but of chat messages: not the prompt/completion layout JumpStart instruction tuning reads
      props('tickets', { dataFormat: 'jsonl-messages' }),
      // other text layouts domain adaptation would read
      props('tickets', { dataFormat: 'txt' }),
      props('tickets', { dataFormat: 'json' }),
      // the bucket's container format alone: the records are still a CSV export
      props('tickets', { format: 'jsonlines' }),
      // a bigger GPU does not read CSV either
      props('llama', { fineTuneInstanceType: 'ml.p4d.24xlarge' }),
      // the right data on the biggest instances blows the $20 budget
      { setProps: { tickets: jsonl, llama: { fineTuneInstanceType: 'ml.p4d.24xlarge' } } },
      { setProps: { tickets: jsonl, llama: { fineTuneInstanceType: 'ml.g5.48xlarge' } } },
    ],
  },
];

provePuzzles(CASES, /^[SK]2\.[1-3]\.\d+$/);

describe('d2/27 in detail', () => {
  const { doc } = loadPuzzle(join(PUZZLES_DIR, FILE));

  it('the job fails on its data after the download, billing a minute of its GPU instance and nothing more', () => {
    const r = runDocument(doc).report;
    expect(r.nodes.llama.state).toBe('Failed');
    expect(r.costUSD).toBeLessThan(0.2);
    const i = r.incidents.find((x) => x.rule === 'fine-tuning-data-format')!;
    // the symptom names what the job could not read, never the layout it needed
    const shown = symptomText(i, r, false);
    expect(shown).toMatch(/no training record could be read from tickets \(CSV\)/);
    expect(shown).not.toMatch(/jsonl|JSON Lines|prompt|template/i);
  });

  it('solved, the fine-tuned model is ready within the budget, on every variant', () => {
    for (const minutes of [60, 90, 120]) {
      const d = changed(doc, { setProps: { tickets: jsonl, llama: { fineTuneMinutes: minutes } } })!;
      const r = runDocument(d).report;
      expect(r.nodes.llama.state, `${minutes} min`).toBe('Completed');
      expect(r.costUSD, `${minutes} min`).toBeLessThanOrEqual(20);
    }
  });

  it('switching the method to domain adaptation (which reads CSV) is refused: the team chose instruction tuning', () => {
    expect(puzzleRefusal(doc, 'setProp', { id: 'llama', name: 'fineTune', value: 'domain-adaptation' })).toMatch(
      /part of the puzzle's scenario/,
    );
    expect(puzzleRefusal(doc, 'setProp', { id: 'llama', name: 'fineTune', value: 'none' })).toMatch(
      /part of the puzzle's scenario/,
    );
  });
});
