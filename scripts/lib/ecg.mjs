// ecg-beats: synthetic heartbeats (one beat, 140 points, in mV) with labelled anomalies,
// written as data/ecg-beats.csv (`label,t000,…,t139`). No signal data set is on npm, so
// this generates one from a published model:
//
//   ECGSYN: P. E. McSharry, G. D. Clifford, L. Tarassenko and L. A. Smith, "A dynamical
//   model for generating synthetic electrocardiogram signals", IEEE Transactions on
//   Biomedical Engineering 50(3):289–294, 2003.
//
// On the model's limit cycle the phase θ turns at ω = 2π/RR and the ECG z follows
//   dz/dt = −Σ_i a_i Δθ_i exp(−Δθ_i² / (2 b_i²)) − (z − z0),   Δθ_i = (θ − θ_i) mod 2π in [−π, π)
// over the five events P, Q, R, S, T, with baseline wander z0 = A sin(2π f_resp t + φ).
// This file integrates that with RK4 (RK4_STEPS steps per beat), one revolution per beat,
// and keeps every (RK4_STEPS / 140)th step, so a beat is exactly 140 samples, from half
// way between T and the next P (so P-QRS-T sits in the window, as in the ECG5000 set).
// Everything random comes from one seeded generator: the same seed gives the same bytes
// (on the same Node; another engine's Math.exp or Math.sin could move a last digit).
// Written from the paper's equations; no code of ECGSYN's is used. The classes, their
// parameters and the PCA baseline are documented in data/README.md.
// Build: node scripts/build-data.mjs ecg (writes the file, prints the PCA baseline).
// Check: node scripts/lib/ecg.mjs (compares the file with the generator, prints it).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './dataset-file.mjs';

export const SEED = 20261201;
export const POINTS = 140;
export const CLASSES = ['normal', 'pvc', 'st-elevation', 't-inversion', 'af'];
export const COUNTS = { normal: 2000, pvc: 125, 'st-elevation': 125, 't-inversion': 125, af: 125 };
const FILE = fileURLToPath(new URL('../../data/ecg-beats.csv', import.meta.url));

// The paper's Table 1: P, Q, R, S, T.
const PI = Math.PI;
export const THETA = [-PI / 3, -PI / 12, 0, PI / 12, PI / 2];
export const A = [1.2, -5, 30, -7.5, 0.75];
export const B = [0.25, 0.1, 0.1, 0.1, 0.4];
const [P, Q, R, S, T] = [0, 1, 2, 3, 4];

const RK4_STEPS = POINTS * 20; // 2,800 steps per beat: 0.0022 rad, over 40 per width b = 0.1
const WINDOW_START = (THETA[T] + THETA[P] + 2 * PI) / 2 - 2 * PI; // −11π/12, half way T → next P
const RR_NOMINAL = 1; // seconds, the rate at which the paper's parameters apply unscaled
const WANDER = { amplitude: 0.15, frequency: 0.25 }; // mV, Hz: respiration

function tools(random) {
  const uniform = (lo, hi) => lo + (hi - lo) * random();
  let spare = null;
  const gauss = () => {
    if (spare !== null) {
      const g = spare;
      spare = null;
      return g;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * PI * v);
    return r * Math.cos(2 * PI * v);
  };
  return { uniform, gauss };
}

const wrap = (d) => d - 2 * PI * Math.floor((d + PI) / (2 * PI));

/**
 * One beat of the model: integrates z over a warm-up revolution and then the recorded
 * one, and returns the 140 samples of the second (no noise added here).
 * `beat`: { rr (s), theta[5], a[5], b[5], wander: { amplitude, frequency, phase },
 *   extra(θ, t) (mV added to the output, e.g. f-waves or an ST plateau) }.
 */
export function integrateBeat(beat) {
  const { rr, theta, a, b, wander } = beat;
  const omega = (2 * PI) / rr;
  // A wave's height is about gain·a_i·b_i²/ω, so with the widths b_i scaled by
  // sqrt(HR/60) (normalBeat) the heights do not change with the rate.
  const gain = GAIN;
  const z0 = (t) => wander.amplitude * Math.sin(2 * PI * wander.frequency * t + wander.phase);
  const dz = (theta0, t, z) => {
    let sum = 0;
    for (let i = 0; i < 5; i++) {
      if (a[i] === 0) continue;
      const d = wrap(theta0 - theta[i]);
      sum += a[i] * d * Math.exp((-d * d) / (2 * b[i] * b[i]));
    }
    return -gain * sum - (z - z0(t));
  };
  const h = rr / RK4_STEPS;
  const dTheta = (2 * PI) / RK4_STEPS;
  const every = RK4_STEPS / POINTS;
  const out = new Float64Array(POINTS);
  let t = -rr; // the warm-up revolution ends at t = 0, where the window starts
  let z = z0(t);
  for (let rev = 0; rev < 2; rev++) {
    for (let k = 0; k < RK4_STEPS; k++) {
      const th = WINDOW_START + k * dTheta;
      if (rev === 1 && k % every === 0) out[k / every] = z + (beat.extra ? beat.extra(th, t) : 0);
      const k1 = dz(th, t, z);
      const k2 = dz(th + dTheta / 2, t + h / 2, z + (h / 2) * k1);
      const k3 = dz(th + dTheta / 2, t + h / 2, z + (h / 2) * k2);
      const k4 = dz(th + dTheta, t + h, z + h * k3);
      z += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      t += h;
    }
  }
  return out;
}

