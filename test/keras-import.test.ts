import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { configure, getModelStore } from '../src/index.js';
import { freshStore, pick } from './helpers.js';

/**
 * A model built and saved by TensorFlow.js itself (as tensorflowjs_converter would write
 * a Keras model): a plain Sequential with the layer names the loader expects and no
 * autoencoder-widgets metadata. It must load into a store of the matching spec and give
 * the same outputs as the original model.
 */
describe('importing a model saved by tfjs model.save', () => {
  it('loads by layer name into a store and reproduces its reconstructions', async () => {
    await tf.setBackend('cpu');
    const keras = tfl.sequential({
      name: 'keras_autoencoder',
      layers: [
        tfl.layers.flatten({ inputShape: [28, 28, 1], name: 'flatten' }),
        tfl.layers.dense({ units: 64, activation: 'relu', name: 'enc_dense_1' }),
        tfl.layers.dense({ units: 2, activation: 'tanh', name: 'code' }),
        tfl.layers.dense({ units: 64, activation: 'relu', name: 'dec_dense_1' }),
        tfl.layers.dense({ units: 784, activation: 'sigmoid', name: 'dec_output' }),
        tfl.layers.reshape({ targetShape: [28, 28, 1], name: 'dec_reshape' }),
      ],
    });
    const saved: File[] = [];
    await keras.save(
      tf.io.withSaveHandler(async (a) => {
        const json = { modelTopology: a.modelTopology, format: a.format, generatedBy: a.generatedBy, weightsManifest: [{ paths: ['./group1-shard1of1.bin'], weights: a.weightSpecs }] };
        saved.push(new File([JSON.stringify(json)], 'model.json'), new File([a.weightData as ArrayBuffer], 'group1-shard1of1.bin'));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );

    configure({ backend: 'wasm' });
    const ds = await getModelStore('keras-source').dataset();
    const sample = pick(ds, [3, 4, 5]);
    const expected = tf.tidy(() => Array.from((keras.predict(tf.tensor4d(sample, [3, 28, 28, 1])) as tf.Tensor).dataSync()));

    const store = freshStore('keras');
    await store.setSpec({ hidden: [64] });
    await store.load(saved);
    expect(store.spec.hidden).to.deep.equal([64]);
    const actual = Array.from(await store.reconstruct(sample, 3));
    actual.forEach((v, i) => expect(v).to.be.closeTo(expected[i], 1e-5));

    // Into a store whose spec does not fit, it names the layer that differs.
    const other = freshStore('keras-other');
    const err = await other.load(saved).catch((e) => e);
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.contain('enc_dense_1');
    await Promise.all([store.dispose(), other.dispose()]);
    keras.dispose();
  });
});
