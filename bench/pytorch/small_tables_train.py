"""What `jgrad train --csv NAME-train.csv --test NAME-test.csv --hidden 32 --activation tanh --batch 32
--epochs 200 --val 0` does, in PyTorch: read the CSVs, standardise on the training split, 32 tanh, softmax
cross-entropy, Adam lr 0.01, batches of 32 shuffled each epoch, float64, one thread; report the test
accuracy and save the model. Prints the training loop's seconds (as jgrad's summary times its own).
Usage: small_tables_train.py TRAIN.csv TEST.csv OUT_DIR [SEED]"""
import os
import sys
import time
import numpy as np
import torch

torch.set_num_threads(1)
train, test, out = sys.argv[1], sys.argv[2], sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
tr = np.loadtxt(train, delimiter=',', skiprows=1)
te = np.loadtxt(test, delimiter=',', skiprows=1)
xtr, ytr, xte, yte = tr[:, :-1], tr[:, -1].astype(int), te[:, :-1], te[:, -1].astype(int)
mu, sd = xtr.mean(0), xtr.std(0)
sd[sd == 0] = 1
xtr, xte = (xtr - mu) / sd, (xte - mu) / sd
torch.manual_seed(seed)
model = torch.nn.Sequential(torch.nn.Linear(xtr.shape[1], 32), torch.nn.Tanh(),
                            torch.nn.Linear(32, int(ytr.max()) + 1)).double()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
x, y = torch.tensor(xtr), torch.tensor(ytr)
g = torch.Generator().manual_seed(seed)
start = time.perf_counter()
for epoch in range(200):
    order = torch.randperm(len(x), generator=g)
    total = 0.0
    for i in range(0, len(x), 32):
        b = order[i:i + 32]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[b]), y[b])
        loss.backward()
        opt.step()
        total += loss.item() * len(b)
seconds = time.perf_counter() - start
with torch.no_grad():
    accuracy = (model(torch.tensor(xte)).argmax(1).numpy() == yte).mean()
os.makedirs(out, exist_ok=True)
torch.save(model.state_dict(), os.path.join(out, 'model.pt'))
print(f'train loss {total / len(x):.4f}, test accuracy {accuracy:.3f}, training {seconds:.3f} s')
