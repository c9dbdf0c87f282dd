// Entry point for <ae-reconstruction-grid> alone: registers the tag.
export * from './elements/ae-reconstruction-grid/define.js';
