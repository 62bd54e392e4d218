import type { Flow, LiveNode, Outcomes } from '../../../worker/protocol';
import { FLOW_KIND_COLOURS, OUTCOME_COLOURS, OUTCOME_KEYS as KEYS } from './colours';
import type { TrafficPath } from './paths';
import { own } from '../../../model/own';

const FAILS = new Set<keyof Outcomes>(['rejected', 'throttled', 'timedOut', 'failed']);
/** A pulse takes this long along its edge (wall seconds); a broken chain's burst lasts as long. */
const PULSE_SEC = 1.6;
/** Click or hover this close (px) to a dot to pick its request. */
const HIT_PX = 9;
/** Most dots on the canvas at once, and per edge per wall second: the page stays fast at any rate. */
const MAX_DOTS = 900;
const MAX_PER_EDGE_SEC = 22;
const MAX_PULSES = 240;
/** While a run plays, the dots are drawn again after at least this many ms (every other frame at 60 Hz). */
const DRAW_MS = 30;

/** A node's frame in canvas (flow) coordinates. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface TrafficParams {
  /** The canvas drawn on; it covers its parent element (which receives the clicks on dots). */
  canvas: HTMLCanvasElement;
  /** A node's frame (null when it is not on the canvas). */
  getNode: (id: string) => NodeBox | null;
  /** The drawn route of an edge (canvas coordinates), when the canvas routes it: dots follow it. */
  getRoute?: (from: string, to: string) => readonly { x: number; y: number }[] | undefined;
  getViewport: () => Viewport;
  /** The latest live figures of every node (read every frame). */
  getFigures: () => Readonly<Record<string, LiveNode>>;
  /** The simulated time now (a picked dot's request is the newest at or before it). */
  getTime: () => number;
  /** A dot was clicked: show a sampled request of that outcome on that endpoint. */
  onPick: (endpoint: string, outcome: keyof Outcomes, atSec: number) => void;
}

export interface TrafficUpdate {
  status: string;
  lens: 'data' | 'control';
  paths: { data: readonly TrafficPath[]; control: readonly TrafficPath[] };
}

/** A running traffic layer: tell it what changed with `update`, give it control-plane flows, `destroy` it. */
export interface TrafficInstance {
  update: (u: TrafficUpdate) => void;
  flows: (flows: readonly Flow[]) => void;
  destroy: () => void;
}

interface Pulse {
  from: string;
  to: string | null;
  kind: Flow['kind'];
  label: string;
  t: number;
}

/**
 * Traffic you can see, framework-free (after xyflow's minimap controller): one canvas over the diagram,
 * drawn with requestAnimationFrame (no per-dot objects). Data lens: dots along client → endpoint edges,
 * their density following the request rate (log scale, capped), coloured by outcome; a click on a dot
 * picks a request of its kind. Control lens: pulses along control-plane edges (image pulls, data
 * downloads, model artifacts, events) and bursts where a chain stops.
 */
