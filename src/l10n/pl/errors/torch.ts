import type { Translation } from '../../catalog.js';
import type { torchErrors as en } from '../../en/errors/torch.js';

export const torchErrors: Translation<typeof en> = {
  'torch.unusable': ({ from, reason }) => `${from} nie jest poprawnym plikiem safetensors: ${reason}`,
  'torch.short': ({ bytes }) => `ma ${bytes} B, mniej niż 8 bajtów długości nagłówka.`,
  'torch.headerLength': ({ length, follow }) => `nagłówek deklaruje ${length} B, a po nim jest tylko ${follow} B (przerwane pobieranie albo nie plik safetensors).`,
  'torch.headerJson': 'nagłówek nie jest poprawnym JSON-em.',
  'torch.headerObject': ({ got }) => `nagłówek to ${got}, a nie obiekt JSON.`,
  'torch.metadata': ({ got }) => `„__metadata__” musi przypisywać nazwom napisy; podano ${got}.`,
  'torch.dtype': ({ key, dtype }) => `tensor „${key}” ma typ ${dtype}; wagi muszą być F32, F16, BF16 lub F64.`,
  'torch.shape': ({ key, got }) => `tensor „${key}” ma kształt ${got}; kształt to lista liczb całkowitych >= 0.`,
  'torch.tooBig': ({ key, got }) => `tensor „${key}” deklaruje ${got}: więcej wartości niż ma jakikolwiek model tej biblioteki.`,
  'torch.offsets': ({ key, got, size }) => `tensor „${key}” ma data_offsets ${got}; muszą być parą [początek, koniec] w obrębie ${size} B danych.`,
  'torch.span': ({ key, bytes, dtype, shape, want }) => `tensor „${key}” zajmuje ${bytes} B, a ${dtype} o kształcie [${shape}] wymaga ${want} B.`,
  'torch.metadataJson': ({ from, field }) => `${from}: „__metadata__.${field}” nie jest poprawnym JSON-em.`,
  'torch.missing': ({ from, missing, held }) =>
    `W ${from} brakuje tensorów potrzebnych temu modelowi: ${missing.map((m) => `${m.key} (${m.side ? `albo następna warstwa „${m.side}”` : m.layer})`).join(', ')}. Plik zawiera: ${held.join(', ') || 'nic'}.`,
  'torch.shapeMismatch': ({ from, key, actual, layer, expected }) =>
    `${from}: tensor „${key}” ma kształt [${actual}], a warstwa „${layer}” potrzebuje [${expected}] (układ PyTorch). Plik zapisano z innej architektury: ustaw specyfikację, z którą go trenowano.`,
  'torch.extra': ({ from, extra }) => `${from} zawiera tensory, dla których model nie ma warstwy: ${extra.join(', ')}. Plik zapisano z innej architektury.`,
  'torch.notFinite': ({ from, key, value, index, range }) =>
    `${from}: tensor „${key}” ma wartość ${value} pod indeksem ${index}${range ? ' (poza zakresem float32)' : ''}; wagi muszą być skończone.`,
};
