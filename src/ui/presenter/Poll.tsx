import { useState } from 'react';

/**
 * A show of hands for a "what happens next?" step: the presenter counts the hands for each option (click
 * to add one, right-click to take one back), then reveals the right answer. Kept per step (the caller keys it).
 */
export function Poll({ options, answer }: { options: readonly string[]; answer?: number }) {
  const [hands, setHands] = useState<number[]>(() => options.map(() => 0));
  const [shown, setShown] = useState(false);
  const total = hands.reduce((a, b) => a + b, 0);
  const add = (i: number, d: number) => setHands((h) => h.map((x, k) => (k === i ? Math.max(0, x + d) : x)));
  return (
    <div className="pr-poll" data-testid="poll">
      <ol className="pr-options">
        {options.map((o, i) => (
          <li key={i}>
            <button
              type="button"
              className={
                `pr-option ${shown && i === answer ? 'is-answer' : ''} ` + `${shown && i !== answer ? 'is-other' : ''}`
              }
              onClick={() => add(i, 1)}
              onContextMenu={(e) => {
                e.preventDefault();
                add(i, -1);
              }}
              aria-label={
                `${String.fromCharCode(65 + i)}: ${o} — ${hands[i]} hand${hands[i] === 1 ? '' : 's'}; click to ` +
                `count a hand`
              }
              data-testid={`poll-option-${i}`}
            >
              <b>{String.fromCharCode(65 + i)}</b> {o}
              <span className="pr-hands" data-testid={`poll-count-${i}`}>
                {hands[i]}
                {total ? ` · ${Math.round((100 * hands[i]) / total)}%` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {answer !== undefined && (
        <button
          type="button"
          className="pr-btn pr-reveal"
          onClick={() => setShown(true)}
          disabled={shown}
          data-testid="poll-reveal"
        >
          {shown ? `Answer: ${String.fromCharCode(65 + answer)}` : 'Reveal the answer'}
        </button>
      )}
    </div>
  );
}
