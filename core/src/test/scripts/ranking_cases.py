#!/usr/bin/env python3
"""Writes core/src/test/resources/dev/jgrad/train/ranking-cases.csv: binary labels and scores with
scikit-learn's roc_auc_score and average_precision_score of them, for RankingTest.

Run from the repository root with the system Python that has scikit-learn (python3-sklearn):
    /usr/bin/python3 core/src/test/scripts/ranking_cases.py
"""
import csv
import random
import sys

import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score

OUT = "core/src/test/resources/dev/jgrad/train/ranking-cases.csv"


def cases():
    yield [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]          # scikit-learn's own docstring example
    yield [1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]           # every score tied
    yield [0, 1, 1, 0, 1], [-2.0, 3.0, 3.0, 3.0, -1.0]  # ties across the classes
    yield [1, 1, 0], [0.9, 0.8, 0.1]                    # perfect
    yield [1, 1, 0], [0.1, 0.2, 0.9]                    # reversed
    rng = random.Random(23)
    for n in (5, 12, 40, 200):
        for positive_share in (0.1, 0.5, 0.8):
            for tie_digits in (None, 1):
                labels = [1 if rng.random() < positive_share else 0 for _ in range(n)]
                if len(set(labels)) < 2:
                    labels[0], labels[-1] = 0, 1
                scores = [rng.gauss(0.8 * y, 1.0) for y in labels]
                if tie_digits is not None:
                    scores = [round(s, tie_digits) for s in scores]
                yield labels, scores


def main():
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["labels", "scores", "roc_auc", "average_precision"])
        for labels, scores in cases():
            w.writerow([" ".join(map(str, labels)), " ".join(repr(float(s)) for s in scores),
                        repr(float(roc_auc_score(labels, scores))), repr(float(average_precision_score(labels, scores)))])
    print(f"wrote {OUT} (scikit-learn {sklearn.__version__})", file=sys.stderr)


if __name__ == "__main__":
    main()