// The drive's gain that puts the R peak of the nominal beat (RR 1 s, no wander) 1 mV above
// its baseline; computed once from the model itself.
let GAIN = 1;
{
  const flat = { amplitude: 0, frequency: 0, phase: 0 };
  const nominal = integrateBeat({ rr: RR_NOMINAL, theta: THETA, a: A, b: B, wander: flat });
  GAIN = 1 / (Math.max(...nominal) - nominal[0]);
}
export const DRIVE_GAIN = GAIN;

/**
 * Per-beat variation of normal beats (standard deviations of gaussians): `event` moves
 * each event's phase, `window` moves the whole beat in its window (the jitter of
 * finding a beat's R peak in a recording), `noise` is measurement noise per sample.
 */
export const JITTER = { event: 0.02, window: 0.03, noise: 0.015 }; // rad, rad, mV

/**
 * A normal beat's parameters: a rate (RR 0.7–1.2 s), ECGSYN's rate scaling, ±10%
 * amplitudes and widths, the jitter above, and respiration of random phase.
 */
function normalBeat({ uniform, gauss }, rr = uniform(0.7, 1.2)) {
  const shift = JITTER.window * gauss();
  // ECGSYN's rate scaling (Bazett-like, as in its published ecgsyn.m): the widths and the
  // Q and S phases by sqrt(HR/60), the P and T phases by (HR/60)^(1/4), HR/60 = 1/RR.
  const f1 = Math.sqrt(RR_NOMINAL / rr);
  const f2 = Math.sqrt(f1);
  const scale = [f2, f1, 1, f1, f2];
  return {
    rr,
    theta: THETA.map((th, i) => th * scale[i] + JITTER.event * gauss() + shift),
    a: A.map((a) => a * uniform(0.9, 1.1)),
    b: B.map((b) => b * f1 * uniform(0.9, 1.1)),
    wander: { amplitude: WANDER.amplitude * uniform(0.7, 1.3), frequency: WANDER.frequency * uniform(0.8, 1.2), phase: uniform(0, 2 * PI) },
  };
}

const logistic = (x) => 1 / (1 + Math.exp(-x));

/** How strong each anomaly is, drawn uniformly per beat from these ranges. */
export const SEVERITY = {
  pvc: { rrFactor: [0.6, 0.8], widen: [1.8, 2.8], grow: [1.1, 1.5], tFactor: [1, 1.8] }, // T: −a_T times tFactor
  'st-elevation': { height: [0.05, 0.18] }, // mV; 0.1 mV (1 mm) is the usual clinical threshold
  't-inversion': { tFactor: [0, 0.6] }, // T: −a_T times tFactor, flat to inverted
  af: { rr: [0.45, 1.3], fAmp: [0.01, 0.04] }, // s, mV (each of two f-wave components)
};

/**
 * Each anomaly class: a normal beat's parameters, changed in a physiologically motivated
 * way (see data/README.md).
 */
