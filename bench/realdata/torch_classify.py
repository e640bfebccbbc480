"""PyTorch with jgrad train's real-data settings: features standardised on the training split (jgrad's
--scale standard), 32 tanh, softmax cross-entropy, Adam lr 0.01, batch 32, 200 epochs, PyTorch's own
default init, float64; the mean test accuracy of seeds 0-4.  Usage: torch_classify.py NAME SPLIT"""
import sys
import numpy as np
import torch

torch.set_num_threads(1)
name, split = sys.argv[1], int(sys.argv[2])
tr = np.loadtxt(f'{name}-{split}-train.csv', delimiter=',', skiprows=1)
te = np.loadtxt(f'{name}-{split}-test.csv', delimiter=',', skiprows=1)
xtr, ytr, xte, yte = tr[:, :-1], tr[:, -1].astype(int), te[:, :-1], te[:, -1].astype(int)
mu, sd = xtr.mean(0), xtr.std(0)
sd[sd == 0] = 1
xtr, xte = (xtr - mu) / sd, (xte - mu) / sd
accuracies = []
for seed in range(5):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(xtr.shape[1], 32), torch.nn.Tanh(),
                                torch.nn.Linear(32, int(ytr.max()) + 1)).double()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    x, y = torch.tensor(xtr), torch.tensor(ytr)
    g = torch.Generator().manual_seed(seed)
    for epoch in range(200):
        order = torch.randperm(len(x), generator=g)
        for i in range(0, len(x), 32):
            b = order[i:i + 32]
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x[b]), y[b]).backward()
            opt.step()
    with torch.no_grad():
        accuracies.append((model(torch.tensor(xte)).argmax(1).numpy() == yte).mean())
print(name, split, round(float(np.mean(accuracies)), 4))
