// Entry point for <ae-latent-classifier> alone: registers the tag.
export * from './elements/ae-latent-classifier/define.js';
