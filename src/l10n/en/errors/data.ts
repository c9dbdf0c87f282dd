import type { SampleShape } from '../../../engine/sample.js';
import { section } from '../../catalog.js';
import { shapeWords, type Said } from './words.js';

type Got = { got: string };
type Named = { name: string };
type At = { index: number; sample: number; got: string };

/** Datasets: a page's setDataset() input, dataset files, sample shapes. */
export const dataErrors = section({
  /** A sample shape in words: "32x32x3 image", "vector of 50". */
  'data.shape': ({ shape }: { shape: SampleShape }) => shapeWords(shape),
  'data.vectorLength': ({ max, got }: { max: number; got: number }) => `A vector sample must have 1 to ${max} numbers; got ${got}.`,
  'data.imageSide': ({ side, min, max, got }: { side: 'height' | 'width'; min: number; max: number; got: number }) => `Image ${side} must be a whole number from ${min} to ${max}; got ${got}.`,
  'data.channels': ({ got }: { got: number }) => `Images must have 1 channel (grey) or 3 (colour); got ${got}.`,
  // setDataset()
  'data.object': 'Dataset must be an object with images, n, and height and width (or sample: "vector" and length).',
  'data.n': ({ got }: Got) => `Dataset field "n" must be a positive whole number; got ${got}.`,
  'data.sampleKind': ({ kinds, got }: Got & { kinds: readonly string[] }) => `Dataset "sample" must be one of ${kinds.join(', ')}; got ${got}.`,
  'data.imagesType': ({ got }: Got) => `Dataset "images" must be a Float32Array or Uint8Array; got ${got}.`,
  'data.imagesCount': ({ count, n, size, shape, expected }: { count: number; n: number; size: number; shape: SampleShape; expected: number }) =>
    `Dataset "images" has ${count} values; ${n} samples of ${size} (${shapeWords(shape)}) need ${expected}.`,
  'data.pixel': ({ index, sample, got }: At) => `Dataset value ${index} (sample ${sample}) is ${got}; pixels must be 0..1 (or 0..255 in a Uint8Array).`,
  'data.vectorValue': ({ index, sample, got }: At) => `Dataset value ${index} (sample ${sample}) is ${got}; vectors must hold finite numbers.`,
  'data.labelsType': ({ got }: Got) => `Dataset "labels" must be an array of whole numbers; got ${got}.`,
  'data.labelsCount': ({ count, n }: { count: number; n: number }) => `Dataset "labels" has ${count} entries for ${n} samples.`,
  'data.label': ({ index, got }: Got & { index: number }) => `Dataset label ${index} is ${got}; labels must be whole numbers from 0 to 255.`,
  'data.name': ({ got }: Got) => `Dataset "name" must be a non-empty string; got ${got}.`,
  'data.splitMissing': ({ key }: { key: string }) => `Dataset "${key}" must be given (non-empty) when the other split is.`,
  'data.splitIndex': ({ key, position, got, max }: Got & { key: string; position: number; max: number }) =>
    `Dataset "${key}"[${position}] is ${got}; indices must be whole numbers from 0 to ${max}.`,
  'data.splitTwice': ({ key, index }: { key: string; index: number }) => `Dataset "${key}" holds sample ${index} twice; each sample belongs to a split once.`,
  'data.splitShared': ({ index }: { index: number }) => `Sample ${index} is in both trainIndices and testIndices; a test sample must be one the model never trained on.`,
  'data.tooSmall': ({ name, train, test, minTrain, minTest }: Named & { train: number; test: number; minTrain: number; minTest: number }) =>
    `Dataset "${name}" splits into ${train} train and ${test} test samples; a model needs at least ${minTrain} to train on and ${minTest} to test on (with the automatic 80/20 split: at least 3 samples).`,
  'data.trainLabelsNeedLabels': 'Dataset "trainLabels" needs labels.',
  'data.trainLabelsType': ({ got }: Got) => `Dataset "trainLabels" must be a non-empty list of labels or class names; got ${got}.`,
  /** `classNames`: the data's, when it has them. */
  'data.trainLabelsUnknown': ({ got, classNames }: Got & { classNames?: string[] }) =>
    `Dataset "trainLabels" names ${got}, which is not a class of this data: ${classNames ? `the classes are ${classNames.map((x) => `"${x}"`).join(', ')}` : 'labels are numbers that occur in the data'}.`,
  'data.standardizeType': ({ got }: Got) => `Dataset "standardize" must be true or false; got ${got}.`,
  'data.standardizeImages': 'Dataset "standardize" applies to vectors only; image pixels stay 0..1.',
  'data.classNamesField': 'Dataset "classNames"',
  /** `where`: a file's name, or `data.classNamesField`. */
  'data.classNamesType': ({ where }: { where: Said }) => `${where}: class names must be a list of strings.`,
  'data.classNamesNoLabels': ({ where }: { where: Said }) => `${where}: class names are given but the images have no labels.`,
  'data.classNamesFew': ({ where, top, count }: { where: Said; top: number; count: number }) => `${where}: label ${top} occurs but only ${count} class names are given.`,
  // Dataset files
  'data.trainPart': ({ name }: Named) => `${name}: this is the train part of a dataset; load its test part (*.test.bin) instead.`,
  'data.fileShort': ({ name, bytes }: Named & { bytes: number }) => `${name}: file is ${bytes} bytes, too short for a dataset header.`,
  'data.notDataset': ({ name }: Named) => `${name}: not a dataset file (expected the "AEDS" header). Was an HTML page served instead?`,
  'data.unknownPart': ({ name, part }: Named & { part: number }) => `${name}: unknown dataset part ${part} in the header.`,
  'data.fileSample': ({ name, reason }: Named & { reason: Said }) => `${name}: ${reason}`,
  'data.fileSize': ({ name, bytes, expected, n, height, width, channels }: Named & { bytes: number; expected: number; n: number; height: number; width: number; channels: number }) =>
    `${name}: file is ${bytes} bytes but its header promises ${expected} (${n} images of ${height}x${width}x${channels}). The file is truncated or corrupt.`,
  'data.classNamesJson': ({ name }: Named) => `${name}: its class names are not valid JSON.`,
  'data.fetch': ({ url, reason }: { url: string; reason: Said }) => `Could not fetch dataset ${url}: ${reason}`,
  'data.fetchStatus': ({ url, status }: { url: string; status: number }) => `Could not fetch dataset ${url}: HTTP ${status}.`,
  'data.testPartName': ({ url }: { url: string }) => `${url}: a test part must be named *.test.bin, so its train part (*.train.bin) can be found beside it.`,
  'data.notTrainPart': ({ url, name, part, height, width, channels, labels }: { url: string; name: string; part: number; height: number; width: number; channels: number; labels: boolean }) =>
    `${url}: not the train part of ${name} (its header says part ${part}, ${height}x${width}x${channels}${labels ? ' with labels' : ''}).`,
  'data.moveShape': ({ from, to }: { from: SampleShape; to: SampleShape }) => `A model of ${shapeWords(from)} samples cannot move to a dataset of ${shapeWords(to)} samples.`,
});
