#!/usr/bin/env python3
"""Trains the course lab's autoencoder (preset mnist-ae-2d) in PyTorch and saves it as
safetensors that autoencoder-widgets loads with store.load().

    python3 train_lab.py --data ../../data/mnist-10k.test.bin --epochs 20 --out lab.safetensors

Needs torch and numpy only; the file is written by hand (the safetensors package is not
required). See README.md beside this script.
"""
import argparse
import glob
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
from torch import nn

# The library's spec for this model (fields left out take the library's defaults).
SPEC = {'kind': 'ae', 'latentDim': 2, 'hidden': [200, 200], 'activation': 'relu',
        'codeActivation': 'linear', 'outputActivation': 'sigmoid', 'loss': 'bce'}
# Our layer names, in the order of the Sequentials' Linear layers (for --layer-names).
LAYER_NAMES = {'encoder': ['enc_dense_1', 'enc_dense_2', 'code'],
               'decoder': ['dec_dense_1', 'dec_dense_2', 'dec_output']}


def lab_model(pixels, hidden=(200, 200), latent=2):
    """784-200-200-2 ReLU with a linear code; the decoder mirrors it, sigmoid output."""
    def stack(sizes, last):
        layers = []
        for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
            layers += [nn.Linear(a, b), nn.ReLU() if i < len(sizes) - 2 else last]
        return nn.Sequential(*[l for l in layers if l is not None])
    model = nn.Module()
    model.encoder = stack([pixels, *hidden, latent], None)
    model.decoder = stack([latent, *reversed(hidden), pixels], nn.Sigmoid())
    return model


def read_aeds(path):
    """One part of a bundled dataset file (data/README.md): uint8 pixels and the sample shape."""
    raw = open(path, 'rb').read()
    if raw[:4] != b'AEDS':
        raise SystemExit(f'{path} is not an autoencoder-widgets dataset file')
    n, h, w, c = struct.unpack_from('<IHHB', raw, 4)
    return np.frombuffer(raw, np.uint8, n * h * w * c, 16).reshape(n, h * w * c), (h, w, c)


def read_idx(path):
    """MNIST images in the standard idx3 format, gzipped or not."""
    raw = (gzip.open if path.endswith('.gz') else open)(path, 'rb').read()
    magic, n, h, w = struct.unpack_from('>IIII', raw)
    if magic != 2051:
        raise SystemExit(f'{path} is not an idx3 image file')
    return np.frombuffer(raw, np.uint8, n * h * w, 16).reshape(n, h * w), (h, w, 1)


def load_data(path):
    """(train, test, shape): our .bin parts (either one names the pair), or a folder of MNIST idx files."""
    if os.path.isdir(path):
        find = lambda pattern: (sorted(glob.glob(os.path.join(path, pattern))) or [None])[0]
        train, test = find('train-images*idx3*'), find('t10k-images*idx3*')
        if not train or not test:
            raise SystemExit(f'{path} holds no train-images-idx3-ubyte and t10k-images-idx3-ubyte')
        (x, shape), (t, _) = read_idx(train), read_idx(test)
    else:
        stem = path.rsplit('.', 2)[0]
        (x, shape), (t, _) = read_aeds(stem + '.train.bin'), read_aeds(stem + '.test.bin')
    to01 = lambda a: torch.from_numpy(a.astype(np.float32) / 255)
    return to01(x), to01(t), shape


def save_safetensors(path, tensors, metadata, dtype):
    """The safetensors layout: u64 header length, JSON header, raw little-endian values."""
    np_dtype = {'F32': '<f4', 'F16': '<f2'}[dtype]
    header, blobs, offset = {'__metadata__': metadata}, [], 0
    for key, t in tensors.items():
        data = np.ascontiguousarray(t.detach().cpu().numpy().astype(np_dtype)).tobytes()
        header[key] = {'dtype': dtype, 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * (-len(text) % 8)  # the format pads the header to 8 bytes with spaces
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(blobs))


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--data', required=True, help='data/mnist-10k.test.bin (or .train.bin), or a folder of MNIST idx files')
    p.add_argument('--out', default='lab.safetensors')
    p.add_argument('--epochs', type=int, default=20)
    p.add_argument('--batch-size', type=int, default=64)
    p.add_argument('--lr', type=float, default=1e-3)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    p.add_argument('--dtype', choices=['F32', 'F16'], default='F32', help='F16 halves the file')
    p.add_argument('--layer-names', action='store_true', help='keys enc_dense_1.weight ... instead of encoder.0.weight ...')
    args = p.parse_args()

    torch.manual_seed(args.seed)
    train, test, (h, w, c) = load_data(args.data)
    train, test = train.to(args.device), test.to(args.device)
    model = lab_model(train.shape[1]).to(args.device)
    # Start the output at the mean image, as the library does: no early pull towards a collapsed code.
    mean = train.mean(0).clamp(0.01, 0.99)
    with torch.no_grad():
        model.decoder[-2].bias.copy_(torch.log(mean / (1 - mean)))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    reconstruct = lambda x: model.decoder(model.encoder(x))
    print(f'{len(train)} train and {len(test)} test images of {h}x{w}x{c}, on {args.device}')
    for epoch in range(1, args.epochs + 1):
        start, order, total = time.time(), torch.randperm(len(train), device=args.device), 0.0
        model.train()
        for i in range(0, len(train), args.batch_size):
            x = train[order[i:i + args.batch_size]]
            loss = nn.functional.binary_cross_entropy(reconstruct(x), x)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(x)
        with torch.no_grad():
            mse = ((reconstruct(test) - test) ** 2).mean().item()
        print(f'epoch {epoch}: train BCE {total / len(train):.4f}, test MSE {mse:.4f} ({time.time() - start:.1f} s)')

    state = model.state_dict()
    if args.layer_names:
        seq = {side: sorted({int(k.split('.')[1]) for k in state if k.startswith(side + '.')}) for side in LAYER_NAMES}
        rename = {f'{side}.{i}': name for side, names in LAYER_NAMES.items() for i, name in zip(seq[side], names)}
        state = {rename[k.rsplit('.', 1)[0]] + '.' + k.rsplit('.', 1)[1]: v for k, v in state.items()}
    shape = {'kind': 'image', 'height': h, 'width': w, 'channels': c}
    save_safetensors(args.out, state, {'spec': json.dumps(SPEC), 'shape': json.dumps(shape)}, args.dtype)
    print(f'saved {args.out} ({os.path.getsize(args.out)} bytes); test MSE {mse:.5f}')


if __name__ == '__main__':
    main()