export const ANOMALIES = {
  // Premature ventricular contraction: the beat starts in the ventricle, early, so no
  // P wave; the QRS is wide (slow conduction through muscle) and large, and the T wave
  // points opposite to the QRS (discordant repolarisation).
  pvc(rnd) {
    const { uniform } = rnd;
    const { rrFactor, widen: w, grow: g, tFactor } = SEVERITY.pvc;
    const beat = normalBeat(rnd, uniform(0.7, 1.2) * uniform(...rrFactor));
    const widen = uniform(...w);
    const grow = uniform(...g);
    beat.a[P] = 0;
    for (const i of [Q, R, S]) {
      beat.b[i] *= widen;
      beat.a[i] *= grow / (widen * widen); // a wave's height goes like a·b²
    }
    beat.a[T] *= -uniform(...tFactor);
    beat.b[T] *= 1.2;
    return beat;
  },
  // ST elevation (acute injury current): the segment from the J point (end of S) to the
  // T wave raised by a smooth plateau that merges into the T wave.
  'st-elevation'(rnd) {
    const beat = normalBeat(rnd);
    const height = rnd.uniform(...SEVERITY['st-elevation'].height);
    const j = beat.theta[S] + 2 * beat.b[S];
    const end = beat.theta[T] + 0.5 * beat.b[T];
    beat.extra = (th) => height * logistic((th - j) / 0.04) * logistic((end - th) / 0.15);
    return beat;
  },
  // T-wave inversion (ischaemia, strain): the T wave flattened through to negative.
  't-inversion'(rnd) {
    const beat = normalBeat(rnd);
    beat.a[T] *= -rnd.uniform(...SEVERITY['t-inversion'].tFactor);
    return beat;
  },
  // Atrial fibrillation: no organised atrial activity, so no P wave but fibrillatory
  // f-waves of 4–8 Hz and small amplitude on the baseline, and an irregular ventricular
  // rate (here a wider spread of RR than in normal beats).
  af(rnd) {
    const { uniform } = rnd;
    const beat = normalBeat(rnd, uniform(...SEVERITY.af.rr));
    beat.a[P] = 0;
    // Two f-wave components of random frequency in 4–8 Hz: their sum beats irregularly.
    const waves = [0, 1].map(() => ({ f: uniform(4, 8), amp: uniform(...SEVERITY.af.fAmp), phase: uniform(0, 2 * PI) }));
    beat.extra = (_th, t) => waves.reduce((sum, w) => sum + w.amp * Math.sin(2 * PI * w.f * t + w.phase), 0);
    return beat;
  },
};

/** Generates the rows: [{ label, values: Float64Array(140) }], shuffled with the seed. */
export function generateBeats(mulberry32, { seed = SEED, counts = COUNTS } = {}) {
  const random = mulberry32(seed);
  const rnd = tools(random);
  const rows = [];
  for (const label of CLASSES) {
    for (let n = 0; n < counts[label]; n++) {
      const beat = label === 'normal' ? normalBeat(rnd) : ANOMALIES[label](rnd);
      const values = integrateBeat(beat);
      for (let i = 0; i < POINTS; i++) values[i] += JITTER.noise * rnd.gauss();
      rows.push({ label, values });
    }
  }
  // Fisher-Yates with the same generator, so any prefix mixes the classes.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

// mV with 3 decimals (1 µV, far below the 15 µV noise): 4 would make the file 2.6 MB.
const DECIMALS = 3;
const fmt = (v) => {
  const s = v.toFixed(DECIMALS);
  return Number(s) === 0 ? (0).toFixed(DECIMALS) : s;
};

export function toCsv(rows) {
  const header = ['label', ...Array.from({ length: POINTS }, (_, i) => `t${String(i).padStart(3, '0')}`)].join(',');
  return `${header}\n${rows.map((r) => `${r.label},${Array.from(r.values, fmt).join(',')}`).join('\n')}\n`;
}

/** Parses the CSV back: [{ label, values: Float64Array }]. */
export function parseCsv(text) {
  const lines = text.trim().split('\n').slice(1);
  return lines.map((line) => {
    const cells = line.split(',');
    return { label: cells[0], values: Float64Array.from(cells.slice(1), Number) };
  });
}

/**
 * The anomaly-detection baseline: PCA with `k` components fitted on a seeded 80% of the
 * normal rows (columns standardised with those rows' mean and std), every other row scored
 * by its squared reconstruction error in standardised units, and the ROC AUC of normal
 * against each anomaly class and against all of them.
 */
export function pcaAnomalyCheck(mulberry32, rows, { k = 8, seed = 7, trainShare = 0.8 } = {}) {
  const random = mulberry32(seed);
  const normal = rows.map((r, i) => i).filter((i) => rows[i].label === 'normal');
  for (let i = normal.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [normal[i], normal[j]] = [normal[j], normal[i]];
  }
  const nTrain = Math.round(normal.length * trainShare);
  const train = new Set(normal.slice(0, nTrain));
  const d = rows[0].values.length;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (const i of train) for (let c = 0; c < d; c++) mean[c] += rows[i].values[c] / nTrain;
  for (const i of train) for (let c = 0; c < d; c++) std[c] += (rows[i].values[c] - mean[c]) ** 2 / (nTrain - 1);
  for (let c = 0; c < d; c++) std[c] = Math.sqrt(std[c]) || 1;
  const standard = (v) => Float64Array.from(v, (x, c) => (x - mean[c]) / std[c]);
  // Covariance of the standardised train rows, then the top k eigenvectors by power
  // iteration with deflation.
  const cov = Array.from({ length: d }, () => new Float64Array(d));
  for (const i of train) {
    const x = standard(rows[i].values);
    for (let r = 0; r < d; r++) for (let c = r; c < d; c++) cov[r][c] += (x[r] * x[c]) / (nTrain - 1);
  }
  for (let r = 0; r < d; r++) for (let c = 0; c < r; c++) cov[r][c] = cov[c][r];
  const components = [];
  const variances = [];
  for (let m = 0; m < k; m++) {
    let v = Float64Array.from({ length: d }, () => random() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      const w = new Float64Array(d);
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += cov[r][c] * v[c];
        w[r] = s;
      }
      for (const u of components) {
        const dot = u.reduce((s, x, c) => s + x * w[c], 0);
        for (let c = 0; c < d; c++) w[c] -= dot * u[c];
      }
      const norm = Math.hypot(...w);
      lambda = norm;
      const next = w.map((x) => x / norm);
      const change = next.reduce((s, x, c) => s + Math.abs(x - v[c]), 0);
      v = next;
      if (change < 1e-10) break;
    }
    components.push(v);
    variances.push(lambda);
  }
  const score = (values) => {
    const x = standard(values);
    const rec = new Float64Array(d);
    for (const u of components) {
      const dot = u.reduce((s, y, c) => s + y * x[c], 0);
      for (let c = 0; c < d; c++) rec[c] += dot * u[c];
    }
    return x.reduce((s, y, c) => s + (y - rec[c]) ** 2, 0) / d;
  };
  const scored = rows.map((r, i) => ({ label: r.label, score: train.has(i) ? null : score(r.values) })).filter((r) => r.score !== null);
  const held = scored.filter((r) => r.label === 'normal').map((r) => r.score);
  const auc = (anomalous) => {
    // Probability that an anomaly scores above a held-out normal row (ties count half).
    let wins = 0;
    for (const a of anomalous) for (const n of held) wins += a > n ? 1 : a === n ? 0.5 : 0;
    return wins / (anomalous.length * held.length);
  };
  const perClass = {};
  for (const label of CLASSES.slice(1)) perClass[label] = auc(scored.filter((r) => r.label === label).map((r) => r.score));
  const total = variances.reduce((s, x) => s + x, 0);
  return {
    k,
    trainNormal: nTrain,
    heldNormal: held.length,
    explained: total / d, // share of the standardised variance the k components hold
    auc: auc(scored.filter((r) => r.label !== 'normal').map((r) => r.score)),
    perClass,
  };
}

