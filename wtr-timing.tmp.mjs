import base from '/work/main/web-test-runner.config.mjs';
import { defaultReporter } from '@web/test-runner';
let last = Date.now(); const t0 = Date.now();
const timing = { reportTestFileResults({ testFile }) { const now = Date.now(); console.log(`[timing] ${((now-last)/1000).toFixed(1)}s ${testFile.replace(/.*\/test\//,'')} (t=${((now-t0)/1000).toFixed(0)})`); last = now; } };
export default { ...base, rootDir: '/work/main', reporters: [defaultReporter(), timing] };
