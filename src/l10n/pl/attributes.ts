import type { Translation } from '../catalog.js';
import type { attributes as en } from '../en/attributes.js';

export const attributes: Translation<typeof en> = {
  'attr.wholeNumber': ({ written, lo, hi }, f) => `${written}: wymagana liczba całkowita od ${f.number(lo)} do ${f.number(hi)}.`,
  'attr.wholePixels': ({ written, lo, hi }, f) => `${written}: wymagana całkowita liczba pikseli od ${f.number(lo)} do ${f.number(hi)}.`,
  'attr.numberIn': ({ written, lo, hi }, f) => `${written}: wymagana liczba ${hi === Infinity ? `nie mniejsza niż ${f.number(lo)}` : `od ${f.number(lo)} do ${f.number(hi)}`}.`,
  'attr.oneOf': ({ written, options }, f) => `${written}: dozwolone ${options.length > 1 ? 'wartości' : 'jest'} ${f.list(options.map((o) => `„${o}”`), 'disjunction')}.`,
  'attr.theme': ({ written, options }, f) => `${written}: dozwolone ${f.list(options.map((o) => `„${o}”`), 'disjunction')}; bez atrybutu motyw podąża za systemem czytelnika.`,
  'attr.seed': ({ written }) => `${written}: wymagana liczba całkowita, np. 1.`,
  'attr.imageIndex': ({ written, max }, f) => `${written}: wymagany numer obrazu od 0 do ${f.number(max)}.`,
  'attr.reason': ({ written, reason }) => `${written}: ${reason}`,
  'attr.trainWhole': ({ written }) => `${written}: wymagana liczba całkowita, co najmniej 1.`,
  'attr.learningRate': ({ written }, f) => `${written}: wymagana liczba między 0 a 1, np. ${f.number(0.001)}.`,
  'attr.modelEmpty': ({ written }) =>
    `${written} jest pusty: podaj magazyn modelu, np. model="mnist-ae-2d" (preset z wytrenowanymi wagami) albo dowolny identyfikator wspólny dla elementów strony, np. model="digits".`,
  'attr.dataEmpty': ({ written }) =>
    `${written} jest pusty: podaj wbudowany zbiór danych (mnist-10k, emoji-32) lub adres pliku z danymi albo pomiń atrybut, aby użyć danych modelu.`,
  'attr.about': ({ written, reason }) => `${written}: ${reason}`,
  'attr.dims': ({ written, max }, f) => `${written}: podaj dwa różne wymiary kodu od 0 do ${f.number(max)}, np. "0,1".`,
};
