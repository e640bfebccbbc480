"""Writes sklearn-reports.json: scikit-learn's classification_report for a few labelled predictions,
with exact ties (0.625, 0.375, 0.125) that rounding half up and half to even print differently.
ClassificationTest reads it. Run: python3 sklearn_reports.py (needs scikit-learn)."""
import json
import random

from sklearn.metrics import classification_report


def case(names, truth, predicted):
    text = classification_report(truth, predicted, labels=list(range(len(names))), target_names=names, digits=2,
                                 zero_division=0)
    return {"classes": names, "truth": truth, "predicted": predicted, "report": text}


cases = [
    # class 0: predicted 8 times, 5 right (precision 0.625); 8 true, 5 found (recall 0.625)
    case(["no", "yes"], [0] * 8 + [1] * 8, [0] * 5 + [1] * 3 + [0] * 3 + [1] * 5),
    # b: precision 3/8 = 0.375; a: recall 1/8 = 0.125; c: recall 7/8 = 0.875
    case(["a", "b", "c"], [0] * 8 + [1] * 8 + [2] * 8,
         [0] + [1] * 4 + [2] * 3 + [0] * 5 + [1] * 3 + [1] + [2] * 7),
    case(["setosa", "versicolor", "virginica"], [0, 0, 1, 1, 2, 2, 2, 2], [0, 1, 1, 1, 2, 2, 1, 2]),
]
rng = random.Random(23)
for n, k in [(37, 2), (200, 4), (16, 3), (40, 5)]:
    truth = [rng.randrange(k) for _ in range(n)]
    predicted = [t if rng.random() < 0.6 else rng.randrange(k) for t in truth]
    cases.append(case(["class %d" % c for c in range(k)], truth, predicted))

with open("sklearn-reports.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