export function createTraffic(params: TrafficParams): TrafficInstance {
  const { canvas: el, getNode, getViewport, getFigures, getTime, onPick, getRoute } = params;
  const ctx = el.getContext('2d')!;
  const host = el.parentElement!;
  let state: TrafficUpdate = { status: 'off', lens: 'data', paths: { data: [], control: [] } };
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
  let prevStatus = state.status,
    prevLens = state.lens;
  let last = performance.now();
  let w = 0,
    h = 0,
    dpr = 1;

  /** The key of the still frame last drawn ('' when the canvas must be drawn again). */
  let drawnKey = '';
  const resize = () => {
    const r = host.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    w = r.width;
    h = r.height;
    // setting a canvas's size clears its bitmap, even to the same value: only on a change, and then the still
    // frame of a paused or finished run is drawn again (its key alone would not see a same-size clear)
    const pw = Math.round(w * dpr),
      ph = Math.round(h * dpr);
    if (el.width !== pw || el.height !== ph) {
      el.width = pw;
      el.height = ph;
      drawnKey = '';
    }
    el.style.width = `${w}px`;
    el.style.height = `${h}px`;
  };
  resize();
  const ro = new ResizeObserver(resize);
  ro.observe(host);

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
  const local = (e: MouseEvent) => {
    const r = el.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  // A click on a dot opens the trace of a sampled request of that outcome on that endpoint.
  const onClick = (e: MouseEvent) => {
    if (state.lens !== 'data' || !nDots) return;
    const i = hit(...local(e));
    if (i < 0) return;
    const p = state.paths.data[dEdge[i]];
    if (!p) return;
    e.stopPropagation();
    e.preventDefault();
    onPick(p.to, KEYS[dOut[i]], getTime());
  };
  let hovering = false;
  const onMove = (e: MouseEvent) => {
    const over = state.lens === 'data' && nDots > 0 && hit(...local(e)) >= 0;
    if (over !== hovering) {
      hovering = over;
      host.classList.toggle('over-dot', over);
    }
  };
  host.addEventListener('click', onClick, true);
  host.addEventListener('mousemove', onMove);

  /** Screen geometry of an edge: React Flow's default bezier from the right side to the left side. */
  const geom = (from: string, to: string, vp: Viewport) => {
    const a = getNode(from),
      b = getNode(to);
    if (!a || !b) return null;
    const sx = a.x + a.width,
      sy = a.y + a.height / 2;
    const tx = b.x,
      ty = b.y + b.height / 2;
    const off = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
    const c1x = sx + off(tx - sx),
      c2x = tx - off(sx - tx);
    const z = vp.zoom;
    // a routed edge: its points on screen after the bezier's nine numbers (at() walks them)
    const r = getRoute?.(from, to);
    const poly = r && r.length > 1 ? r.flatMap((p) => [p.x * z + vp.x, p.y * z + vp.y]) : [];
    // a routed edge's total length, computed once per frame (not once per dot)
    if (poly.length) poly.push(flatLength(poly, 0));
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
      ...poly,
    ] as const;
  };
  const at = (g: readonly number[], t: number): [number, number] => {
    if (g.length > 11) return alongFlat(g, 9, g.length - 1, g[g.length - 1], t);
    const u = 1 - t;
    const a = u * u * u,
      b = 3 * u * u * t,
      c = 3 * u * t * t,
      d = t * t * t;
    return [a * g[0] + b * g[2] + c * g[4] + d * g[6], a * g[1] + b * g[3] + c * g[5] + d * g[7]];
  };
  const centre = (id: string, vp: Viewport) => {
    const a = getNode(id);
    if (!a) return null;
    return [(a.x + a.width / 2) * vp.zoom + vp.x, (a.y + a.height / 2) * vp.zoom + vp.y, vp.zoom] as const;
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

  /**
   * The last frame of a finished run: dots spread along each data edge, as many as its rate calls for,
   * coloured in the proportions of its outcomes (the latest rates), so a run to the end still shows
   * where requests failed, and each dot can be clicked for a request of its kind.
   */
  const stillFrame = (n: number): number => {
    if (n > 0) return n;
    const nodes = getFigures(),
      dp = state.paths.data;
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

  /** Data lens: spawn dots on each edge at its rate while running, move them, draw them batched by colour. */
  const drawData = (dt: number, moving: boolean, vp: Viewport) => {
    const dp = state.paths.data;
    const geoms = dp.map((p) => geom(p.from, p.to, vp));
    if (moving) {
      const nodes = getFigures();
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
  };

  /** Control lens: pulses along their edges (squares, diamonds for events), a ring where a chain stops. */
  const drawControl = (dt: number, paused: boolean, vp: Viewport) => {
    nDots = 0;
    let j = 0;
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const pu of pulses) {
      if (!paused) pu.t += dt / PULSE_SEC;
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
  };

  /** What a still frame depends on: the view, the status, the dots and pulses held, and their edges' ends. */
  const stillKey = (vp: Viewport, ln: string) => {
    let k =
      `${vp.x},${vp.y},${vp.zoom},${w},${h},${ln},` +
      `${state.status},${nDots},${pulses.length},${state.paths.data.length}`;
    const box = (id: string | null) => {
      const b = id === null ? null : getNode(id);
      k += b ? `|${b.x},${b.y},${b.width},${b.height}` : '|-';
    };
    for (const p of ln === 'data' ? state.paths.data : pulses) {
      box(p.from);
      box(p.to);
    }
    return k;
  };
  let raf = 0;
  const frame = (now: number) => {
    raf = requestAnimationFrame(frame);
    const { status: st, lens: ln } = state;
    const moving = st === 'running';
    // Moving dots are drawn at most every DRAW_MS (~30 a second): each drawing costs the page's main thread the
    // canvas's hand-over to the compositor, a quarter of a playing frame's work with 200 nodes; the dots still
    // move by the time that passed, so they keep their pace.
    const since = now - last;
    if (moving && st === prevStatus && ln === prevLens && since >= 0 && since < DRAW_MS) return;
    const dt = Math.min(0.1, Math.max(0, since) / 1000);
    last = now;
    if (st !== prevStatus) {
      if (st === 'idle' || st === 'off') {
        nDots = 0;
        pulses.length = 0;
        acc.length = 0;
      }
      // a run that stops (finished, or paused between two dots) keeps a picture of where its requests go
      if ((st === 'finished' || st === 'paused') && ln === 'data') nDots = stillFrame(nDots);
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
    if (el.dataset.clear !== '0') el.dataset.clear = '0';
    const vp = getViewport();
    // Nothing moves (a paused or finished run): draw again only when the picture would change — the view,
    // a node moved, the dots or pulses held, the status or lens.
    if (!moving && (ln === 'data' || st === 'paused')) {
      const key = stillKey(vp, ln);
      if (key === drawnKey) return;
      drawnKey = key;
    } else drawnKey = '';
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (ln === 'data') drawData(dt, moving, vp);
    else drawControl(dt, st === 'paused', vp);
  };
  raf = requestAnimationFrame(frame);

  let fresh = true;
  return {
    update(u) {
      // the first update is where the layer starts (a run already finished draws no still frame)
      if (fresh) {
        prevStatus = u.status;
        prevLens = u.lens;
        fresh = false;
      }
      state = u;
    },
    flows(flows) {
      if (state.lens !== 'control') return;
      // a run to the end sends thousands at once: the newest are drawn
      for (const f of flows.length > 60 ? flows.slice(-60) : flows) {
        if (pulses.length >= MAX_PULSES) pulses.shift();
        pulses.push({ from: f.from, to: f.to, kind: f.kind, label: f.label, t: 0 });
      }
    },
    destroy() {
      cancelAnimationFrame(raf);
      ro.disconnect();
      host.removeEventListener('click', onClick, true);
      host.removeEventListener('mousemove', onMove);
      host.classList.remove('over-dot');
    },
  };
}

/** A step coprime with n, to interleave outcomes along an edge without a random source. */
const stride = (n: number) => [5, 3, 7, 11, 13, 1].find((s) => gcd(s, n) === 1) ?? 1;
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** The length of the polyline stored flat in g from index `from` to `end` (exclusive): x0, y0, x1, y1, … */
function flatLength(g: readonly number[], from: number, end = g.length): number {
  let total = 0;
  for (let i = from + 2; i + 1 < end; i += 2) total += Math.hypot(g[i] - g[i - 2], g[i + 1] - g[i - 1]);
  return total;
}

/** The point a fraction t along the polyline stored flat in g from `from` to `end` (exclusive), `total` long. */
function alongFlat(g: readonly number[], from: number, end: number, total: number, t: number): [number, number] {
  let left = Math.max(0, Math.min(1, t)) * total;
  for (let i = from + 2; i + 1 < end; i += 2) {
    const len = Math.hypot(g[i] - g[i - 2], g[i + 1] - g[i - 1]);
    if (left <= len || i + 3 >= end) {
      const f = len ? Math.min(1, left / len) : 0;
      return [g[i - 2] + (g[i] - g[i - 2]) * f, g[i - 1] + (g[i + 1] - g[i - 1]) * f];
    }
    left -= len;
  }
  return [g[end - 2], g[end - 1]];
}
