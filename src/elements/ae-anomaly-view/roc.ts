// Scores against labels: the ROC curve, its area, and precision/recall at a threshold.
// Pure maths on plain arrays (no DOM, no TensorFlow.js). A sample is flagged when its
// score is strictly above the threshold, as the anomaly view's histogram and summary count.

/** One point of a ROC curve: flagging every score >= `threshold` gives these rates. */
export interface RocPoint {
  /** False-positive rate: share of the negatives flagged. */
  fpr: number;
  /** True-positive rate (recall): share of the positives flagged. */
  tpr: number;
  /** The lowest score flagged at this point (Infinity at the start of the curve: nothing flagged). */
  threshold: number;
}

/** Counts of one threshold, and the rates people read. */
export interface Confusion {
  /** Flagged positives, flagged negatives, missed positives, passed negatives. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp / (tp + fp): of the flagged samples, the share that are positives; null when nothing is flagged. */
  precision: number | null;
  /** tp / (tp + fn): of the positives, the share flagged; null when there are no positives. */
  recall: number | null;
  /** fp / (fp + tn): of the negatives, the share flagged; null when there are no negatives. */
  fpr: number | null;
}

/**
 * The ROC curve of `scores` (higher = more likely positive) against `positive`, from
 * (0, 0) to (1, 1): one point per distinct score, so tied scores make one diagonal step.
 * Empty when there are no positives or no negatives (the rates are undefined).
 */
export function rocCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean | number>): RocPoint[] {
  const n = scores.length;
  if (positive.length !== n) throw new RangeError(`rocCurve: ${n} scores but ${positive.length} labels`);
  let P = 0;
  for (let i = 0; i < n; i++) if (positive[i]) P++;
  const N = n - P;
  if (!P || !N) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let [tp, fp] = [0, 0];
  for (let k = 0; k < n; ) {
    const s = scores[order[k]];
    for (; k < n && scores[order[k]] === s; k++) {
      if (positive[order[k]]) tp++;
      else fp++;
    }
    points.push({ fpr: fp / N, tpr: tp / P, threshold: s });
  }
  return points;
}

/**
 * Area under a ROC curve by the trapezoid rule. On `rocCurve`'s points this is the
 * chance that a random positive scores above a random negative, ties counted half
 * (the Mann-Whitney U statistic over P x N). NaN for an empty curve.
 */
export function rocAuc(points: readonly RocPoint[]): number {
  if (points.length < 2) return NaN;
  let area = 0;
  for (let k = 1; k < points.length; k++) area += ((points[k].fpr - points[k - 1].fpr) * (points[k].tpr + points[k - 1].tpr)) / 2;
  return area;
}

/** The counts, precision and recall of flagging every score strictly above `threshold`. */
export function confusionAt(scores: ArrayLike<number>, positive: ArrayLike<boolean | number>, threshold: number): Confusion {
  let [tp, fp, fn, tn] = [0, 0, 0, 0];
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] > threshold;
    if (positive[i]) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
    fpr: fp + tn ? fp / (fp + tn) : null,
  };
}
