import { section } from '../catalog.js';

/** Words every element uses. */
export const common = section({
  'common.notANumber': 'not a number',
  'common.status.idle': 'idle',
  'common.status.loading': 'loading',
  'common.status.ready': 'ready',
  'common.status.training': 'training',
  'common.status.paused': 'paused',
  'common.status.error': 'error',
  'common.status.disposed': 'disposed',
  /** "a plain autoencoder", from the kind's title (`kind.*.title`). */
  'common.kindPhrase': ({ title }: { title: string }) => `${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title} autoencoder`,
  'common.code': ({ activation }: { activation: string }) => `${activation} code`,
  'common.gaussianCode': 'gaussian code',
  'common.pretrained': 'pretrained',
  'common.loading': 'Loading…',
  'common.noModel': 'No model to show.',
  'common.loadFailed': 'The model failed to load.',
  /** A class by its number when the data names none. */
  'common.label': ({ label }: { label: number }) => `label ${label}`,
  'common.imageOf': ({ name, index }: { name: string; index: number }) => `${name} (image ${index})`,
  'common.image': ({ index }: { index: number }) => `image ${index}`,
  'common.noDrawing': ({ colour, shape }: { colour: boolean; shape: string }) =>
    `This model takes ${colour ? 'colour images' : 'vectors, not pictures'} (${shape}), so a grey drawing cannot be compared with its data. Use test images instead.`,
});
