"""Writes raw (unscaled) train/test CSVs of scikit-learn's wine, breast cancer and digits data, split 75/25
stratified with random_state 1, 2, 3, into the current folder. The data stays out of the repository."""
import numpy as np
from sklearn.datasets import load_wine, load_breast_cancer, load_digits
from sklearn.model_selection import train_test_split

for name, load in [('wine', load_wine), ('cancer', load_breast_cancer), ('digits', load_digits)]:
    d = load()
    header = ','.join([f'f{i}' for i in range(d.data.shape[1])] + ['label'])
    for split in [1, 2, 3]:
        xtr, xte, ytr, yte = train_test_split(d.data, d.target, test_size=0.25, stratify=d.target, random_state=split)
        for part, x, y in [('train', xtr, ytr), ('test', xte, yte)]:
            np.savetxt(f'{name}-{split}-{part}.csv', np.column_stack([x, y]), delimiter=',', header=header,
                       comments='', fmt=['%.10g'] * x.shape[1] + ['%d'])
