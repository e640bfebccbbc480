package dev.jgrad.web;

import dev.jgrad.nn.Network;

/**
 * A parameter of a network, as the landscape panel names it: layer from 0, the neuron ({@code row}) and its input
 * ({@code col}; the number of inputs for the bias). Its id in the page is {@code layer-row-col}.
 */
record Param(int layer, int row, int col) {
    String id() {
        return layer + "-" + row + "-" + col;
    }

    /** "w1 of neuron 2, hidden layer 1", "b of the output". */
    String name(Network net) {
        Network.Dense d = net.layers().get(layer);
        String what = col == d.inputs() ? "b" : "w" + (col + 1);
        String where = layer == net.layers().size() - 1 ? "the output" + (d.outputs() > 1 ? " " + (row + 1) : "")
                : "neuron " + (row + 1) + ", hidden layer " + (layer + 1);
        return what + " of " + where;
    }

    double read(Network net) {
        Network.Dense d = net.layers().get(layer);
        return col == d.inputs() ? d.biases()[row] : d.weights()[row][col];
    }

    /** The parameter with this id in {@code net}, or an error naming what is wrong. */
    static Param parse(String id, Network net) {
        String[] parts = (id == null ? "" : id).split("-");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
        }
        int[] v = new int[3];
        for (int k = 0; k < 3; k++) {
            try {
                v[k] = Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
            }
        }
        if (v[0] < 0 || v[0] >= net.layers().size() || v[1] < 0 || v[1] >= net.layers().get(v[0]).outputs()
                || v[2] < 0 || v[2] > net.layers().get(v[0]).inputs()) {
            throw new IllegalArgumentException("the network has no parameter " + id);
        }
        return new Param(v[0], v[1], v[2]);
    }
}
