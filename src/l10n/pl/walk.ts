import type { Translation } from '../catalog.js';
import { coordinate, type walk as en } from '../en/walk.js';

// A decimal comma: coordinates and interval ends are parted by semicolons.
export const walk: Translation<typeof en> = {
  'walk.where': ({ dims, values }, f) => `z${dims[0]} = ${coordinate(values[0], f)}; z${dims[1]} = ${coordinate(values[1], f)}`,
  'walk.cursorLabel': 'Kursor w przestrzeni latentnej: strzałki przesuwają go o jedno pole siatki (z Shift o jedną piątą), Home ustawia go na środku',
  'walk.roleDescription': 'suwak dwuwymiarowy',
  'walk.gridCaption': ({ n, dims, x, y, others }, f) =>
    `Zdekodowana siatka ${f.number(n)}×${f.number(n)} dla z${dims[0]} ∈ [${coordinate(x[0], f)}; ${coordinate(x[1], f)}], z${dims[1]} ∈ [${coordinate(y[0], f)}; ${coordinate(y[1], f)}]${others ? ', pozostałe wymiary równe średniemu kodowi' : ''}.`,
  'walk.decodedAt': ({ where }) => `Obraz zdekodowany w punkcie ${where}`,
  'walk.notVae': ({ kind }) =>
    `To ${kind}, nie VAE: nic nie ściąga jego kodów do rozkładu a priori, więc siatka obejmuje zaobserwowany zakres kodów, a losowe wartości mają ich średnią i rozrzut. Luki w tym zakresie dekodują się w mieszanki niepodobne do żadnego obrazu z danych.`,
  'walk.interpolation': 'Interpolacja między dwoma obrazami',
  'walk.interpolationTitle': ({ steps }, f) => `Interpolacja w przestrzeni latentnej, ${f.number(steps)} ${f.plural(steps, { one: 'krok', few: 'kroki', many: 'kroków', other: 'kroku' })}`,
  'walk.from': ({ name }) => `Początek: ${name}`,
  'walk.to': ({ name }) => `Koniec: ${name}`,
  'walk.strip': 'Obrazy zdekodowane wzdłuż odcinka między dwoma kodami',
  'walk.fromTo': ({ from, to }) => `Od: ${from}, do: ${to}.`,
  'walk.yourDrawing': 'twój rysunek',
  'walk.newPair': 'Nowa para',
  'walk.drawOwn': 'Narysuj własne końce',
  'walk.useFirst': 'Użyj jako pierwszego',
  'walk.useLast': 'Użyj jako ostatniego',
  'walk.random': 'Losowe wartości latentne',
  'walk.decodeRandom': 'Zdekoduj losowe wartości',
  'walk.fromCodes': 'Losowane z rozkładu normalnego o średniej i rozrzucie kodów.',
  'walk.randomLabel': ({ count }, f) =>
    `${f.number(count)} ${f.plural(count, { one: 'obraz zdekodowany', few: 'obrazy zdekodowane', many: 'obrazów zdekodowanych', other: 'obrazu zdekodowanego' })} z losowych wektorów latentnych`,
  'walk.attr.range': ({ written }) => `${written}: podaj dwie liczby "dolna,górna", gdzie dolna < górna, np. "-3,3".`,
};
