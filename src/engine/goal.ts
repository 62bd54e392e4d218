/**
 * Grading a run against a puzzle goal. The grading of each goal key lives in its entry of the `GOALS` table
 * (src/model/goals.ts), with its schema and its checklist words; this is the engine's name for it.
 */
import type { Graph } from '../model/graph';
import type { DesignChecks } from '../model/goals';
import { unneededEndpoints } from './modules/network/needs';
import { leastPrivilegeProblems } from './modules/security/needs';

export { gradeGoal, type GoalRun } from '../model/goals';

/**
 * The design checks the goal keys `leastPrivilege` and `noUnneededEndpoints` need (format.md section 7): they
 * judge the architecture itself, which the model layer cannot reason about, so the engine hands them in.
 */
export function designChecks(g: Graph): DesignChecks {
  return { leastPrivilege: () => leastPrivilegeProblems(g), unneededEndpoints: () => unneededEndpoints(g) };
}
