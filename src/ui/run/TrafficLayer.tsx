import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkEdge } from '../../catalog/edges';
import type { Kind } from '../../catalog/types';
import type { Flow, Outcomes } from '../../worker/protocol';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import { type RunView, clock } from './store';
import { own } from '../../model/own';

/** Dot colours by outcome (also the legend). */
export const OUTCOME_COLOURS: Record<keyof Outcomes, string> = {
  ok: '#1f9d55',
  cold: '#7c4dff',
  rejected: '#d7263d',
  throttled: '#f08c00',
  timedOut: '#a0207a',
  failed: '#6b1d1d',
};
export const OUTCOME_LABELS: Record<keyof Outcomes, string> = {
  ok: 'ok',
  cold: 'cold load',
  rejected: 'rejected',
  throttled: 'throttled',
  timedOut: 'timed out',
  failed: 'failed',
};
const KEYS = Object.keys(OUTCOME_COLOURS) as (keyof Outcomes)[];
const FAILS = new Set<keyof Outcomes>(['rejected', 'throttled', 'timedOut', 'failed']);
/** Control-lens colours by what travels (also the legend). */
const FLOW_KIND_COLOURS: Record<Flow['kind'], string> = {
  image: '#e07b00',
  data: '#3f8624',
  model: '#8c4fff',
  event: '#0f8f8f',
  broken: '#d7263d',
};
/** A pulse takes this long along its edge (wall seconds); a broken chain's burst lasts as long. */
const PULSE_SEC = 1.6;
/** Click or hover this close (px) to a dot to pick its request. */
const HIT_PX = 9;

/** Most dots on the canvas at once, and per edge per wall second: the page stays fast at any rate. */
const MAX_DOTS = 900;
const MAX_PER_EDGE_SEC = 22;
const MAX_PULSES = 240;

