// How each preset's shipped weights are trained: seed, batch size, a learning-rate
// schedule as successive train() calls (Adam's state carries over between them), and
// which weight encoding ships. The spec itself comes from the library's PRESETS.
export const PLANS = {
  'mnist-ae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 40, learningRate: 1e-3 }, { epochs: 20, learningRate: 1e-4 }], ship: 'float16' },
  'mnist-ae-16': { seed: 1, batchSize: 64, schedule: [{ epochs: 30, learningRate: 1e-3 }, { epochs: 10, learningRate: 1e-4 }], ship: 'float16' },
  'mnist-vae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 40, learningRate: 1e-3 }, { epochs: 10, learningRate: 1e-4 }], ship: 'float16' },
  'mnist-dae': { seed: 1, batchSize: 64, schedule: [{ epochs: 30, learningRate: 1e-3 }, { epochs: 10, learningRate: 1e-4 }], ship: 'float16' },
  'mnist-conv-ae': { seed: 1, batchSize: 64, schedule: [{ epochs: 10, learningRate: 1e-3 }, { epochs: 3, learningRate: 1e-4 }], ship: 'float16' },
};
