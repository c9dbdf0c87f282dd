// Entry point for <ae-latent-scatter> alone: registers the tag.
export * from './elements/ae-latent-scatter/define.js';