interface Path {
  from: string;
  to: string;
  kind: Kind;
}
interface Pulse {
  from: string;
  to: string | null;
  kind: Flow['kind'];
  label: string;
  t: number;
}

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
    const data: Path[] = [],
      control: Path[] = [];
    for (const e of doc.edges ?? []) {
      const a = byId.get(e.from),
        b = byId.get(e.to);
      if (!a || !b) continue;
      const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
      if (!c.ok) continue;
      (c.pair.plane === 'data' ? data : control).push({ from: a.id, to: b.id, kind: a.kind });
    }
    return { data, control };
  }, [doc]);
  const paths = useRef({ data, control });
  paths.current = { data, control };

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    // dots: edge index, progress 0…1, seconds per trip, outcome index
    const dEdge = new Int32Array(MAX_DOTS),
      dPos = new Float32Array(MAX_DOTS),
      dDur = new Float32Array(MAX_DOTS),
      dOut = new Int8Array(MAX_DOTS);
    // where each dot was last drawn (screen px), for picking a request by clicking its dot
    const dX = new Float32Array(MAX_DOTS),
      dY = new Float32Array(MAX_DOTS);
    let nDots = 0;
    const acc: number[] = [];
    const pulses: Pulse[] = [];
    let prevStatus = live.current.status,
      prevLens = live.current.lens;
    let last = performance.now();
    let w = 0,
      h = 0,
      dpr = 1;

    const resize = () => {
      const r = el.parentElement!.getBoundingClientRect();
      dpr = window.devicePixelRatio || 1;
      w = r.width;
      h = r.height;
      el.width = Math.round(w * dpr);
      el.height = Math.round(h * dpr);
      el.style.width = `${w}px`;
      el.style.height = `${h}px`;
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(el.parentElement!);

    const offFlows = run.onFlows((flows) => {
      if (live.current.lens !== 'control') return;
      // a run to the end sends thousands at once: the newest are drawn
      for (const f of flows.length > 60 ? flows.slice(-60) : flows) {
        if (pulses.length >= MAX_PULSES) pulses.shift();
        pulses.push({ from: f.from, to: f.to, kind: f.kind, label: f.label, t: 0 });
      }
    });

    /** The dot under a screen point (the topmost within HIT_PX), or -1. */
    const hit = (x: number, y: number) => {
      let best = -1,
        bd = HIT_PX * HIT_PX;
      for (let i = 0; i < nDots; i++) {
        const d = (dX[i] - x) ** 2 + (dY[i] - y) ** 2;
        if (d <= bd) {
          bd = d;
          best = i;
        }
      }
      return best;
    };
    const host = el.parentElement!;
    const local = (e: MouseEvent) => {
      const r = el.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    // A click on a dot opens the trace of a sampled request of that outcome on that endpoint.
    const onClick = (e: MouseEvent) => {
      if (live.current.lens !== 'data' || !nDots) return;
      const i = hit(...local(e));
      if (i < 0) return;
      const p = paths.current.data[dEdge[i]];
      if (!p) return;
      e.stopPropagation();
      e.preventDefault();
      void run.openTraces(p.to, { outcome: KEYS[dOut[i]], atSec: run.getState().now });
    };
    let hovering = false;
    const onMove = (e: MouseEvent) => {
      const over = live.current.lens === 'data' && nDots > 0 && hit(...local(e)) >= 0;
      if (over !== hovering) {
        hovering = over;
        host.classList.toggle('over-dot', over);
      }
    };
    host.addEventListener('click', onClick, true);
    host.addEventListener('mousemove', onMove);

    /** Screen geometry of an edge: React Flow's default bezier from the right side to the left side. */
    const geom = (from: string, to: string, vp: { x: number; y: number; zoom: number }) => {
      const a = rf.getInternalNode(from),
        b = rf.getInternalNode(to);
      if (!a || !b) return null;
      const aw = a.measured.width ?? a.width ?? 0,
        ah = a.measured.height ?? a.height ?? 0,
        bh = b.measured.height ?? b.height ?? 0;
      const sx = a.internals.positionAbsolute.x + aw,
        sy = a.internals.positionAbsolute.y + ah / 2;
      const tx = b.internals.positionAbsolute.x,
        ty = b.internals.positionAbsolute.y + bh / 2;
      const off = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
      const c1x = sx + off(tx - sx),
        c2x = tx - off(sx - tx);
      const z = vp.zoom;
      return [
        sx * z + vp.x,
        sy * z + vp.y,
        c1x * z + vp.x,
        sy * z + vp.y,
        c2x * z + vp.x,
        ty * z + vp.y,
        tx * z + vp.x,
        ty * z + vp.y,
        z,
      ] as const;
    };
    const at = (g: readonly number[], t: number): [number, number] => {
      const u = 1 - t;
      const a = u * u * u,
        b = 3 * u * u * t,
        c = 3 * u * t * t,
        d = t * t * t;
      return [a * g[0] + b * g[2] + c * g[4] + d * g[6], a * g[1] + b * g[3] + c * g[5] + d * g[7]];
    };

    let raf = 0;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const { status: st, lens: ln } = live.current;
      const moving = st === 'running';
      if (st !== prevStatus) {
        if (st === 'idle' || st === 'off') {
          nDots = 0;
          pulses.length = 0;
          acc.length = 0;
        }
        if (st === 'finished' && prevStatus !== 'finished' && ln === 'data') nDots = stillFrame(nDots);
        prevStatus = st;
      }
      if (ln !== prevLens) {
        if (ln === 'data' && (st === 'finished' || st === 'paused')) nDots = stillFrame(nDots);
        prevLens = ln;
      }
      if (!nDots && !pulses.length && !moving) {
        if (w && el.dataset.clear !== '1') {
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          ctx.clearRect(0, 0, el.width, el.height);
          el.dataset.clear = '1';
        }
        return;
      }
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
          for (const p of dp) shareOf.set(p.to, (shareOf.get(p.to) ?? 0) + (own(nodes, p.from)?.rps ?? 0));
          for (let i = 0; i < dp.length; i++) {
            const p = dp[i],
              c = own(nodes, p.from),
              t = own(nodes, p.to);
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
              if (o && tot > 0) {
                let u = Math.random() * tot;
                for (k = 0; k < KEYS.length - 1; k++) {
                  u -= o[KEYS[k]];
                  if (u < 0) break;
                }
              } else if (t?.state === 'Failed') k = KEYS.indexOf('failed');
              const g = geoms[i]!;
              const len = Math.hypot(g[6] - g[0], g[7] - g[1]) / Math.max(0.1, g[8]);
              dEdge[nDots] = i;
              dPos[nDots] = 0;
              dDur[nDots] = Math.max(0.6, Math.min(2.2, len / 260));
              dOut[nDots] = k;
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
          dEdge[j] = dEdge[i];
          dPos[j] = dPos[i];
          dDur[j] = dDur[i];
          dOut[j] = dOut[i];
          j++;
        }
        nDots = j;
        for (let k = 0; k < KEYS.length; k++) {
          ctx.fillStyle = OUTCOME_COLOURS[KEYS[k]];
          ctx.beginPath();
          for (let i = 0; i < nDots; i++) {
            if (dOut[i] !== k) continue;
            const g = geoms[dEdge[i]]!;
            const r = Math.max(2.5, 4.5 * Math.min(1.3, g[8]));
            if (dPos[i] <= 1) {
              const [x, y] = at(g, dPos[i]);
              ctx.moveTo(x + r, y);
              ctx.arc(x, y, r, 0, Math.PI * 2);
              dX[i] = x;
              dY[i] = y;
            } else {
              // a failed request bursts at the endpoint
              const s = (dPos[i] - 1) / 0.25,
                R = r * (1 + 2.2 * s);
              ctx.moveTo(g[6] + R, g[7]);
              ctx.arc(g[6], g[7], R, 0, Math.PI * 2);
              dX[i] = g[6];
              dY[i] = g[7];
            }
          }
          ctx.fill();
        }
      } else {
        nDots = 0;
        let j = 0;
        ctx.font = '600 12px system-ui, sans-serif';
        ctx.textBaseline = 'middle';
        for (const pu of pulses) {
          if (st !== 'paused') pu.t += dt / PULSE_SEC;
          if (pu.t >= 1) continue;
          pulses[j++] = pu;
          const colour = FLOW_KIND_COLOURS[pu.kind];
          const fade = 1 - Math.max(0, pu.t - 0.8) * 5;
          let x: number, y: number, z: number;
          if (pu.to === null || pu.to === pu.from) {
            // a chain that stops here: a red ring bursts at the node
            const c = centre(pu.from, vp);
            if (!c) continue;
            [x, y, z] = c;
            ctx.strokeStyle = colour;
            ctx.lineWidth = 3;
            ctx.globalAlpha = fade;
            ctx.beginPath();
            ctx.arc(x, y, (18 + 40 * pu.t) * Math.min(1.3, z), 0, Math.PI * 2);
            ctx.stroke();
          } else {
            const g = geom(pu.from, pu.to, vp);
            if (!g) continue;
            [x, y] = at(g, pu.t);
            z = g[8];
            const sz = Math.max(5, (pu.kind === 'event' ? 10 : 8) * Math.min(1.3, z));
            ctx.fillStyle = colour;
            ctx.globalAlpha = fade;
            ctx.beginPath();
            if (pu.kind === 'event') {
              ctx.moveTo(x, y - sz / 1.3);
              ctx.lineTo(x + sz / 1.3, y);
              ctx.lineTo(x, y + sz / 1.3);
              ctx.lineTo(x - sz / 1.3, y);
              ctx.closePath();
            } else ctx.rect(x - sz / 2, y - sz / 2, sz, sz);
            ctx.fill();
          }
          if (pu.kind === 'event' || pu.kind === 'model' || pu.kind === 'broken')
            label(pu.label, x, y - 16 * Math.min(1.3, z), colour);
          ctx.globalAlpha = 1;
        }
        pulses.length = j;
        void cp;
      }
    };
    /** A small tag over a pulse: what travels ("Object Created", "Approved registry/1"). */
    const label = (text: string, x: number, y: number, colour: string) => {
      const tw = ctx.measureText(text).width;
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.roundRect(x - tw / 2 - 5, y - 9, tw + 10, 18, 5);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.fillText(text, x - tw / 2, y + 0.5);
    };
    const centre = (id: string, vp: { x: number; y: number; zoom: number }) => {
      const a = rf.getInternalNode(id);
      if (!a) return null;
      const w2 = (a.measured.width ?? 0) / 2,
        h2 = (a.measured.height ?? 0) / 2;
      return [
        (a.internals.positionAbsolute.x + w2) * vp.zoom + vp.x,
        (a.internals.positionAbsolute.y + h2) * vp.zoom + vp.y,
        vp.zoom,
      ] as const;
    };
    /**
     * The last frame of a finished run: dots spread along each data edge, as many as its rate calls for,
     * coloured in the proportions of its outcomes (the latest rates), so a run to the end still shows
     * where requests failed, and each dot can be clicked for a request of its kind.
     */
    const stillFrame = (n: number): number => {
      if (n > 0) return n;
      const nodes = run.latest,
        dp = paths.current.data;
      let k = 0;
      for (let i = 0; i < dp.length && k < MAX_DOTS; i++) {
        const rps = own(nodes, dp[i].from)?.rps ?? 0;
        if (rps <= 0) continue;
        const count = Math.max(4, Math.min(14, Math.round(2.5 * Math.log2(1 + rps))));
        const o = own(nodes, dp[i].to)?.outcomes;
        const tot = o ? KEYS.reduce((a, key) => a + o[key], 0) : 0;
        // largest remainders: each outcome gets its share of the dots (a non-zero one gets at least one)
        const share = KEYS.map((key) => (o && tot > 0 ? (count * o[key]) / tot : key === 'ok' ? count : 0));
        const got = share.map((v) => (v > 0 ? Math.max(1, Math.floor(v)) : 0));
        while (got.reduce((a, b) => a + b, 0) < count) {
          let b = 0;
          for (let q = 1; q < KEYS.length; q++) if (share[q] - got[q] > share[b] - got[b]) b = q;
          got[b]++;
        }
        const seq: number[] = [];
        for (let q = 0; q < KEYS.length; q++) for (let r = 0; r < got[q]; r++) seq.push(q);
        for (let d = 0; d < seq.length && k < MAX_DOTS; d++) {
          // interleave outcomes along the edge
          const q = seq[(d * stride(seq.length)) % seq.length];
          dEdge[k] = i;
          dPos[k] = (d + 0.5) / seq.length;
          dDur[k] = 1;
          dOut[k] = q;
          k++;
        }
      }
      return k;
    };
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      ro.disconnect();
      offFlows();
      host.removeEventListener('click', onClick, true);
      host.removeEventListener('mousemove', onMove);
      host.classList.remove('over-dot');
    };
  }, [run, rf]);

  return (
    <>
      <canvas ref={canvas} className="traffic-layer" data-testid="traffic-layer" aria-hidden="true" />
      {status !== 'off' && <Legend lens={lens} onLens={(l) => run.setLens(l)} />}
    </>
  );
}

