import { AEError, shown } from '../errors.js';
import { aae } from './aae.js';
import { ae } from './ae.js';
import { colorize } from './colorize.js';
import { contractive } from './contractive.js';
import { conv } from './conv.js';
import { denoising } from './denoising.js';
import { badField } from './fields.js';
import type { KindModule } from './kind.js';
import { sparse } from './sparse.js';
import { umapAe } from './umap-ae.js';
import { vae } from './vae.js';

/** Every model kind, in the order docs list them. A new kind is a module and a line here. */
export const KIND_MODULES = [ae, denoising, sparse, contractive, vae, conv, aae, colorize, umapAe] as const;

export type ModelKind = (typeof KIND_MODULES)[number]['name'];
export const KINDS: readonly ModelKind[] = KIND_MODULES.map((k) => k.name);

const extra: KindModule[] = [];

/** Adds a kind at run time (a page's own, or a test's); its fields join the spec. */
export function registerKind(kind: KindModule) {
  if (findKind(kind.name)) throw AEError.of('input-invalid', 'spec.kindExists', { name: shown(kind.name) });
  extra.push(kind);
}

export function kindModules(): readonly KindModule[] {
  return [...(KIND_MODULES as readonly KindModule[]), ...extra];
}

/** The module of a kind by name, if there is one. */
export const findKind = (name: unknown): KindModule | undefined => kindModules().find((k) => k.name === name);

/** The module of a kind by name; throws spec-invalid naming the known ones. */
export function kindOf(name: unknown): KindModule {
  const kind = findKind(name);
  if (!kind) throw badField('kind', 'spec.oneOf', { values: kindModules().map((k) => k.name), got: shown(name) });
  return kind;
}

/** The named loss series a kind reports besides its loss, in order. */
export const seriesOf = (kind: KindModule) => kind.updates.flatMap((u) => u.terms ?? []);
