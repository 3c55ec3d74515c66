#!/usr/bin/env python3
"""The full-batch steps of tests/bench/bench_kernels.cpp in vectorised numpy, timed (median of runs).

    softmax: softmax + CCE, K = 3, d = 2, N = 300,000
        Z = X Θᵀ (X: N×3 with the ones column), the stable log-sum-exp
        m = max_c Z, E = exp(Z − m), S = Σ_c E, L = mean(log S + m − Z_y), P = E/S,
        ∇ = (P − Y)ᵀ X / N, Θ ← Θ − η∇
    wide: sigmoid + BCE, d = 10, N = 200,000, as numpy_step.py's step (e = exp(−|z|) shared)

The data are random (the timing does not depend on the values). Prints `name ms` per figure.

    /usr/bin/python3 tests/bench/numpy_kernels.py [--runs 30]
"""
import argparse
import statistics
import time

import numpy as np


def softmax_step(X, Y, labels, theta, eta):
    Z = X @ theta.T
    m = Z.max(axis=1, keepdims=True)
    E = np.exp(Z - m)
    S = E.sum(axis=1, keepdims=True)
    loss = np.mean(np.log(S[:, 0]) + m[:, 0] - Z[np.arange(len(labels)), labels])
    P = E / S
    grad = (P - Y).T @ X / len(labels)
    return loss, theta - eta * grad


def binary_step(X, y, theta, eta):
    z = X @ theta
    e = np.exp(-np.abs(z))
    loss = np.mean(np.maximum(z, 0.0) + np.log1p(e) - y * z)
    y_hat = np.where(z >= 0.0, 1.0, e) / (1.0 + e)
    grad = X.T @ (y_hat - y) / len(y)
    return loss, theta - eta * grad


def median_ms(f, runs):
    f()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(1000.0 * (time.perf_counter() - t))
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rng = np.random.default_rng(7)

    n = 300_000
    X = np.column_stack([np.ones(n), rng.normal(size=(n, 2))])
    labels = np.arange(n) % 3
    Y = np.eye(3)[labels]
    theta = np.zeros((3, 3))
    print("softmax_ms %.4f" % median_ms(lambda: softmax_step(X, Y, labels, theta, 0.1), args.runs))

    n = 200_000
    X = np.column_stack([np.ones(n), rng.normal(size=(n, 10))])
    y = (np.arange(n) % 2).astype(np.float64)
    theta = np.zeros(11)
    print("wide_ms %.4f" % median_ms(lambda: binary_step(X, y, theta, 0.01), args.runs))


if __name__ == "__main__":
    main()
