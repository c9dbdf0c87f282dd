import type { ModelSpec } from '../../engine/spec.js';
import { formatsOf } from '../formats.js';
import type { KindTexts } from '../languages.js';

const f = formatsOf('pl');
const num = (x: number) => f.number(x, { maximumSignificantDigits: 6 });

/** The corruptions of `noiseType` as a summary line names them. */
const NOISES: Record<ModelSpec['noiseType'], string> = {
  gaussian: 'szum gaussowski',
  'salt-pepper': 'szum typu sól i pieprz',
  masking: 'maskowanie',
  inpaint: 'wymazane kwadraty',
  superres: 'pomniejszenie',
  mixed: 'zakłócenia mieszane',
  grayscale: 'skala szarości',
};

/** The built-in model kinds' words in Polish: each title follows "autoenkoder" ("autoenkoder wariacyjny"). */
export const kinds: Readonly<Record<string, KindTexts>> = {
  ae: { title: 'zwykły' },
  denoising: { title: 'odszumiający', describe: (s) => `, ${NOISES[s.noiseType] ?? s.noiseType} ${num(s.noise)}` },
  sparse: { title: 'rzadki', describe: (s) => `, L1 ${num(s.sparsity)}` },
  contractive: { title: 'kontraktywny', describe: (s) => `, kontrakcja ${num(s.contraction)}` },
  vae: {
    title: 'wariacyjny',
    describe: (s) => `, β ${num(s.beta)}`,
    priorText: () => 'Losowane ze standardowego rozkładu normalnego: rozkładu a priori, ku któremu człon KL przyciąga kody.',
  },
  conv: { title: 'splotowy' },
  aae: {
    title: 'adwersaryjny',
    lossName: 'strata rekonstrukcji',
    describe: (s) =>
      `, rozkład a priori: ${s.prior === 'circle' ? `${s.supervised ? 'nadzorowany ' : ''}okrąg, ${f.number(s.components)} ${f.plural(s.components, { one: 'składowa', few: 'składowe', many: 'składowych', other: 'składowej' })}` : 'normalny'}`,
    priorText: (s) =>
      s.prior === 'circle'
        ? `Losowane z rozkładu a priori, który kody miały wypełnić: ${f.number(s.components)} ${gaussians(s.components)} na okręgu${s.supervised ? ', po jednym na klasę' : ''}.`
        : 'Losowane ze standardowego rozkładu normalnego: rozkładu a priori, który kody miały wypełnić.',
  },
  colorize: { title: 'koloryzujący' },
  'umap-ae': {
    title: 'z regularyzacją UMAP',
    describe: (s) => `, waga UMAP ${num(s.umapWeight)}, ${f.number(s.neighbours)} ${f.plural(s.neighbours, { one: 'sąsiad', other: 'sąsiadów' })}`,
  },
};

/** "1 rozkład gaussowski", "2 rozkłady gaussowskie", "10 rozkładów gaussowskich". */
function gaussians(n: number): string {
  return f.plural(n, { one: 'rozkład gaussowski', few: 'rozkłady gaussowskie', many: 'rozkładów gaussowskich', other: 'rozkładu gaussowskiego' });
}
