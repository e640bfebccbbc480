"""Makes the ONNX fixtures of jgrad's import tests with PyTorch's own exporter, and the predictions
PyTorch gave on fixed rows (predictions.json). Run from this folder with Debian's python, which has
torch 1.13:  /usr/bin/python3 make_fixtures.py
The files are committed: the tests never run PyTorch."""
import json

import torch
from torch import nn

ROWS = 24


class Affine(nn.Module):
    """x @ w + b written out, so that the exporter writes MatMul then Add (not Gemm)."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.w = nn.Parameter(torch.randn(inputs, outputs) * 0.5)
        self.b = nn.Parameter(torch.randn(outputs) * 0.1)

    def forward(self, x):
        return x @ self.w + self.b


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2)

    def forward(self, x):
        return torch.relu(self.a(x)) + x


def data(inputs, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(200, inputs, generator=g) * 4 - 2
    return x


def train(model, x, y, loss, steps=300):
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(steps):
        opt.zero_grad()
        loss(model(x), y).backward()
        opt.step()


def fixed_rows(inputs, dtype):
    """Rows of the grid [-2, 2] and a few far ones, as numbers the model's dtype holds exactly."""
    g = torch.Generator().manual_seed(99)
    x = torch.rand(ROWS - 2, inputs, generator=g) * 4 - 2
    far = torch.tensor([[30.0] * inputs, [-7.5] + [0.0] * (inputs - 1)])
    return torch.cat([x, far]).to(dtype)


def export(model, name, inputs, dtype, output):
    model = model.to(dtype).eval()
    torch.onnx.export(model, torch.zeros(1, inputs, dtype=dtype), name + ".onnx", opset_version=13,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
    x = fixed_rows(inputs, dtype)
    with torch.no_grad():
        y = output(model(x))
    return {"inputs": x.double().tolist(), "outputs": y.double().tolist()}


def main():
    torch.manual_seed(1337)
    predictions = {}

    x = data(2, 1)
    y = ((x ** 2).sum(1, keepdim=True) < 1.5).float()
    binary = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())
    train(binary, x, y, nn.BCELoss())
    predictions["binary_f32"] = export(binary, "binary_f32", 2, torch.float32, lambda p: p)

    labels = (x[:, 0] > 0).long() + (x[:, 1] > 0.5).long()
    multi = nn.Sequential(nn.Flatten(), nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 3), nn.Softmax(dim=1))
    train(multi, x, labels, lambda p, t: nn.functional.nll_loss(torch.log(p), t))
    predictions["multiclass_f32"] = export(multi, "multiclass_f32", 2, torch.float32, lambda p: p)

    logits = nn.Sequential(nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 6), nn.Tanh(), nn.Linear(6, 3))
    train(logits, x, labels, nn.CrossEntropyLoss())
    predictions["logits_f64"] = export(logits, "logits_f64", 2, torch.float64, lambda z: torch.softmax(z, 1))

    x3 = data(3, 2)
    t = torch.sin(x3[:, :1]) * 3 + x3[:, 1:2] * x3[:, 2:3] + 5
    regression = nn.Sequential(nn.Linear(3, 8), nn.Sigmoid(), nn.Linear(8, 1))
    train(regression, x3, t, nn.MSELoss(), steps=500)
    predictions["regression_f32"] = export(regression, "regression_f32", 3, torch.float32, lambda v: v)

    affine = nn.Sequential(Affine(3, 5), nn.Tanh(), Affine(5, 1))
    train(affine, x3, t, nn.MSELoss())
    predictions["matmul_f32"] = export(affine, "matmul_f32", 3, torch.float32, lambda v: v)

    # refused: a convolution (its input is [N, 1, 4]) and a residual connection
    conv = nn.Sequential(nn.Conv1d(1, 2, 3), nn.Flatten(), nn.Linear(4, 1))
    torch.onnx.export(conv.eval(), torch.zeros(1, 1, 4), "refused_conv.onnx", opset_version=13)
    torch.onnx.export(Residual().eval(), torch.zeros(1, 2), "refused_residual.onnx", opset_version=13)

    with open("predictions.json", "w") as f:
        f.write("{\n" + ",\n".join(json.dumps(k) + ": " + json.dumps(v) for k, v in predictions.items()) + "\n}\n")


if __name__ == "__main__":
    main()
