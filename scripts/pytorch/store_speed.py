#!/usr/bin/env python3
"""Training speed in PyTorch of the layers the library's store builds for a spec.

Usage: store_speed.py SPEC_JSON [threads] [batch]      (prints {"samplesPerSec": ...})

../shared/anchors/torch_speed.py times its own layers: for a conv spec its decoder ends in a
stride-2 ConvTranspose to the image channels, while the store's (src/engine/model.ts) mirrors
every filter and ends in a 3x3 Conv2D, about three times the work. This script builds the
store's layers so `npm run bench` can compare like with like:
  ae:   Linear+act per hidden width, the code (codeActivation, tanh by default), the widths
        reversed, Linear to the image and its output activation (sigmoid).
  conv: Conv2d 3x3 stride 2 + act per filter, Flatten, Linear to the code, the hidden widths
        reversed, Linear+act to the last feature map, ConvTranspose2d 3x3 stride 2 + act per
        filter reversed, Conv2d 3x3 to the image channels, sigmoid.
Loss: the spec's `loss` (mse by default, or bce). Adam, random pixels, as torch_speed.py.
"""
import json, sys, time
import torch

spec = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 64
torch.manual_seed(0)
torch.set_num_threads(threads)
nn = torch.nn
ACT = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "linear": nn.Identity, "elu": nn.ELU}
h, w, c = spec.get("height", 28), spec.get("width", 28), spec.get("channels", 1)
kind = spec.get("kind", "ae")
act = ACT[spec.get("activation", "relu")]
hidden = spec.get("hidden", [200, 200] if kind == "ae" else [])
latent = spec.get("latentDim", 2)
code_act = ACT[spec.get("codeActivation", "linear" if kind == "conv" else "tanh")]
out_act = ACT[spec.get("outputActivation", "sigmoid")]


def dense_chain(widths, last_act):
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [nn.Linear(a, b), act()]
    layers[-1] = last_act()
    return layers


if kind == "conv":
    filters = spec.get("filters", [16, 32])
    enc, ch, sh, sw = [], c, h, w
    for f in filters:
        enc += [nn.Conv2d(ch, f, 3, 2, 1), act()]
        ch, sh, sw = f, (sh + 1) // 2, (sw + 1) // 2
    flat = ch * sh * sw
    enc += [nn.Flatten(), *dense_chain([flat, *hidden, latent], code_act)]
    dec = dense_chain([latent, *reversed(hidden), flat], act) + [nn.Unflatten(1, (ch, sh, sw))]
    for f in reversed(filters):
        dec += [nn.ConvTranspose2d(ch, f, 3, 2, 1, output_padding=1), act()]
        ch = f
    dec += [nn.Conv2d(ch, c, 3, 1, 1), out_act()]
    X = torch.rand(2048, c, h, w)
    crop = lambda y: y[:, :, :h, :w]
else:
    size = h * w * c
    enc = dense_chain([size, *hidden, latent], code_act)
    dec = dense_chain([latent, *reversed(hidden), size], out_act)
    X = torch.rand(2048, size)
    crop = lambda y: y
model = nn.Sequential(*enc, *dec)
opt = torch.optim.Adam(model.parameters(), 1e-3)
loss_of = nn.functional.binary_cross_entropy if spec.get("loss") == "bce" else nn.functional.mse_loss


def steps(k):
    for i in range(k):
        s = (i * batch) % (X.shape[0] - batch)
        xb = X[s:s + batch]
        opt.zero_grad()
        loss = loss_of(crop(model(xb)), xb)
        loss.backward()
        opt.step()


steps(5)
t = time.perf_counter()
n = 0
while time.perf_counter() - t < 3.0:
    steps(5)
    n += 5
print(json.dumps({"samplesPerSec": round(n * batch / (time.perf_counter() - t), 1), "threads": threads, "batch": batch}))
