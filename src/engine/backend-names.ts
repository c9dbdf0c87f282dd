// The backends by name, without loading any of them: the store checks configure() with these.

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;
/** In `auto` order: hardware GPUs first, then wasm, then cpu. */
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
