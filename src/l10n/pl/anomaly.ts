import type { Translation } from '../catalog.js';
import type { anomaly as en, Known } from '../en/anomaly.js';
import type { Formats } from '../formats.js';

const known = ({ classes, labels }: Known, f: Formats) =>
  classes ? `klasy to ${classes.map((n) => `„${n}”`).join(', ')} (lub ich numery od 0 do ${f.number(classes.length - 1)})` : `etykiety to ${labels.join(', ')}`;
const anomalyLabels = (k: Known, f: Formats) => `podaj klasy, które są anomaliami, rozdzielone przecinkami: ${known(k, f)}.`;
const anomalies = (n: number, f: Formats) => `${f.number(n)} ${f.plural(n, { one: 'anomalia', few: 'anomalie', many: 'anomalii', other: 'anomalii' })}`;

export const anomaly: Translation<typeof en> = {
  'anomaly.attr.threshold': ({ written, lo, hi }, f) =>
    `${written}: wymagana liczba ${hi === Infinity ? `nie mniejsza niż ${f.number(lo)}` : `od ${f.number(lo)} do ${f.number(hi)}`} — błąd rekonstrukcji, np. ${f.number(0.05)}.`,
  'anomaly.attr.needsLabels': ({ written, data }) => `${written}: potrzebne są dane z etykietami; ${data ? `„${data}”` : 'te dane'} ich nie mają.`,
  'anomaly.attr.labels': ({ written, ...k }, f) => `${written}: ${anomalyLabels(k, f)}`,
  'anomaly.attr.noClass': ({ written, entry, ...k }, f) => `${written}: te dane nie mają klasy „${entry}”; ${anomalyLabels(k, f)}`,
  'anomaly.histogram': ({ count, threshold }, f) => `Histogram ${f.number(count)} błędów rekonstrukcji zbioru testowego; próg ${threshold}`,
  'anomaly.loading': 'Wczytywanie błędów',
  'anomaly.threshold': 'Próg',
  'anomaly.flagged': ({ flagged }, f) => f.number(flagged),
  'anomaly.flaggedOf': ({ flagged, total, vectors, share, threshold }, f) =>
    `z ${f.number(total)} ${vectors ? 'próbek' : 'obrazów'} testowych (${share}) ${f.plural(flagged, { one: 'ma', few: 'mają', many: 'ma', other: 'ma' })} błąd powyżej ${threshold}.`,
  'anomaly.drawing': 'Twój rysunek: błąd',
  'anomaly.drawingHigher': ({ share }) => `, wyższy niż u ${share} obrazów testowych:`,
  'anomaly.unusual': 'nietypowy',
  'anomaly.usual': 'podobny do danych',
  'anomaly.drawPrompt': 'Narysuj cyfrę albo literę',
  'anomaly.worst': ({ vectors }) => `Najgorzej zrekonstruowane ${vectors ? 'próbki' : 'obrazy'} testowe`,
  'anomaly.keyInput': 'wejście',
  'anomaly.keyReconstruction': 'rekonstrukcja',
  'anomaly.image': ({ index }) => `obraz ${index}`,
  'anomaly.worstLabel': ({ sample, error, vectors }) => `${sample}, błąd ${error}${vectors ? ', wejście i rekonstrukcja narysowane jako linie' : ''}`,
  'anomaly.yourDrawing': 'twój rysunek',
  'anomaly.missing': ({ anomalies: n, names }) => `Zbiór testowy nie ma ${n ? 'próbek normalnych' : `anomalii (${names.join(', ')})`}: precyzja, czułość i krzywa ROC wymagają obu.`,
  'anomaly.at': ({ threshold, fpr, recall }) => `Przy progu ${threshold} oznaczono ${fpr} próbek normalnych i ${recall} anomalii.`,
  'anomaly.rocTitle': ({ auc }) => `Krzywa ROC błędu rekonstrukcji, AUC ${auc}`,
  'anomaly.rocDesc': ({ at }) =>
    `Odsetek oznaczonych anomalii (odsetek prawdziwie dodatnich) względem odsetka oznaczonych próbek normalnych (odsetek fałszywie dodatnich), gdy próg maleje od największego błędu do zera. ${at}`,
  'anomaly.fprAxis': 'odsetek fałszywie dodatnich',
  'anomaly.tprAxis': 'odsetek prawdziwie dodatnich (czułość)',
  'anomaly.precision': 'Precyzja',
  'anomaly.recall': 'Czułość',
  'anomaly.auc': 'ROC AUC',
  'anomaly.flaggedAre': ({ tp, flagged }, f) => `${f.number(tp)} z ${f.number(flagged)} oznaczonych to anomalie`,
  'anomaly.nothingFlagged': 'nic nie oznaczono',
  'anomaly.anomaliesFlagged': ({ tp, anomalies: n }, f) => `oznaczono ${f.number(tp)} z ${f.number(n)} anomalii`,
  'anomaly.counts': ({ anomalies: n, names, normals }, f) =>
    `${anomalies(n, f)} (${names.join(', ')}), ${f.number(normals)} ${f.plural(normals, { one: 'normalna', few: 'normalne', many: 'normalnych', other: 'normalnych' })}`,
};
