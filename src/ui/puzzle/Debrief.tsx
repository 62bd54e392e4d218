import { RULES_BY_ID } from '../../catalog/rules';
import { diffSolution } from '../../model/puzzle';
import type { ArchDoc, Solution } from '../../model/schema';
import { countChanges } from '../../model/solution';
import type { PuzzleSession, PuzzleState } from './session';

/** A solution in words: what it adds, connects, changes and removes. */
export function describeSolution(s: Solution): string {
  const parts: string[] = [];
  for (const n of s.addNodes ?? [])
    parts.push(`add ${n.label ?? n.id} (${n.kind}${n.props?.service ? ` ${String(n.props.service)}` : ''})`);
  for (const e of s.addEdges ?? []) parts.push(`connect ${e.from} → ${e.to}`);
  for (const e of s.removeEdges ?? []) parts.push(`disconnect ${e.from} → ${e.to}`);
  for (const [id, props] of Object.entries(s.setProps ?? {}))
    for (const [k, v] of Object.entries(props)) parts.push(`${id}.${k} = ${JSON.stringify(v)}`);
  for (const [id, p] of Object.entries(s.setParent ?? {})) parts.push(`move ${id} into ${p ?? 'the top level'}`);
  for (const id of s.removeNodes ?? []) parts.push(`remove ${id}`);
  return parts.join('; ');
}

/**
 * A capstone's par against the learner's design: the fewest changes that fix every fault, and how many changes
 * separate the learner's design from the puzzle as shipped (counted alike, `countChanges`). Null for puzzles without
 * a par.
 */
export function parScore(original: ArchDoc, current: ArchDoc): { par: number; made: number; words: string } | null {
  const par = original.par;
  if (par === undefined) return null;
  const made = countChanges(diffSolution(original, current));
  const words =
    made === par
      ? `You fixed it in ${made} changes: par.`
      : made < par
        ? `You made ${made} changes, under par (${par}).`
        : `You made ${made} changes; par is ${par}: ${made - par} more than the fewest that fix every fault.`;
  return { par, made, words };
}

/**
 * What the puzzle teaches, once it may be shown: the rule (its title, the cheat sheet's fact, the fix), the
 * reference solution and the other fixes that pass, and the exam-style questions. The learner's answers are
 * recorded in the attempt.
 */
export function Debrief({ doc, st, session }: { doc: ArchDoc; st: PuzzleState; session: PuzzleSession }) {
  const rules = [...new Set([...(doc.goal?.noIncidents ?? []), ...(doc.goal?.noFindings ?? [])])]
    .map((id) => RULES_BY_ID.get(id))
    .filter((r) => !!r);
  const solved = !!st.result?.met || st.solutionShown || st.gaveUp;
  const reference = doc.solution ?? st.original?.solution;
  return (
    <section aria-labelledby="pz-debrief" className="pz-block" data-testid="debrief">
      <h3 id="pz-debrief" className="pz-h">
        What this puzzle teaches
      </h3>
      {rules.map((r) => (
        <div key={r!.id} className="pz-rule">
          <strong>{r!.title}</strong> <code>{r!.id}</code>
          <p>{r!.sheet}</p>
          <p>
            <b>Fix:</b> {r!.fix}
          </p>
        </div>
      ))}
      {solved &&
        st.original &&
        (() => {
          const score = parScore(st.original, doc);
          return score ? (
            <p className="pz-par" data-testid="par">
              <b>Par {score.par}.</b> {score.words}
            </p>
          ) : null;
        })()}
      {solved && reference && (
        <div className="pz-fixes" data-testid="fixes">
          <p>
            <b>Reference solution:</b> {describeSolution(reference)}
          </p>
          {doc.alternatives?.length ? (
            <>
              <p>
                <b>Other fixes that pass:</b>
              </p>
              <ul>
                {doc.alternatives.map((a, i) => (
                  <li key={i}>
                    {a.label} <span className="pz-note">({describeSolution(a.solution)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
      {solved && doc.questions?.length ? (
        <ol className="pz-questions" data-testid="questions">
          {doc.questions.map((q, i) => {
            const picked = st.answers[i] ?? null;
            return (
              <li key={i} className="pz-question">
                <p>{q.q}</p>
                <div role="radiogroup" aria-label={`Question ${i + 1}`}>
                  {q.options.map((o, k) => (
                    <button
                      key={k}
                      type="button"
                      role="radio"
                      aria-checked={picked === k}
                      disabled={picked !== null}
                      className={
                        `btn pz-option ` +
                        `${picked === null ? '' : k === q.answer ? 'is-right' : picked === k ? 'is-wrong' : ''}`
                      }
                      onClick={() => session.answer(i, k)}
                    >
                      {String.fromCharCode(65 + k)}. {o}
                    </button>
                  ))}
                </div>
                {picked !== null && (
                  <p className="pz-why" data-testid="answer-why">
                    {picked === q.answer
                      ? 'Right. '
                      : `Not quite: the answer is ${String.fromCharCode(65 + q.answer)}. `}
                    {q.why}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
