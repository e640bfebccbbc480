#!/usr/bin/env python3
"""Anchor benchmark: PyTorch (CPU, eager, batched) on the shared workloads of common.py.

    python3 bench/pytorch/bench_torch.py [--dtype float32|float64] [--threads N] [--only circle-9,...]

Idiomatic user code: nn.Sequential of nn.Linear + activations, torch.optim.SGD,
whole batch as one tensor. Weights are initialised from common.load_init, i.e.
exactly the same starting point as the micrograd run, so with --dtype float64
the losses must agree with micrograd's to ~1e-12 (a check that both scripts run
the same workload).

One output line per workload:
    workload=<name> impl=torch steps=<n> median_ms_per_step=<x> final_loss=<y> accuracy=<z> ...
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def build_model(cfg, dtype):
    init = common.load_init(cfg)
    kind = cfg['kind']
    sizes = cfg['sizes']
    layers = []
    for i, (w, b) in enumerate(init):
        lin = nn.Linear(sizes[i], sizes[i + 1], dtype=dtype)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(w, dtype=dtype))
            lin.bias.copy_(torch.tensor(b, dtype=dtype))
        layers.append(lin)
        last = i == len(init) - 1
        if kind == 'circle':
            layers.append(nn.Tanh())           # tanh hidden and tanh output
        elif not last:
            layers.append(nn.ReLU())           # relu hidden, linear output
    return nn.Sequential(*layers)


def loss_circle(model, x, y, cfg):
    pred = model(x).squeeze(1)
    return F.mse_loss(pred, y), pred


def loss_moons(model, x, y, cfg):
    scores = model(x).squeeze(1)
    data_loss = F.relu(1 - y * scores).mean()
    reg_loss = cfg['alpha'] * sum((p * p).sum() for p in model.parameters())
    return data_loss + reg_loss, scores


def loss_cls(model, x, y, cfg):
    logits = model(x)
    return F.cross_entropy(logits, y), logits


BLAS_INFO = ('n/a', 'n/a')   # (OpenBLAS threads, OpenBLAS kernel), set in main()

LOSS = {'circle': loss_circle, 'moons': loss_moons, 'cls': loss_cls}


def accuracy(kind, out, y):
    if kind == 'cls':
        return (out.argmax(1) == y).double().mean().item()
    return ((out > 0) == (y > 0)).double().mean().item()


def run_workload(name, dtype):
    cfg = common.WORKLOADS[name]
    kind = cfg['kind']
    steps, warmup = cfg['steps'], cfg['warmup']
    xs, ys = common.load_data(cfg)
    x = torch.tensor(xs, dtype=dtype)
    y = torch.tensor(ys, dtype=torch.long if kind == 'cls' else dtype)
    model = build_model(cfg, dtype)
    opt = torch.optim.SGD(model.parameters(), lr=common.lr_at(cfg, 0))
    lossf = LOSS[kind]
    times, losses = [], []
    pc = time.perf_counter
    for k in range(steps):
        t0 = pc()
        for g in opt.param_groups:
            g['lr'] = common.lr_at(cfg, k)
        loss, _ = lossf(model, x, y, cfg)
        opt.zero_grad()
        loss.backward()
        opt.step()
        t1 = pc()
        times.append(t1 - t0)
        losses.append(loss.item())
    med, mean, lo, hi = common.stats_ms(times, warmup)
    with torch.no_grad():
        final, out = lossf(model, x, y, cfg)
    extra = dict(mean_ms_per_step=mean, min_ms=lo, max_ms=hi, init_loss=losses[0])
    ms = cfg.get('micrograd_steps')
    if ms is not None and ms < steps and 'micrograd_batch' not in cfg:
        extra['loss_after_%d' % ms] = losses[ms]   # same point as micrograd's final_loss
    extra.update(dtype=str(dtype).replace('torch.', ''), threads=torch.get_num_threads(),
                 openblas_threads=BLAS_INFO[0], openblas_core=BLAS_INFO[1],
                 openblas_coretype_env=os.environ.get('OPENBLAS_CORETYPE', 'unset'),
                 torch=torch.__version__, python=common.python_tag())
    common.emit(name, 'torch', steps, med, final.item(), accuracy(kind, out, y), **extra)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--only', default='', help='comma-separated workload names (default: all)')
    ap.add_argument('--dtype', default='float32', choices=['float32', 'float64'])
    ap.add_argument('--threads', type=int, default=0, help='torch.set_num_threads (0: leave default)')
    ap.add_argument('--blas-threads', type=int, default=0,
                    help="openblas_set_num_threads (0: leave OpenBLAS's own default)")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    ob = common.openblas_handle()
    if ob is not None and args.blas_threads > 0:
        ob.openblas_set_num_threads(args.blas_threads)
    global BLAS_INFO
    if ob is not None:
        BLAS_INFO = (ob.openblas_get_num_threads(), ob.openblas_get_corename().decode())
    torch.manual_seed(0)
    common.header('torch')
    dtype = getattr(torch, args.dtype)
    for name in common.select(args.only):
        run_workload(name, dtype)


if __name__ == '__main__':
    main()
