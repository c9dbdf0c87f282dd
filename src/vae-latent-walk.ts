// Entry point for <vae-latent-walk> alone: registers the tag.
export * from './elements/vae-latent-walk/define.js';
