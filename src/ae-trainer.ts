// Entry point for <ae-trainer> alone: registers the tag.
export * from './elements/ae-trainer/define.js';
