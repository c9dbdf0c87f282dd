// The element tags, in the order the docs present them: the one list the build (an entry
// per tag), the README's API reference and the package checks read. A tag here has its
// folder src/elements/<tag>/, its entry src/<tag>.ts and an "./<tag>" export in package.json;
// scripts/check-layers.mjs fails when one of those is missing or a folder is not listed.
export const TAGS = ['ae-trainer', 'ae-latent-scatter', 'ae-reconstruction-grid', 'ae-denoise-demo', 'vae-latent-walk', 'ae-anomaly-view', 'ae-latent-classifier', 'ae-draw-pad', 'ae-data-source'];
