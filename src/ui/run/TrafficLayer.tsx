import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { checkEdge } from '../../catalog/edges';
import type { Kind } from '../../catalog/types';
import type { Outcomes } from '../../worker/protocol';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import type { LogRow } from './store';

/** Dot colours by outcome (also the legend). */
export const OUTCOME_COLOURS: Record<keyof Outcomes, string> = {
  ok: '#1f9d55', cold: '#7c4dff', rejected: '#d7263d', throttled: '#f08c00', timedOut: '#a0207a', failed: '#6b1d1d',
};
export const OUTCOME_LABELS: Record<keyof Outcomes, string> = {
  ok: 'ok', cold: 'cold load', rejected: 'rejected', throttled: 'throttled', timedOut: 'timed out', failed: 'failed',
};
const KEYS = Object.keys(OUTCOME_COLOURS) as (keyof Outcomes)[];
const FAILS = new Set<keyof Outcomes>(['rejected', 'throttled', 'timedOut', 'failed']);
const FLOW_COLOURS: Partial<Record<Kind, string>> = { 'ecr-repository': '#e07b00', 's3-bucket': '#3f8624', 'model-registry': '#8c4fff', 'feature-store': '#0b6bcb' };

/** Most dots on the canvas at once, and per edge per wall second: the page stays fast at any rate. */
const MAX_DOTS = 900;
const MAX_PER_EDGE_SEC = 22;
const MAX_PULSES = 240;

interface Path { from: string; to: string; kind: Kind; colour: string }

/**
 * Traffic you can see: one canvas over the diagram, drawn with requestAnimationFrame (no React state
 * per dot). Data lens: dots along client → endpoint edges, their density following the request rate
 * (log scale, capped), coloured by outcome. Control lens: pulses along control-plane edges when a node
 * changes state or phase (image pulls, data downloads, model artifacts, events).
 */