/** A step coprime with n, to interleave outcomes along an edge without a random source. */
const stride = (n: number) => [5, 3, 7, 11, 13, 1].find((s) => gcd(s, n) === 1) ?? 1;
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** Whether the colour key is open; collapsed to the lens chip by default, kept while the page lives. */
let keyOpen = false;

/**
 * The lens switch, and its colour key when opened: a small chip in the canvas's top-right corner by default
 * so it does not cover nodes; the control lens also lists the latest control-plane events.
 */
function Legend({ lens, onLens }: { lens: 'data' | 'control'; onLens: (l: 'data' | 'control') => void }) {
  const recent = useRunState((v) => v.recentFlows);
  const [open, setOpen] = useState(keyOpen);
  const toggle = () => {
    keyOpen = !open;
    setOpen(keyOpen);
  };
  return (
    <div className={`traffic-legend ${open ? '' : 'is-collapsed'}`} data-testid="traffic-legend">
      <div className="traffic-lens" role="radiogroup" aria-label="Lens">
        <button
          type="button"
          role="radio"
          aria-checked={lens === 'data'}
          className={lens === 'data' ? 'is-on' : ''}
          onClick={() => onLens('data')}
        >
          Data plane
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={lens === 'control'}
          className={lens === 'control' ? 'is-on' : ''}
          onClick={() => onLens('control')}
        >
          Control plane
        </button>
        <button
          type="button"
          className="traffic-key-toggle"
          aria-expanded={open}
          onClick={toggle}
          data-testid="legend-toggle"
          title={open ? 'Hide the colour key' : 'Show the colour key'}
          aria-label={open ? 'Hide the colour key' : 'Show the colour key'}
        >
          {open ? '▴' : 'Key ▾'}
        </button>
      </div>
      {!open ? (
        lens === 'control' && recent.length > 0 ? (
          <RecentFlows recent={recent} />
        ) : null
      ) : lens === 'data' ? (
        <div className="traffic-keys">
          {KEYS.filter((k) => k !== 'failed').map((k) => (
            <span key={k}>
              <i style={{ background: OUTCOME_COLOURS[k] }} />
              {OUTCOME_LABELS[k]}
            </span>
          ))}
        </div>
      ) : (
        <>
          <div className="traffic-keys">
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.image }} />
              image
            </span>
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.data }} />
              data
            </span>
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.model }} />
              model
            </span>
            <span>
              <i className="dia" style={{ background: FLOW_KIND_COLOURS.event }} />
              event
            </span>
          </div>
          {recent.length > 0 && <RecentFlows recent={recent} />}
        </>
      )}
    </div>
  );
}

function RecentFlows({ recent }: { recent: RunView['recentFlows'] }) {
  return (
    <ol className="traffic-recent" aria-label="Latest control-plane events" data-testid="recent-flows">
      {recent
        .slice()
        .reverse()
        .map((f, i) => (
          <li key={`${f.t}:${f.from}:${f.to}:${i}`}>
            <span className="muted">{clock(f.t)}</span> <b style={{ color: FLOW_KIND_COLOURS[f.kind] }}>{f.label}</b>{' '}
            {f.from}
            {f.to ? ` → ${f.to}` : ' ✕ stops here'}
          </li>
        ))}
    </ol>
  );
}
