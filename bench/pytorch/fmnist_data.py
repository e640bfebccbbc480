"""Fashion-MNIST from Debian's dataset-fashion-mnist IDX files (apt-get install dataset-fashion-mnist) as
files to train on: OUT/train.csv and OUT/test.csv for `jgrad train --csv` (a header p0..p783,label; pixels
0-255 as whole numbers, one image a row), and, where NumPy is installed, OUT/{train,test}_{X,y}.npy for the
PyTorch side of bench/pytorch/fmnist_compare.sh.
Usage: python3 bench/pytorch/fmnist_data.py OUT [IDX_DIR]   (IDX_DIR: /usr/share/datasets/fashion-mnist)"""
import gzip
import os
import struct
import sys

SPLITS = (("train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
          ("test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"))


def idx(path, dims):
    """The bytes after an IDX header of unsigned bytes in `dims` dimensions, and the dimensions' sizes."""
    with gzip.open(path) as f:
        data = f.read()
    zero, kind, n = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08 or n != dims:
        sys.exit(f"{path}: not an IDX file of unsigned bytes in {dims} dimensions")
    sizes = struct.unpack(">" + "I" * n, data[4:4 + 4 * n])
    body = data[4 + 4 * n:]
    expected = 1
    for s in sizes:
        expected *= s
    if len(body) != expected:
        sys.exit(f"{path}: {len(body)} bytes of data where the header promises {expected}")
    return body, sizes


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"
    os.makedirs(out, exist_ok=True)
    for split, images, labels in SPLITS:
        pixels, (rows, height, width) = idx(os.path.join(src, images), 3)
        classes, (count,) = idx(os.path.join(src, labels), 1)
        if count != rows:
            sys.exit(f"{split}: {rows} images but {count} labels")
        size = height * width
        part = os.path.join(out, f"{split}.csv.part")
        with open(part, "w") as f:  # written whole, then renamed: never a half-written CSV under the real name
            f.write(",".join(f"p{i}" for i in range(size)) + ",label\n")
            for r in range(rows):
                f.write(",".join(map(str, pixels[r * size:(r + 1) * size])) + f",{classes[r]}\n")
        os.replace(part, os.path.join(out, f"{split}.csv"))
        try:
            import numpy as np
        except ImportError:
            np = None
        if np is not None:
            np.save(os.path.join(out, f"{split}_X.npy"), np.frombuffer(pixels, np.uint8).reshape(rows, size))
            np.save(os.path.join(out, f"{split}_y.npy"), np.frombuffer(classes, np.uint8))
        print(f"{split}: {rows} rows of {size} pixels")


if __name__ == "__main__":
    main()