export function formatCheck(check) {
  const per = Object.entries(check.perClass).map(([label, a]) => `${label} ${a.toFixed(3)}`).join(', ');
  return `ecg-beats PCA-${check.k} baseline (fitted on ${check.trainNormal} normal rows, ${(check.explained * 100).toFixed(1)}% of the standardised variance; ${check.heldNormal} held-out normal rows): ROC AUC ${check.auc.toFixed(3)} overall; ${per}`;
}

export async function buildEcg() {
  const { mulberry32 } = await loadEngine();
  const rows = generateBeats(mulberry32);
  const csv = toCsv(rows);
  writeFileSync(FILE, csv);
  const counts = CLASSES.map((c) => `${c} ${rows.filter((r) => r.label === c).length}`).join(', ');
  console.log(`data/ecg-beats.csv: ${rows.length} beats of ${POINTS} points (${counts}), ${statSync(FILE).size} bytes`);
  // The check reads the file back, so it measures exactly what ships.
  for (const k of [4, 8, 16]) console.log(formatCheck(pcaAnomalyCheck(mulberry32, parseCsv(csv), { k })));
}

/**
 * `node scripts/lib/ecg.mjs`: checks that data/ecg-beats.csv is what the generator makes
 * (byte for byte) and prints its PCA baseline, without writing anything.
 */
export async function checkEcgFile() {
  const { mulberry32 } = await loadEngine();
  const shipped = readFileSync(FILE, 'utf8');
  const fresh = toCsv(generateBeats(mulberry32));
  if (shipped !== fresh) {
    console.error(`data/ecg-beats.csv differs from the generator's output (${shipped.length} against ${fresh.length} characters); rebuild with node scripts/build-data.mjs ecg`);
    process.exitCode = 1;
  } else console.log(`data/ecg-beats.csv matches the generator (seed ${SEED}), ${shipped.length} bytes`);
  for (const k of [4, 8, 16]) console.log(formatCheck(pcaAnomalyCheck(mulberry32, parseCsv(shipped), { k })));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await checkEcgFile();
