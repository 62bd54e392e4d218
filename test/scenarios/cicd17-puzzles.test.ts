/**
 * CI/CD for ML puzzles (issue 17, cicd17), proven like every puzzle (test/scenarios/prove.ts): each fails as shipped
 * and passes with its solution and alternatives on seeds 1–20; the tempting wrong fixes fail.
 * - d3/19: a Gitflow release branch the push trigger does not include (release-not-triggered; S3.3.2). Push filters:
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 * - d3/20: an integration defect that unit tests pass (untested-defect-released; S3.3.5).
 * - d3/21: a build plus its suites past CodeBuild's 60-minute default timeout (build-timed-out; S3.3.1).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';
import { props, provePuzzles, type PuzzleCase } from './prove';

const CASES: PuzzleCase[] = [
  {
    file: 'd3/19-the-release-that-never-left.json',
    alternatives: [
      props('release', { branches: ['release/*'] }),
      props('release', { branches: ['main', 'release/3.1'] }),
    ],
    wrong: [
      // every branch: the unfinished feature branch ships too
      props('release', { branches: ['*'] }),
      props('release', { branches: ['main', 'feature/*', 'release/*'] }),
      // the Gitflow integration branch is not where releases are cut
      props('release', { branches: ['develop'] }),
      props('release', { branches: ['main', 'develop'] }),
      // the approval was never the problem
      props('release', { manualApproval: false }),
    ],
  },
  {
    file: 'd3/20-green-build-red-endpoint.json',
    alternatives: [
      props('release', { tests: ['unit', 'integration', 'e2e'] }),
      props('release', { tests: ['integration'] }),
    ],
    wrong: [
      // end-to-end tests check the deployed response, not the contract between the code and the container
      props('release', { tests: ['unit', 'e2e'] }),
      // a reviewer sees a green build either way; no staging at all changes nothing either
      props('release', { manualApproval: false }),
      props('release', { stagingEndpoint: null }),
      // no tests at all
      props('release', { tests: [] }),
    ],
  },
  {
    file: 'd3/21-the-build-that-stops-at-the-hour.json',
    alternatives: [props('release', { buildTimeoutMinutes: 75 }), props('release', { buildTimeoutMinutes: 120 })],
    wrong: [
      // dropping the new suite: the build fits the hour, and v5's bug ships
      props('release', { tests: ['unit'] }),
      props('release', { tests: [] }),
      // one minute short of the 62 the build and its suites take
      props('release', { buildTimeoutMinutes: 61 }),
      props('release', { manualApproval: false }),
    ],
  },
];

provePuzzles(CASES, /^[SK]3\.3\.\d$/);

describe('cicd17 puzzles: what the learner sees', () => {
  const doc = (file: string) => loadPuzzle(join(PUZZLES_DIR, file)).doc;

  it('d3/19: as shipped no execution starts; with * the feature branch reaches production', () => {
    const d = doc('d3/19-the-release-that-never-left.json');
    const r = runDocument(d).report;
    expect(r.nodes.release.executions).toBe(0);
    expect(r.nodes.release.state).toBe('Pending');
    const star = runDocument(changed(d, props('release', { branches: ['*'] }))!).report;
    expect(star.incidents.map((i) => i.rule)).toContain('untested-defect-released');
    expect(star.nodes.release.executions).toBe(2);
  });

  it('d3/20: the build is green on v2 as shipped, and the integration suite stops it once added', () => {
    const d = doc('d3/20-green-build-red-endpoint.json');
    const shipped = runDocument(d).report;
    expect(shipped.incidents.find((i) => i.rule === 'untested-defect-released')?.message).toMatch(
      /deployed v2 to production \(triage\).*passed the suites it ran \(unit\)/,
    );
    const solved = runDocument(changed(d, d.solution!)!).report;
    expect(solved.incidents.find((i) => i.rule === 'release-stopped-by-tests')?.message).toMatch(
      /execution #1 Failed at stage Build: 3 integration test\(s\) failed on v2/,
    );
    expect(solved.nodes.release.version).toBe('v2.1');
  });

  it('d3/21: both executions stop at the hour as shipped', () => {
    const r = runDocument(doc('d3/21-the-build-that-stops-at-the-hour.json')).report;
    const i = r.incidents.find((x) => x.rule === 'build-timed-out');
    expect(i?.count).toBe(2);
    expect(i?.message).toMatch(/TIMED_OUT after 60 minutes \(the build and its suites need 62 minutes\)/);
  });
});
