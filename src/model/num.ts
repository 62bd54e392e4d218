/** Small numeric helpers shared by the model, the engine and its report (no imports: anything may use them). */

/** Round to `d` decimals, and turn -0 into 0 (so reports compare byte for byte). */
export const round = (x: number, d = 2): number => {
  const f = 10 ** d;
  const v = Math.round(x * f) / f;
  return Object.is(v, -0) ? 0 : v;
};
