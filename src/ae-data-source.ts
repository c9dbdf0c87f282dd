// Entry point for <ae-data-source> alone: registers the tag.
export * from './elements/ae-data-source/define.js';
