/**
 * Grading a run against a puzzle goal. The grading of each goal key lives in its entry of the `GOALS` table
 * (src/model/goals.ts), with its schema and its checklist words; this is the engine's name for it.
 */
export { gradeGoal, type GoalRun } from '../model/goals';
