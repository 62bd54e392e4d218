import type { ScriptStep } from '../../model/schema';

/**
 * What the presenter shows, one → at a time. A step that asks the class a question is shown twice:
 * first the question alone (the run paused at the step's time), then, on the next →, what it says.
 */
export interface Frame {
  step: number;
  phase: 'ask' | 'say';
  atSec: number;
}

export function frames(script: readonly ScriptStep[] | undefined): Frame[] {
  const out: Frame[] = [];
  (script ?? []).forEach((s, step) => {
    if (s.ask) out.push({ step, phase: 'ask', atSec: s.atSec });
    if (s.say || s.fault || !s.ask) out.push({ step, phase: 'say', atSec: s.atSec });
  });
  return out;
}

/** A clock for the class: 9:50, 1:02:03. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    r = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
