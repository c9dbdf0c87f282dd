// Entry point for <ae-denoise-demo> alone: registers the tag.
export * from './elements/ae-denoise-demo/define.js';