export function TrafficLayer() {
  const run = useRun();
  const rf = useReactFlow();
  const doc = useEditorState((s) => s.doc);
  const status = useRunState((v) => v.status);
  const lens = useRunState((v) => v.lens);
  const canvas = useRef<HTMLCanvasElement>(null);
  const live = useRef({ status, lens });
  live.current = { status, lens };

  const { data, control } = useMemo(() => {
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const data: Path[] = [], control: Path[] = [];
    for (const e of doc.edges ?? []) {
      const a = byId.get(e.from), b = byId.get(e.to);
      if (!a || !b) continue;
      const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
      if (!c.ok) continue;
      (c.pair.plane === 'data' ? data : control).push({ from: a.id, to: b.id, kind: a.kind, colour: FLOW_COLOURS[a.kind] ?? '#0f8f8f' });
    }
    return { data, control };
  }, [doc]);
  const paths = useRef({ data, control });
  paths.current = { data, control };

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    // dots: edge index, progress 0…1, seconds per trip, outcome index
    const dEdge = new Int32Array(MAX_DOTS), dPos = new Float32Array(MAX_DOTS), dDur = new Float32Array(MAX_DOTS), dOut = new Int8Array(MAX_DOTS);
    let nDots = 0;
    const acc: number[] = [];
    const pulses: { p: Path; t: number }[] = [];
    let last = performance.now();
    let w = 0, h = 0, dpr = 1;

    const resize = () => {
      const r = el.parentElement!.getBoundingClientRect();
      dpr = window.devicePixelRatio || 1;
      w = r.width; h = r.height;
      el.width = Math.round(w * dpr); el.height = Math.round(h * dpr);
      el.style.width = `${w}px`; el.style.height = `${h}px`;
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(el.parentElement!);

    const offLog = run.onLog((rows: readonly LogRow[]) => {
      if (live.current.lens !== 'control') return;
      let added = 0;
      for (let i = rows.length - 1; i >= 0 && added < 40; i--) {
        const r = rows[i];
        if (!r.node || (r.type !== 'state' && r.type !== 'event' && r.type !== 'fault')) continue;
        for (const p of paths.current.control) {
          if (p.to !== r.node && p.from !== r.node) continue;
          if (pulses.length >= MAX_PULSES) pulses.shift();
          pulses.push({ p, t: 0 });
          added++;
        }
      }
    });

    /** Screen geometry of an edge: React Flow's default bezier from the right side to the left side. */
    const geom = (from: string, to: string, vp: { x: number; y: number; zoom: number }) => {
      const a = rf.getInternalNode(from), b = rf.getInternalNode(to);
      if (!a || !b) return null;
      const aw = a.measured.width ?? a.width ?? 0, ah = a.measured.height ?? a.height ?? 0, bh = b.measured.height ?? b.height ?? 0;
      const sx = a.internals.positionAbsolute.x + aw, sy = a.internals.positionAbsolute.y + ah / 2;
      const tx = b.internals.positionAbsolute.x, ty = b.internals.positionAbsolute.y + bh / 2;
      const off = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
      const c1x = sx + off(tx - sx), c2x = tx - off(sx - tx);
      const z = vp.zoom;
      return [sx * z + vp.x, sy * z + vp.y, c1x * z + vp.x, sy * z + vp.y, c2x * z + vp.x, ty * z + vp.y, tx * z + vp.x, ty * z + vp.y, z] as const;
    };
    const at = (g: readonly number[], t: number): [number, number] => {
      const u = 1 - t;
      const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
      return [a * g[0] + b * g[2] + c * g[4] + d * g[6], a * g[1] + b * g[3] + c * g[5] + d * g[7]];
    };

    let raf = 0;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const { status: st, lens: ln } = live.current;
      const moving = st === 'running';
      if (!nDots && !pulses.length && !moving) { if (w && el.dataset.clear !== '1') { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, el.width, el.height); el.dataset.clear = '1'; } return; }
      el.dataset.clear = '0';
      const vp = rf.getViewport();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const { data: dp, control: cp } = paths.current;
      const geoms = dp.map((p) => geom(p.from, p.to, vp));
      if (ln === 'data') {
        // spawn
        if (moving) {
          const nodes = run.latest;
          const shareOf = new Map<string, number>();
          for (const p of dp) shareOf.set(p.to, (shareOf.get(p.to) ?? 0) + (nodes[p.from]?.rps ?? 0));
          for (let i = 0; i < dp.length; i++) {
            const p = dp[i], c = nodes[p.from], t = nodes[p.to];
            const rps = c?.rps ?? 0;
            if (rps <= 0 || !geoms[i]) continue;
            const perSec = Math.min(MAX_PER_EDGE_SEC, 2.5 * Math.log2(1 + rps));
            acc[i] = (acc[i] ?? 0) + perSec * dt;
            const o = t?.outcomes;
            const tot = o ? KEYS.reduce((s, k) => s + o[k], 0) : 0;
            while (acc[i] >= 1) {
              acc[i] -= 1;
              if (nDots >= MAX_DOTS) break;
              let k = 0;
              if (o && tot > 0) { let u = Math.random() * tot; for (k = 0; k < KEYS.length - 1; k++) { u -= o[KEYS[k]]; if (u < 0) break; } }
              else if (t?.state === 'Failed') k = KEYS.indexOf('failed');
              const g = geoms[i]!;
              const len = Math.hypot(g[6] - g[0], g[7] - g[1]) / Math.max(0.1, g[8]);
              dEdge[nDots] = i; dPos[nDots] = 0; dDur[nDots] = Math.max(0.6, Math.min(2.2, len / 260)); dOut[nDots] = k;
              nDots++;
            }
          }
        }
        // move and draw (batched by colour)
        let j = 0;
        for (let i = 0; i < nDots; i++) {
          const end = FAILS.has(KEYS[dOut[i]]) ? 1.25 : 1;
          if (moving) dPos[i] += dt / dDur[i];
          if (dPos[i] >= end || !geoms[dEdge[i]]) continue;
          dEdge[j] = dEdge[i]; dPos[j] = dPos[i]; dDur[j] = dDur[i]; dOut[j] = dOut[i]; j++;
        }
        nDots = j;
        for (let k = 0; k < KEYS.length; k++) {
          ctx.fillStyle = OUTCOME_COLOURS[KEYS[k]];
          ctx.beginPath();
          for (let i = 0; i < nDots; i++) {
            if (dOut[i] !== k) continue;
            const g = geoms[dEdge[i]]!;
            const r = Math.max(2.5, 4.5 * Math.min(1.3, g[8]));
            if (dPos[i] <= 1) { const [x, y] = at(g, dPos[i]); ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, Math.PI * 2); }
            else { // a failed request bursts at the endpoint
              const s = (dPos[i] - 1) / 0.25, R = r * (1 + 2.2 * s);
              ctx.moveTo(g[6] + R, g[7]); ctx.arc(g[6], g[7], R, 0, Math.PI * 2);
            }
          }
          ctx.fill();
        }
      } else {
        nDots = 0;
        let j = 0;
        for (const pu of pulses) {
          pu.t += dt / 1.6;
          if (pu.t >= 1) continue;
          pulses[j++] = pu;
          const g = geom(pu.p.from, pu.p.to, vp);
          if (!g) continue;
          const [x, y] = at(g, pu.t);
          const s = Math.max(4, 7 * Math.min(1.3, g[8]));
          ctx.fillStyle = pu.p.colour;
          ctx.globalAlpha = 1 - Math.max(0, pu.t - 0.8) * 5;
          ctx.fillRect(x - s / 2, y - s / 2, s, s);
          ctx.globalAlpha = 1;
        }
        pulses.length = j;
        void cp;
      }
    };
    raf = requestAnimationFrame(frame);
    return () => { cancelAnimationFrame(raf); ro.disconnect(); offLog(); };
  }, [run, rf]);

  return (
    <>
      <canvas ref={canvas} className="traffic-layer" data-testid="traffic-layer" aria-hidden="true" />
      {status !== 'off' && <Legend lens={lens} onLens={(l) => run.setLens(l)} />}
    </>
  );
}

function Legend({ lens, onLens }: { lens: 'data' | 'control'; onLens: (l: 'data' | 'control') => void }) {
  return (
    <div className="traffic-legend">
      <div className="traffic-lens" role="radiogroup" aria-label="Lens">
        <button type="button" role="radio" aria-checked={lens === 'data'} className={lens === 'data' ? 'is-on' : ''} onClick={() => onLens('data')}>Data plane</button>
        <button type="button" role="radio" aria-checked={lens === 'control'} className={lens === 'control' ? 'is-on' : ''} onClick={() => onLens('control')}>Control plane</button>
      </div>
      {lens === 'data'
        ? <div className="traffic-keys">{KEYS.filter((k) => k !== 'failed').map((k) => <span key={k}><i style={{ background: OUTCOME_COLOURS[k] }} />{OUTCOME_LABELS[k]}</span>)}</div>
        : <div className="traffic-keys"><span><i className="sq" style={{ background: FLOW_COLOURS['ecr-repository'] }} />image</span><span><i className="sq" style={{ background: FLOW_COLOURS['s3-bucket'] }} />data / artifacts</span><span><i className="sq" style={{ background: FLOW_COLOURS['model-registry'] }} />model</span><span><i className="sq" style={{ background: '#0f8f8f' }} />events</span></div>}
    </div>
  );
}
