import { AEError, shown } from '../engine/errors.js';
import { ModelStore } from './model-store.js';

const stores = new Map<string, ModelStore>();

/** The page-wide store of this id: the same id always gives the same store. */
export function getModelStore(id: string): ModelStore {
  if (typeof id !== 'string' || !id.trim()) throw AEError.of('input-invalid', 'error.storeId', { got: shown(id) });
  let store = stores.get(id);
  if (!store) {
    store = new ModelStore(id);
    stores.set(id, store);
    const created = store;
    const dispose = created.dispose.bind(created);
    created.dispose = async () => {
      if (stores.get(id) === created) stores.delete(id);
      await dispose();
    };
  }
  return store;
}
