import * as tf from '@tensorflow/tfjs-core';

/**
 * Conv2DBackpropFilter from ops every backend has (pad, strided slice, matMul), for
 * backends that lack the kernel (tfjs-backend-wasm 4.22). Without it a convolutional
 * model cannot train on wasm, and the other CPU path (tfjs-backend-cpu) is ~100x slower.
 *
 * dW[kh, kw] = sum over batch and output positions of x_pad[.., kh + i*sh, kw + j*sw, :]^T dy[.., i, j, :]
 */
export function registerConvFilterGrad(backendName: string): void {
  if (tf.getKernel(tf.Conv2DBackpropFilter, backendName)) return;
  tf.registerKernel({
    kernelName: tf.Conv2DBackpropFilter,
    backendName,
    kernelFunc: ({ inputs, attrs }) => {
      const { x, dy } = inputs as { x: tf.Tensor4D; dy: tf.Tensor4D };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter: only NHWC is supported here.');
      const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
      const { top, bottom, left, right } = info.padInfo;
      const [fh, fw, ci, co] = filterShape;
      const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
      return tf.tidy(() => {
        const padded = tf.pad(x, [[0, 0], [top, bottom], [left, right], [0, 0]]);
        const grad = tf.reshape(dy, [-1, co]);
        const taps: tf.Tensor[] = [];
        for (let kh = 0; kh < fh; kh++) {
          for (let kw = 0; kw < fw; kw++) {
            const patch = tf.stridedSlice(padded, [0, kh, kw, 0], [x.shape[0], kh + (oh - 1) * sh + 1, kw + (ow - 1) * sw + 1, ci], [1, sh, sw, 1]);
            taps.push(tf.matMul(tf.reshape(patch, [-1, ci]), grad, true, false));
          }
        }
        return tf.reshape(tf.stack(taps), [fh, fw, ci, co]);
      });
    },
  });
}
