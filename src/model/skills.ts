/**
 * Exam skill ids of the MLA-C01 exam guide as shared/spec/exam-skills.md numbers them: `S<task>.<n>` is the
 * n-th "Skills in" item of a task, `K<task>.<n>` the n-th "Knowledge of" item. Puzzles and demos name the
 * skills they train in `skills` (format.md section 7). Only the counts per task are kept here; the labels are
 * in exam-skills.md (stable ids, never renumbered).
 */

/** Task → how many S and K items it has, in guide order. */
export const SKILL_COUNTS: Readonly<Record<string, { S: number; K: number }>> = {
  '1.1': { S: 6, K: 4 },
  '1.2': { S: 3, K: 6 },
  '1.3': { S: 4, K: 5 },
  '2.1': { S: 5, K: 4 },
  '2.2': { S: 9, K: 8 },
  '2.3': { S: 6, K: 5 },
  '3.1': { S: 6, K: 7 },
  '3.2': { S: 6, K: 5 },
  '3.3': { S: 6, K: 6 },
  '4.1': { S: 4, K: 3 },
  '4.2': { S: 10, K: 6 },
  '4.3': { S: 5, K: 4 },
};

/** Whether an id names an item of the exam guide (e.g. "S3.1.2"). */
export function isSkillId(id: string): boolean {
  const m = /^([SK])(\d\.\d)\.(\d+)$/.exec(id);
  if (!m) return false;
  const c = SKILL_COUNTS[m[2]];
  const n = Number(m[3]);
  return !!c && n >= 1 && n <= c[m[1] as 'S' | 'K'];
}
