"""Writes raw train/test CSVs of scikit-learn's iris, wine, breast cancer and digits (75/25, stratified,
random_state 1) into the folder given: NAME-train.csv and NAME-test.csv, a header, the label last.
Usage: small_tables_data.py DIR"""
import os
import sys
import numpy as np
from sklearn.datasets import load_iris, load_wine, load_breast_cancer, load_digits
from sklearn.model_selection import train_test_split

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name, load in [('iris', load_iris), ('wine', load_wine), ('cancer', load_breast_cancer), ('digits', load_digits)]:
    d = load()
    header = ','.join([f'f{i}' for i in range(d.data.shape[1])] + ['label'])
    xtr, xte, ytr, yte = train_test_split(d.data, d.target, test_size=0.25, stratify=d.target, random_state=1)
    for part, x, y in [('train', xtr, ytr), ('test', xte, yte)]:
        np.savetxt(os.path.join(out, f'{name}-{part}.csv'), np.column_stack([x, y]), delimiter=',', header=header,
                   comments='', fmt=['%.10g'] * x.shape[1] + ['%d'])
