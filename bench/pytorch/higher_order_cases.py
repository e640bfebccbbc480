#!/usr/bin/env python3
"""Second and third derivatives of scalar expression graphs, from PyTorch's
torch.autograd.grad(create_graph=True) in float64: the golden values for Value.gradients.

First every primitive alone at a few points (one or two leaves, and the same leaf used twice), then
random graphs with shared sub-expressions. The format is value-cases.txt's, plus the derivatives of the
last node with respect to the leaves:
  case <id> <n_nodes>
  leaf <i> <value>
  op <i> <name> <a> [<b> | <k>]      the ops of value-cases.txt
  d1 <i> <value>                     d out / d leaf_i
  d2 <i> <j> <value>                 d² out / d leaf_i d leaf_j
  d3 <i> <j> <k> <value>             d³ out / d leaf_i d leaf_j d leaf_k
  end
Usage (Debian's python3-torch): python3 bench/pytorch/higher_order_cases.py SEED N_RANDOM OUT
"""
import math
import random
import sys

import torch

torch.set_default_dtype(torch.float64)
UNARY = ["neg", "exp", "log", "tanh", "relu", "sigmoid"]
BINARY = ["add", "sub", "mul", "div", "powv"]
CONST = ["powk", "addk", "mulk", "rdivk"]


def apply(name, a, b=None, k=None):
    return {
        "neg": lambda: -a, "exp": lambda: torch.exp(a), "log": lambda: torch.log(a),
        "tanh": lambda: torch.tanh(a), "relu": lambda: torch.relu(a), "sigmoid": lambda: torch.sigmoid(a),
        "add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b, "div": lambda: a / b,
        "powv": lambda: a ** b, "powk": lambda: a ** k, "addk": lambda: a + k, "mulk": lambda: a * k,
        "rdivk": lambda: k / a,
    }[name]()


def in_domain(name, av, bv=None, k=None):
    """inside each op's domain, off relu's kink, away from overflow"""
    if name == "exp":
        return av < 5
    if name == "log":
        return av > 0.2
    if name == "relu":
        return abs(av) > 1e-2
    if name == "div":
        return abs(bv) > 0.3
    if name == "rdivk":
        return abs(av) > 0.3
    if name == "powv":
        return 0.2 < av < 5 and abs(bv) < 3
    if name == "powk":
        return abs(av) < 10 if float(k).is_integer() else av > 0.2
    return True


def derivatives(out, leaves):
    """d1, d2, d3 of out by the leaves, each a dict from index tuples to floats"""
    def grads(y):
        if not y.requires_grad:
            return [None] * len(leaves)
        return torch.autograd.grad(y, leaves, create_graph=True, allow_unused=True)

    found = {}
    first = grads(out)
    for i, gi in enumerate(first):
        found[(i,)] = gi
        second = grads(gi) if gi is not None else [None] * len(leaves)
        for j, gij in enumerate(second):
            found[(i, j)] = gij
            third = grads(gij) if gij is not None else [None] * len(leaves)
            for k, gijk in enumerate(third):
                found[(i, j, k)] = gijk
    return {key: (0.0 if v is None else v.item()) for key, v in found.items()}


def case_lines(cid, values, ops):
    leaves = [torch.tensor(v, requires_grad=True) for v in values]
    nodes = list(leaves)
    for name, a, rest in ops:
        b = nodes[rest] if name in BINARY else None
        k = rest if name in CONST else None
        nodes.append(apply(name, nodes[a], b, k))
    lines = [f"case {cid} {len(nodes)}"] + [f"leaf {i} {v!r}" for i, v in enumerate(values)]
    for n, (name, a, rest) in enumerate(ops, start=len(values)):
        lines.append(f"op {n} {name} {a}" + ("" if rest is None else f" {rest!r}"))
    for key, v in derivatives(nodes[-1], leaves).items():
        lines.append(f"d{len(key)} {' '.join(map(str, key))} {v!r}")
    lines.append("end")
    return lines


def primitive_cases(rng):
    """each primitive alone, at four points in its domain, and binary ones with one leaf used twice"""
    cases = []
    for name in UNARY + BINARY + CONST:
        ks = [2, 3, -1, 0.5, 1.5, 0] if name == "powk" else [rng.uniform(-2, 2)]
        for k in ks:
            found = 0
            while found < 4:
                av, bv = rng.uniform(-3, 3), rng.uniform(-2, 2)
                if not in_domain(name, av, bv, k):
                    continue
                found += 1
                if name in BINARY:
                    cases.append(([av, bv], [(name, 0, 1)]))
                    if in_domain(name, av, av):
                        cases.append(([av], [(name, 0, 0)]))
                else:
                    cases.append(([av], [(name, 0, k if name in CONST else None)]))
    return cases


def random_case(rng):
    values = [rng.uniform(-2, 2) for _ in range(rng.randint(1, 3))]
    data = list(values)
    ops = []
    target = rng.randint(2, 12)
    while len(ops) < target:
        a = len(data) - 1 - min(len(data) - 1, int(abs(rng.gauss(0, 2)))) if rng.random() < 0.6 else rng.randrange(len(data))
        kind = rng.random()
        with torch.no_grad():
            if kind < 0.4:
                name, rest = rng.choice(UNARY), None
                if not in_domain(name, data[a]):
                    continue
                v = apply(name, torch.tensor(data[a])).item()
            elif kind < 0.8:
                name, rest = rng.choice(BINARY), rng.randrange(len(data))
                if not in_domain(name, data[a], data[rest]):
                    continue
                v = apply(name, torch.tensor(data[a]), torch.tensor(data[rest])).item()
            else:
                name, rest = rng.choice(CONST), rng.choice([2, 3, -1, 0.5, round(rng.uniform(-2, 2), 3)])
                if not in_domain(name, data[a], k=rest):
                    continue
                v = apply(name, torch.tensor(data[a]), k=rest).item()
        if not math.isfinite(v) or abs(v) > 100:
            continue
        data.append(v)
        ops.append((name, a, rest))
    return values, ops


def main():
    seed, n, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    cases = primitive_cases(rng) + [random_case(rng) for _ in range(n)]
    with open(out, "w") as f:
        f.write(f"# {len(cases)} graphs (every primitive alone, then {n} random), seed {seed}: derivatives of "
                f"orders 1-3 from PyTorch {torch.__version__} float64, torch.autograd.grad(create_graph=True)\n")
        for cid, (values, ops) in enumerate(cases):
            f.write("\n".join(case_lines(cid, values, ops)) + "\n")


if __name__ == "__main__":
    main()
