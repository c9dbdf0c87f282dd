// Entry point for <ae-draw-pad> alone: registers the tag.
export * from './elements/ae-draw-pad/define.js';
