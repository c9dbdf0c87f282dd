// The speed anchor: PyTorch training the same spec on one CPU thread, through
// ../shared/anchors/torch_speed.py. Optional: CI has no PyTorch, and then bench says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHONS = ['/usr/bin/python3', 'python3'];

/** OpenBLAS picks its own kernel only without these (see torch_speed.py's header). */
function env() {
  const e = { ...process.env };
  delete e.OPENBLAS_CORETYPE;
  delete e.OPENBLAS_L2_SIZE;
  return e;
}

/** { python, script } when python3-torch and the anchor script are here, else { missing }. */
export function findTorch(root) {
  const script = resolve(root, '..', 'shared', 'anchors', 'torch_speed.py');
  if (!existsSync(script)) return { missing: `${script} not found` };
  for (const python of PYTHONS) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore', env: env(), timeout: 60_000 });
      return { python, script };
    } catch {
      // try the next one
    }
  }
  return { missing: 'python3-torch is not installed (apt-get install -y python3-torch libopenblas0-pthread)' };
}

/**
 * Samples/s of PyTorch on one thread, batch 64, for a spec in the library's fields: with
 * torch_speed.py's own layers, or (`layers: 'store'`) with the store's, built by
 * scripts/pytorch/store_speed.py.
 */
export function torchSpeed({ python, script }, spec, { batch = 64, layers = 'anchor' } = {}) {
  const file = layers === 'store' ? fileURLToPath(new URL('../pytorch/store_speed.py', import.meta.url)) : script;
  const out = execFileSync(python, [file, JSON.stringify(spec), '1', String(batch)], { env: env(), encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').at(-1)).samplesPerSec;
}
