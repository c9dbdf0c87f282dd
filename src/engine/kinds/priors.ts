// Priors over codes as plain numbers: drawn here, turned into tensors by the engine.

/** `count` standard normal draws (Box-Muller). */
export function normals(count: number, rand: () => number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    out[i] = r * Math.cos(t);
    if (i + 1 < count) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** The circle mixture: component k's mean sits at angle 2πk/K, CIRCLE.radius out, in the first two code dimensions. */
export const CIRCLE = { radius: 3, std: 0.5 } as const;

export function circleMean(k: number, components: number): [number, number] {
  const angle = (2 * Math.PI * k) / components;
  return [CIRCLE.radius * Math.cos(angle), CIRCLE.radius * Math.sin(angle)];
}

/** `n` codes of `dim` numbers from the circle mixture; component of each from `labels`, else uniform. */
export function circleMixture(n: number, dim: number, components: number, rand: () => number, labels?: Uint8Array): Float32Array {
  const out = normals(n * dim, rand);
  for (let i = 0; i < n; i++) {
    const k = labels ? labels[i] : Math.floor(rand() * components);
    const [mx, my] = circleMean(k, components);
    for (let j = 0; j < dim; j++) out[i * dim + j] *= CIRCLE.std;
    out[i * dim] += mx;
    out[i * dim + 1] += my;
  }
  return out;
}

/** The 95% quantile of a chi-square with `dim` degrees of freedom (exact for 2, Wilson-Hilferty otherwise). */
export function chiSquare95(dim: number): number {
  if (dim === 2) return -2 * Math.log(0.05);
  const a = 2 / (9 * dim);
  return dim * (1 - a + 1.6449 * Math.sqrt(a)) ** 3;
}

/**
 * How well codes fit a prior: the share inside its 95% region (for the mixture, that of
 * the nearest component) and, for the mixture, each code's nearest component.
 */
export function priorFit(codes: Float32Array, dim: number, prior: 'normal' | 'circle', components: number): { inside: number; nearest: Uint8Array | null } {
  const n = codes.length / dim;
  const limit = chiSquare95(dim);
  const nearest = prior === 'circle' ? new Uint8Array(n) : null;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    let rest = 0;
    for (let j = 2; j < dim; j++) rest += codes[i * dim + j] ** 2;
    const [x, y] = [codes[i * dim], dim > 1 ? codes[i * dim + 1] : 0];
    let d2: number;
    if (nearest) {
      d2 = Infinity;
      for (let k = 0; k < components; k++) {
        const [mx, my] = circleMean(k, components);
        const dk = ((x - mx) ** 2 + (y - my) ** 2 + rest) / CIRCLE.std ** 2;
        if (dk < d2) [d2, nearest[i]] = [dk, k];
      }
    } else d2 = x * x + y * y + rest;
    if (d2 <= limit) inside++;
  }
  return { inside: inside / Math.max(1, n), nearest };
}
