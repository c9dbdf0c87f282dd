import { section } from '../catalog.js';

const noun = (vectors: boolean) => (vectors ? 'samples' : 'images');

/** <ae-latent-classifier>: kNN accuracy per space, its confusion matrices, and a drawing's verdict. */
export const classifier = section({
  'classifier.attr.pad': ({ written }: { written: string }) => `${written} names no <ae-draw-pad> beside this element; give the id of one, such as pad="my-pad".`,
  'classifier.k': 'Neighbours (k)',
  'classifier.showTables': 'Show counts as tables',
  'classifier.unlabelled': ({ data }: { data: string | null }) => `Classifying needs labelled data; ${data ? `"${data}"` : 'this data'} has no labels.`,
  'classifier.space.model': ({ dim }: { dim: number }) => `Autoencoder code (${dim} numbers)`,
  'classifier.space.pca': ({ dim }: { dim: number }) => `PCA (${dim} components)`,
  'classifier.space.pixels': ({ dim, vectors }: { dim: number; vectors: boolean }) => `${vectors ? 'Raw values' : 'Raw pixels'} (${dim} numbers)`,
  /** After the accuracy in bold: "88.6% right". */
  'classifier.right': 'right',
  'classifier.rightOf': ({ right, total, vectors, k }: { right: number; total: number; vectors: boolean; k: number }, f) =>
    `(${f.number(right)} of ${f.number(total)} test ${noun(vectors)}, k = ${k})`,
  'classifier.classifying': 'Classifying…',
  'classifier.matrix': ({ title, accuracy, vectors }: { title: string; accuracy: string; vectors: boolean }) =>
    `Confusion matrix, ${title}: ${accuracy} of test ${noun(vectors)} on the diagonal; rows are the true class, columns the predicted class.`,
  'classifier.tableCaption': ({ title }: { title: string }) => `${title}: test samples by true class (rows) and predicted class (columns)`,
  'classifier.tableCorner': 'true \\ predicted',
  'classifier.trueClass': 'true class',
  'classifier.predictedClass': 'predicted class',
  /** Before the predicted class in bold. */
  'classifier.looksLike': 'Your drawing looks like',
  /** After the predicted class. */
  'classifier.nearest': ({ k, shown }: { k: number; shown: number }) => `to its ${k} nearest training codes${shown < k ? ` (the nearest ${shown} shown)` : ''}:`,
  'classifier.neighbour': ({ image }: { image: string }) => `Train ${image}`,
  'classifier.drawPrompt': ({ own, k }: { own: boolean; k: number }) =>
    `Draw a digit${own ? '' : ' on the pad'}: its code is compared with the training codes, and the ${k} nearest vote on its class.`,
});
