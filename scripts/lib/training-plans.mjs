// How each preset's shipped weights are trained: seed, batch size, and phases of
// train() calls (Adam's state, the seeded shuffle and the noise carry over between
// them); `finalLearningRate` makes a phase decay its rate along a cosine. `ship` picks
// the weight encoding (uint8: a quarter of float32, test MSE unchanged to 4 digits).
// The spec itself comes from the library's PRESETS.
export const PLANS = {
  // Measured: BCE + linear code + cosine 1e-3 -> 1e-4 over 40 epochs gives test MSE
  // 0.039-0.040 (PCA-2: 0.0555) and kNN-5 0.749-0.757 on two seeds; a tanh code with BCE
  // saturates (kNN 0.60 at epoch 20).
  'mnist-ae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 40, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  'mnist-ae-16': { seed: 1, batchSize: 64, schedule: [{ epochs: 30, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  'mnist-vae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 40, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  // Measured on the shipped uint8 files: 225 prior draws decode 10/10 digits (16-31 each),
  // 83.6% of test codes inside the prior's 95% region, 80.7% nearest their digit's
  // component; test MSE 0.0512 (PCA-2 0.0555), kNN-5 0.79. With the discriminator at 0.2x
  // or 0.05x the run's rate the codes drifted off their components (27%, 17% at epoch 8).
  'mnist-aae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 40, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  // Measured on the 8,000 train digits (kNN-5 of the 2-D test codes, test MSE): UMAP
  // weight 3 at Adam 1e-3 -> 1e-4 over 60 epochs levels off near 0.85 (0.846 / 0.0389 at
  // epoch 40); starting at 3e-3 reaches 0.867 / 0.0381 by epoch 25 of 30, and 80 epochs
  // 0.886 / 0.0365 with the lab's 200-200 layers, and 0.904 / 0.0366 with 512-256
  // (shipped: the larger encoder, not more epochs, moved it; 34 min on wasm); weight 5 over
  // 150 epochs at 200-200 0.877 / 0.0365. Weight 10, cosine
  // neighbours, 10 neighbours, 10 negatives and 2,048 edges per batch were no better per
  // minute.
  'mnist-umap-ae-2d': {
    seed: 1,
    batchSize: 64,
    schedule: [{ epochs: 80, learningRate: 3e-3, finalLearningRate: 1e-4 }],
    ship: 'uint8',
    note: "Trained on the 8,000 train digits of mnist-10k, not MNIST's 60,000. Sainburg, McInnes & Gentner (2021) report kNN accuracy 0.954 for a UMAP-regularised autoencoder on full MNIST. The graph is what the smaller set costs: of each train digit's 15 nearest neighbours (in pixels), 27.8% show another digit among 1,000 train digits, 20.6% among 2,000, 15.6% among 4,000 and 12.3% among our 8,000. Each doubling cuts that share by about a fifth, so three more doublings, to 60,000, would leave about 6%: half as many wrong links for the map to keep together.",
  },
  // Trained on mixed corruptions (one per batch) so the one model serves every task of
  // <ae-denoise-demo>; gaussian-only training left blanked squares no better restored.
  'mnist-dae': { seed: 1, batchSize: 64, schedule: [{ epochs: 20, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  'mnist-conv-ae': { seed: 1, batchSize: 64, schedule: [{ epochs: 6, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  // Measured on emoji-32 (1,514 train images), 60 epochs at 1e-3 -> 1e-4: filters [32, 64]
  // reach test MSE 0.0157 (0.94x PCA-32), [32, 64, 64] only 0.0172 (1.02x): the 8x8 maps
  // before the code keep more detail. Longer runs keep improving slowly.
  'emoji-ae': { seed: 1, batchSize: 64, schedule: [{ epochs: 100, learningRate: 1e-3, finalLearningRate: 1e-5 }], ship: 'uint8' },
  'emoji-ae-2d': { seed: 1, batchSize: 64, schedule: [{ epochs: 60, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
  // Measured with PyTorch on the same data (same layers, 1 thread), colour MSE of the test
  // split against the grey input's 0.0303: a code map alone (the decoder redraws every
  // edge) 0.0216 with filters [32, 64], 0.0194 with [64, 128]; keeping the grey image in the
  // code and adding colour offsets to it, 0.0183; the output convolution also seeing the
  // grey image, 0.0181. Deeper encoders ([32, 64, 128]) overfit the 1,514 images (train
  // 0.013, test 0.019); random shifts slowed learning without helping; mirroring is on.
  'emoji-colorize': { seed: 1, batchSize: 16, schedule: [{ epochs: 50, learningRate: 1e-3, finalLearningRate: 1e-4 }], ship: 'uint8' },
};

export const PRESET_IDS = Object.keys(PLANS);
