import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { lumaOf } from './noise.js';

// Weightless layers of the colorizer (see model.ts), registered so a saved topology that
// names them loads.

const one = (inputs: tf.Tensor | tf.Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);

/** Each pixel's Rec. 601 luma, as one channel: [h, w, 3] -> [h, w, 1]. */
export class Luma extends tfl.layers.Layer {
  static readonly className = 'AeLuma';

  override computeOutputShape(shape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const s = shape as tfl.Shape;
    return [...s.slice(0, -1), 1];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return lumaOf(one(inputs));
  }
}

/** Values [begin, begin + size) of each flat row: one part of a code made of parts. */
export class Columns extends tfl.layers.Layer {
  static readonly className = 'AeColumns';
  private readonly begin: number;
  private readonly size: number;

  constructor(args: { name: string; begin: number; size: number }) {
    super({ name: args.name });
    this.begin = args.begin;
    this.size = args.size;
  }

  override computeOutputShape(shape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return [(shape as tfl.Shape)[0], this.size];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.slice(one(inputs), [0, this.begin], [-1, this.size]);
  }

  override getConfig() {
    return { ...super.getConfig(), begin: this.begin, size: this.size };
  }
}

/** Colour offsets [h, w, 3] added to a grey image [h, w, 1]: the grey in every channel. */
export class AddGrey extends tfl.layers.Layer {
  static readonly className = 'AeAddGrey';

  override computeOutputShape(shapes: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return (shapes as tfl.Shape[])[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [offsets, grey] = inputs as tf.Tensor[];
    return tf.add(offsets, grey);
  }
}

tf.serialization.registerClass(AddGrey);
tf.serialization.registerClass(Luma);
tf.serialization.registerClass(Columns);
