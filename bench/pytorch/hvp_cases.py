#!/usr/bin/env python3
"""Hessian-vector products of small MLPs' losses from PyTorch (float64): the golden values for
Tensor.gradients(createGraph). For each hidden activation (tanh relu sigmoid) and each loss jgrad's tensor
engine has (mse hinge bce cross_entropy, written as jgrad's Loss.mean writes them), a 2 -> 4 -> 4 -> k
network with random weights, 6 points, a random direction v, and
  Hv = grad(<grad(loss, params, create_graph=True), v>, params).
Format, one case after another (parameters in the order W1 b1 W2 b2 W3 b3, W stored inputs x outputs):
  case <activation> <loss> <k>
  x <6*2 numbers>            points, row-major
  labels <6 ints>
  params <all parameters, flattened in order>
  v <same length>
  loss <value>
  grad <same length>
  hvp <same length>
  end
Usage (Debian's python3-torch): python3 bench/pytorch/hvp_cases.py SEED OUT
"""
import random
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
SIZES = [2, 4, 4]
N = 6


def forward(x, params, activation):
    h = x
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}[activation](h)
    return h


def loss_of(out, labels, loss):
    y = torch.tensor(labels)
    if loss == "mse":
        return ((out - F.one_hot(y, out.shape[1]).to(out.dtype)) ** 2).mean()
    sign = torch.where(y == 1, -1.0, 1.0).reshape(-1, 1)
    if loss == "hinge":
        return torch.relu(out * sign + 1).mean()
    if loss == "bce":
        return F.softplus(out * sign).mean()
    return F.cross_entropy(out, y)


def case(rng, activation, loss):
    k = 3 if loss in ("mse", "cross_entropy") else 1
    sizes = SIZES + [k]
    params = []
    for a, b in zip(sizes, sizes[1:]):
        params.append(torch.tensor([[rng.uniform(-1, 1) for _ in range(b)] for _ in range(a)], requires_grad=True))
        params.append(torch.tensor([rng.uniform(-0.5, 0.5) for _ in range(b)], requires_grad=True))
    x = torch.tensor([[rng.uniform(-2, 2) for _ in range(2)] for _ in range(N)])
    labels = [rng.randrange(k if k > 1 else 2) for _ in range(N)]
    v = [torch.tensor([rng.uniform(-1, 1) for _ in range(p.numel())]).reshape(p.shape) for p in params]
    total = loss_of(forward(x, params, activation), labels, loss)
    grads = torch.autograd.grad(total, params, create_graph=True)
    dot = sum((g * w).sum() for g, w in zip(grads, v))
    hvp = torch.autograd.grad(dot, params)
    flat = lambda ts: " ".join(repr(t) for p in ts for t in p.detach().reshape(-1).tolist())
    return [f"case {activation} {loss} {k}", "x " + " ".join(repr(t) for t in x.reshape(-1).tolist()),
            "labels " + " ".join(map(str, labels)), "params " + flat(params), "v " + flat(v),
            f"loss {total.item()!r}", "grad " + flat(grads), "hvp " + flat(hvp), "end"]


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(seed)
    with open(out, "w") as f:
        f.write(f"# Hessian-vector products of 2-4-4-k MLP losses, seed {seed}, PyTorch {torch.__version__} float64\n")
        for activation in ("tanh", "relu", "sigmoid"):
            for loss in ("mse", "hinge", "bce", "cross_entropy"):
                for _ in range(2):
                    f.write("\n".join(case(rng, activation, loss)) + "\n")


if __name__ == "__main__":
    main()
