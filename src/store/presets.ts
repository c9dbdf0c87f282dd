import type { ModelSpec } from '../engine/spec.js';
import type { BundledData } from './data-sources.js';

/** A store id that comes with a spec and pretrained weights in weights/<id>/. */
export interface Preset {
  id: string;
  title: string;
  spec: Partial<ModelSpec>;
  /** The bundled dataset it was trained on (default: the configured `dataUrl`, MNIST). */
  data?: BundledData;
}

export const PRESETS: Record<string, Preset> = {
  'mnist-ae-2d': { id: 'mnist-ae-2d', title: 'Autoencoder, 2-D code (the course lab)', spec: { kind: 'ae', latentDim: 2, hidden: [200, 200], codeActivation: 'linear', loss: 'bce' } },
  'mnist-ae-16': { id: 'mnist-ae-16', title: 'Autoencoder, 16-D code for features', spec: { kind: 'ae', latentDim: 16, hidden: [200, 200], codeActivation: 'linear' } },
  'mnist-vae-2d': { id: 'mnist-vae-2d', title: 'Variational autoencoder, 2-D latent', spec: { kind: 'vae', latentDim: 2, hidden: [256, 128], loss: 'bce', beta: 1 } },
  'mnist-dae': { id: 'mnist-dae', title: 'Denoising autoencoder, 32-D code (noise, blanked squares, downsampling)', spec: { kind: 'denoising', latentDim: 32, hidden: [256], codeActivation: 'linear', noiseType: 'mixed', noise: 0.8, loss: 'bce' } },
  'mnist-aae-2d': {
    id: 'mnist-aae-2d',
    title: 'Adversarial autoencoder, 2-D code filling a circle of ten gaussians, one per digit',
    spec: { kind: 'aae', latentDim: 2, hidden: [256, 128], codeActivation: 'linear', loss: 'bce', prior: 'circle', components: 10, supervised: true },
  },
  'mnist-umap-ae-2d': {
    id: 'mnist-umap-ae-2d',
    title: 'UMAP-regularised autoencoder, 2-D code: a map that keeps neighbours together and still decodes',
    spec: { kind: 'umap-ae', latentDim: 2, hidden: [512, 256], codeActivation: 'linear', loss: 'bce', umapWeight: 3 },
  },
  'mnist-conv-ae': { id: 'mnist-conv-ae', title: 'Convolutional autoencoder, 16-D code', spec: { kind: 'conv', latentDim: 16, hidden: [], codeActivation: 'linear', filters: [16, 32] } },
  'emoji-ae': { id: 'emoji-ae', title: 'Convolutional autoencoder on colour emoji, 32-D code', data: 'emoji-32', spec: { kind: 'conv', latentDim: 32, hidden: [], codeActivation: 'linear', filters: [32, 64], loss: 'bce' } },
  'emoji-ae-2d': { id: 'emoji-ae-2d', title: 'Convolutional autoencoder on colour emoji, 2-D code for the map', data: 'emoji-32', spec: { kind: 'conv', latentDim: 2, hidden: [], codeActivation: 'linear', filters: [32, 64], loss: 'bce' } },
  'emoji-colorize': {
    id: 'emoji-colorize',
    title: 'Colorizer for emoji: the grey picture in, colour out',
    data: 'emoji-32',
    spec: { kind: 'colorize', latentDim: 32, hidden: [], codeActivation: 'linear', filters: [64, 128], loss: 'mse' },
  },
};

export function presetWeightsUrl(base: string, id: string): string {
  return new URL(`${id}/model.json`, base.endsWith('/') ? base : `${base}/`).href;
}
