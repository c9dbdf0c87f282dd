// The speed anchor: PyTorch training the same spec on one CPU thread, through
// ../shared/anchors/torch_speed.py. Optional: CI has no PyTorch, and then bench says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHONS = ['/usr/bin/python3', 'python3'];

/**
 * OpenBLAS picks its own kernel only without the first two (see torch_speed.py's header).
 * torch.set_num_threads(1) leaves OpenBLAS its own thread pool: measured here, "one
 * thread" then ran at 165% CPU, and its speed swung with the other core's load. One
 * OpenBLAS thread makes it one core, and steadier.
 */
function env() {
  const e = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
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
