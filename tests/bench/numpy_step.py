#!/usr/bin/env python3
"""One full-batch sigmoid + BCE gradient-descent step in vectorised numpy, timed.

The reference that tests/bench/compare.sh sets against logistic-lab's BM_FullBatchStep. The data
are the same blobs as `ll::make_blobs(n, 3.0, 1)` (SplitMix64 + Box-Muller, re-done here with
numpy's uint64 arithmetic), so the losses printed can be checked against the C++ side.

A step is what one logistic-lab step costs: the forward pass at θ giving the mean loss there
(the loss after the previous step) and the gradient, then the update:

    z = X θ                       X: N×3 float64 with the ones column, θ = [b, w1, w2]
    e = exp(−|z|)                 ≤ 1, never overflows
    L = mean(max(z, 0) + log1p(e) − y z)       softplus(z) − y z, the stable BCE
    ŷ = where(z ≥ 0, 1, e) / (1 + e)            σ(z)
    ∇ = Xᵀ(ŷ − y) / N
    θ ← θ − η ∇

(the shared e is the fastest numpy form we found; `--logaddexp` times the textbook form with
np.logaddexp(0, z) and 1/(1 + exp(−z)) instead). Prints one line per figure, `name value`.

    python3 tests/bench/numpy_step.py [--n 1000000] [--runs 30] [--logaddexp]
"""
import argparse
import statistics
import time

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix64_uniform(seed, count):
    """The first `count` uniform (0, 1] draws of ll's SplitMix64 seeded with `seed`."""
    state = np.uint64(seed) + GOLDEN * np.arange(1, count + 1, dtype=np.uint64)  # wraps mod 2⁶⁴
    z = state
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return ((z >> np.uint64(11)).astype(np.float64) + 1.0) * 2.0**-53


def make_blobs(n, separation=3.0, seed=1):
    """ll::make_blobs: two unit-variance clouds, alternating labels 0, 1."""
    u = splitmix64_uniform(seed, 2 * n)
    r = np.sqrt(-2.0 * np.log(u[0::2]))
    angle = 6.283185307179586 * u[1::2]
    y = (np.arange(n) % 2).astype(np.float64)
    offset = separation / (2.0 * np.sqrt(2.0))
    centre = np.where(y == 1.0, offset, -offset)
    X = np.empty((n, 3))
    X[:, 0] = 1.0
    X[:, 1] = centre + r * np.cos(angle)
    X[:, 2] = centre + r * np.sin(angle)
    return X, y


def step(X, y, theta, eta):
    """Loss and gradient at θ, and θ after the step."""
    z = X @ theta
    e = np.exp(-np.abs(z))
    loss = np.mean(np.maximum(z, 0.0) + np.log1p(e) - y * z)
    y_hat = np.where(z >= 0.0, 1.0, e) / (1.0 + e)
    grad = X.T @ (y_hat - y) / X.shape[0]
    return loss, grad, theta - eta * grad


def step_logaddexp(X, y, theta, eta):
    z = X @ theta
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    with np.errstate(over="ignore"):
        y_hat = 1.0 / (1.0 + np.exp(-z))
    grad = X.T @ (y_hat - y) / X.shape[0]
    return loss, grad, theta - eta * grad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--eta", type=float, default=0.1)
    ap.add_argument("--logaddexp", action="store_true", help="time the textbook form instead")
    args = ap.parse_args()

    X, y = make_blobs(args.n)
    fn = step_logaddexp if args.logaddexp else step
    theta = np.array([0.1, 0.5, -0.1])
    loss0, grad0, theta = fn(X, y, theta, args.eta)
    loss1, _, _ = fn(X, y, theta, args.eta)
    for _ in range(3):  # warm up
        fn(X, y, theta, args.eta)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        _, _, theta = fn(X, y, theta, args.eta)
        times.append(time.perf_counter() - t0)
    print(f"numpy_version {np.__version__}")
    print(f"n {args.n}")
    print(f"loss_at_theta0 {loss0:.15f}")
    print("gradient_at_theta0 " + ",".join(f"{g:.15f}" for g in grad0))
    print(f"loss_after_step1 {loss1:.15f}")
    print(f"step_ms_median {1e3 * statistics.median(times):.4f}")
    print(f"step_ms_min {1e3 * min(times):.4f}")


if __name__ == "__main__":
    main()
