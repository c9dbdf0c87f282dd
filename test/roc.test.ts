import { expect } from '@open-wc/testing';
import { confusionAt, rocAuc, rocCurve } from '../src/elements/ae-anomaly-view/roc.js';

// The anomaly view's maths on cases small enough to check by hand.

const rates = (scores: number[], positive: number[]) => rocCurve(scores, positive).map((p) => [p.fpr, p.tpr]);

/** The AUC by its definition: over every positive-negative pair, 1 if the positive scores higher, 1/2 if tied. */
function pairwise(scores: number[], positive: number[]): number {
  let [wins, pairs] = [0, 0];
  scores.forEach((p, i) => {
    if (!positive[i]) return;
    scores.forEach((n, j) => {
      if (positive[j]) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('ROC curve and AUC', () => {
  it('walks from (0,0) to (1,1), one point per distinct score, highest score first', () => {
    // The scikit-learn example: scores 0.1 0.4 0.35 0.8, positives the last two.
    const scores = [0.1, 0.4, 0.35, 0.8];
    const positive = [0, 0, 1, 1];
    const curve = rocCurve(scores, positive);
    expect(curve.map((p) => [p.fpr, p.tpr])).to.deep.equal([[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
    expect(curve.map((p) => p.threshold)).to.deep.equal([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(rocAuc(curve)).to.equal(0.75); // scikit-learn's roc_auc_score gives 0.75 too
  });

  it('scores 1 for a perfect ranking, 0 for a reversed one, 1/2 when every score ties', () => {
    expect(rocAuc(rocCurve([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0]))).to.equal(1);
    expect(rocAuc(rocCurve([0.1, 0.3, 0.8, 0.9], [1, 1, 0, 0]))).to.equal(0);
    expect(rates([1, 1, 1, 1], [1, 0, 1, 0])).to.deep.equal([[0, 0], [1, 1]]);
    expect(rocAuc(rocCurve([1, 1, 1, 1], [1, 0, 1, 0]))).to.equal(0.5);
  });

  it('counts a positive tied with a negative as half a win: a diagonal step', () => {
    // Positives 2 and 1, negatives 1 and 0: pairs 2>1, 2>0, 1=1 (half), 1>0 -> 3.5 of 4.
    const scores = [2, 1, 1, 0];
    const positive = [1, 1, 0, 0];
    expect(rates(scores, positive)).to.deep.equal([[0, 0], [0, 0.5], [0.5, 1], [1, 1]]);
    expect(rocAuc(rocCurve(scores, positive))).to.equal(0.875);
    expect(pairwise(scores, positive)).to.equal(0.875);
  });

  it('equals the pairwise definition on random scores with many ties', () => {
    let s = 12345;
    const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 60);
      const positive = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : rand() < 0.3 ? 1 : 0));
      const scores = positive.map((p) => Math.round((rand() + p * 0.4) * 8) / 8); // coarse: ties across classes
      expect(rocAuc(rocCurve(scores, positive))).to.be.closeTo(pairwise(scores, positive), 1e-12);
    }
  });

  it('has no curve (and AUC NaN) when one class is missing, and refuses labels of another length', () => {
    expect(rocCurve([0.2, 0.5], [1, 1])).to.deep.equal([]);
    expect(rocCurve([0.2, 0.5], [false, false])).to.deep.equal([]);
    expect(rocAuc([])).to.be.NaN;
    expect(() => rocCurve([1, 2, 3], [1, 0])).to.throw(RangeError);
  });
});

describe('precision and recall at a threshold', () => {
  const scores = [0.1, 0.4, 0.35, 0.8];
  const positive = [false, false, true, true];

  it('flags scores strictly above the threshold', () => {
    // Above 0.3: 0.4 (negative), 0.35 and 0.8 (positives).
    expect(confusionAt(scores, positive, 0.3)).to.deep.equal({ tp: 2, fp: 1, fn: 0, tn: 1, precision: 2 / 3, recall: 1, fpr: 0.5 });
    // Above 0.35: 0.4 and 0.8; the 0.35 itself is not flagged.
    expect(confusionAt(scores, positive, 0.35)).to.deep.equal({ tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5, fpr: 0.5 });
    expect(confusionAt(scores, positive, 0)).to.deep.include({ tp: 2, fp: 2, precision: 0.5, recall: 1, fpr: 1 });
  });

  it('gives no precision when nothing is flagged, and no recall without positives', () => {
    expect(confusionAt(scores, positive, 0.8)).to.deep.equal({ tp: 0, fp: 0, fn: 2, tn: 2, precision: null, recall: 0, fpr: 0 });
    expect(confusionAt([1, 2], [0, 0], 1.5)).to.deep.include({ precision: 0, recall: null, fpr: 0.5 });
  });

  it('agrees with the curve: each point is the confusion just below its threshold', () => {
    const curve = rocCurve(scores, positive);
    for (const p of curve.slice(1)) {
      const c = confusionAt(scores, positive, p.threshold - 1e-9);
      expect([c.fpr, c.recall]).to.deep.equal([p.fpr, p.tpr]);
    }
  });
});
