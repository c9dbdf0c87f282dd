import { expect } from '@open-wc/testing';
import { AEError, configure, getModelStore, translate, type ModelStore } from '../src/index.js';
import { freshStore, rejection, subset } from './helpers.js';

// Errors carry their catalogue text (key and plain-data arguments) from wherever the
// engine made them, the worker included: the English message stays as it was, and the
// same text reads in Polish.
describe('error messages in other languages', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('l10n-errors-source').dataset(), 256);
  });

  async function store(): Promise<ModelStore> {
    const s = freshStore('l10n-err');
    await s.setDataset(data);
    return s;
  }

  async function failure(promise: Promise<unknown>): Promise<AEError> {
    const err = await rejection(promise);
    expect(err).to.be.instanceOf(AEError);
    return err as AEError;
  }

  /** The error's text in `lang`, checked to be plain data. */
  function said(err: AEError, lang: string): string {
    expect(err.text, `${err.message} has no catalogue text`).to.be.an('object');
    expect(structuredClone(err.text)).to.deep.equal(err.text);
    return (translate as (lang: string, key: string, args?: unknown) => string)(lang, err.text!.key, err.text!.args);
  }

  /** English is the message itself; Polish differs from it. */
  function polish(err: AEError): string {
    expect(said(err, 'en')).to.equal(err.message);
    const pl = said(err, 'pl');
    expect(pl).to.not.equal(err.message);
    return pl;
  }

  it('a bad spec: the field and its rule', async () => {
    const s = await store();
    const err = await failure(s.setSpec({ latentDim: 0 }));
    expect(err.code).to.equal('spec-invalid');
    expect(err.message).to.equal('Model spec "latentDim" must be a whole number from 1 to 1024; got 0.');
    expect(err.text!.key).to.equal('spec.field');
    expect(polish(err)).to.equal('Pole „latentDim” specyfikacji modelu musi być liczbą całkowitą od 1 do 1024; podano 0.');
    await s.dispose();
  });

  it("a kind the data does not suit, refused in the worker: the kind's reason and the shape in Polish too", async () => {
    const s = await store();
    const err = await failure(s.setSpec({ kind: 'colorize', hidden: [], filters: [4, 8] }).then(() => s.train({ epochs: 1 })));
    expect(err.code).to.equal('spec-invalid');
    expect(err.message).to.equal('A colorizing model needs colour images (3 channels), to learn colour from their grey version. This dataset holds a 28x28x1 image.');
    expect(polish(err)).to.equal('Model koloryzujący wymaga obrazów kolorowych (3 kanały), by uczyć się koloru z ich szarej wersji. Ten zbiór danych zawiera próbki typu obraz 28x28x1.');
    await s.dispose();
  });

  it('a dataset holding NaN', async () => {
    const s = freshStore('l10n-err');
    const images = (data.images as Float32Array).slice();
    images[790] = NaN;
    const err = await failure(s.setDataset({ ...data, images }));
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.equal('Dataset value 790 (sample 1) is NaN; pixels must be 0..1 (or 0..255 in a Uint8Array).');
    expect(polish(err)).to.equal('Wartość 790 zbioru danych (próbka 1) to NaN; piksele muszą mieć wartości 0..1 (lub 0..255 w Uint8Array).');
    await s.dispose();
  });

  it('weights of another shape, loaded in the worker', async () => {
    const other = await store();
    await other.setSpec({ latentDim: 3 });
    const files = await other.exportFiles('foreign');
    await other.dispose();
    const json = JSON.parse(files.modelJson);
    delete json.userDefinedMetadata; // no spec: the current model is tried, as for a Keras export
    const s = await store();
    const err = await failure(s.load([new File([JSON.stringify(json)], 'model.json'), new File([files.weights], files.weightsName)]));
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.match(/^Layer "code" expects code\/\S+ of shape \[200,2\] but model\.json has \[200,3\]\. The file was saved from a different architecture\.$/);
    expect(polish(err)).to.match(/^Warstwa „code” oczekuje code\/\S+ o kształcie \[200,2\], ale model\.json ma \[200,3\]\. Plik zapisano z innej architektury\.$/);
    await s.dispose();
  });

  it('numbers in Polish messages are written the Polish way; values as the page gave them are not', async () => {
    const s = await store();
    const err = await failure(s.setSpec({ seed: -1.5 }));
    expect(err.message).to.equal('Model spec "seed" must be a whole number from 0 to 9007199254740991; got -1.5.');
    expect(polish(err)).to.match(/^Pole „seed” specyfikacji modelu musi być liczbą całkowitą od 0 do 9\s007\s199\s254\s740\s991; podano -1\.5\.$/);
    await s.dispose();
  });
});
