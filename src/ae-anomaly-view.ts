// Entry point for <ae-anomaly-view> alone: registers the tag.
export * from './elements/ae-anomaly-view/define.js';
