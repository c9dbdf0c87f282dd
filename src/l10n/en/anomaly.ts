import { section } from '../catalog.js';

type W = { written: string };
/** The classes of the data (names), else the label numbers that occur in it. */
export type Known = { classes: string[] | null; labels: number[] };

const known = ({ classes, labels }: Known) =>
  classes ? `the classes are ${classes.map((n) => `"${n}"`).join(', ')} (or their numbers 0 to ${classes.length - 1})` : `the labels are ${labels.join(', ')}`;
const anomalyLabels = (k: Known) => `must name the classes that are anomalies, separated by commas: ${known(k)}.`;
const noun = (vectors: boolean) => (vectors ? 'samples' : 'images');

/** <ae-anomaly-view>: its histogram, summary, worst samples, and precision/recall/ROC with `anomaly-label`. */
export const anomaly = section({
  'anomaly.attr.threshold': ({ written, lo, hi }: W & { lo: number; hi: number }) =>
    `${written} must be a number ${hi === Infinity ? `of ${lo} or more` : `from ${lo} to ${hi}`}, a reconstruction error such as 0.05.`,
  'anomaly.attr.needsLabels': ({ written, data }: W & { data: string | null }) => `${written} needs data with labels; ${data ? `"${data}"` : 'this data'} has none.`,
  'anomaly.attr.labels': ({ written, ...k }: W & Known) => `${written} ${anomalyLabels(k)}`,
  'anomaly.attr.noClass': ({ written, entry, ...k }: W & Known & { entry: string }) => `${written} names no class of this data ("${entry}"); it ${anomalyLabels(k)}`,
  'anomaly.histogram': ({ count, threshold }: { count: number; threshold: string }) => `Histogram of ${count} test reconstruction errors; threshold ${threshold}`,
  'anomaly.loading': 'Loading errors',
  'anomaly.threshold': 'Threshold',
  /** The count of test samples over the threshold, in bold before `anomaly.flaggedOf`. */
  'anomaly.flagged': ({ flagged }: { flagged: number }) => `${flagged}`,
  /** After the flagged count, in bold: "40 of 2000 test images (2.0%) have an error above 0.05.". */
  'anomaly.flaggedOf': ({ total, vectors, share, threshold }: { flagged: number; total: number; vectors: boolean; share: string; threshold: string }) =>
    `of ${total} test ${noun(vectors)} (${share}) have an error above ${threshold}.`,
  'anomaly.drawing': 'Your drawing: error',
  'anomaly.drawingHigher': ({ share }: { share: string }) => `, higher than ${share} of test images:`,
  'anomaly.unusual': 'unusual',
  'anomaly.usual': 'looks like the data',
  'anomaly.drawPrompt': 'Draw a digit, or a letter',
  'anomaly.worst': ({ vectors }: { vectors: boolean }) => `Worst reconstructed test ${noun(vectors)}`,
  'anomaly.keyInput': 'input',
  'anomaly.keyReconstruction': 'reconstruction',
  'anomaly.image': ({ index }: { index: number }) => `image ${index}`,
  'anomaly.worstLabel': ({ sample, error, vectors }: { sample: string; error: string; vectors: boolean }) =>
    `${sample}, error ${error}${vectors ? ', input and reconstruction drawn as lines' : ''}`,
  /** The histogram's marker of the reader's drawing. */
  'anomaly.yourDrawing': 'your drawing',
  'anomaly.missing': ({ anomalies, names }: { anomalies: number; names: string[] }) =>
    `The test split has ${anomalies ? 'no normal samples' : `no anomalies (${names.join(', ')})`}: precision, recall and the ROC curve need both.`,
  'anomaly.at': ({ threshold, fpr, recall }: { threshold: string; fpr: string; recall: string }) =>
    `At the threshold ${threshold}, ${fpr} of normal samples and ${recall} of anomalies are flagged.`,
  'anomaly.rocTitle': ({ auc }: { auc: string }) => `ROC curve of the reconstruction error, AUC ${auc}`,
  'anomaly.rocDesc': ({ at }: { at: string }) =>
    `The share of anomalies flagged (true-positive rate) against the share of normal samples flagged (false-positive rate) as the threshold falls from the highest error to zero. ${at}`,
  'anomaly.fprAxis': 'false-positive rate',
  'anomaly.tprAxis': 'true-positive rate (recall)',
  'anomaly.precision': 'Precision',
  'anomaly.recall': 'Recall',
  'anomaly.auc': 'ROC AUC',
  'anomaly.flaggedAre': ({ tp, flagged }: { tp: number; flagged: number }) => `${tp} of ${flagged} flagged are anomalies`,
  'anomaly.nothingFlagged': 'nothing flagged',
  'anomaly.anomaliesFlagged': ({ tp, anomalies }: { tp: number; anomalies: number }) => `${tp} of ${anomalies} anomalies flagged`,
  'anomaly.counts': ({ anomalies, names, normals }: { anomalies: number; names: string[]; normals: number }) => `${anomalies} anomalies (${names.join(', ')}), ${normals} normal`,
});
