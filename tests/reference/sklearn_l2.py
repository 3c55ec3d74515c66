#!/usr/bin/python3
"""The L2-regularised optima that tests/test_optimum.cpp checks, worked out by scikit-learn.

Logistic Lab minimises J = 1/N Σ L_i + (λ/2)‖w‖² (the bias not penalised); scikit-learn's
LogisticRegression minimises C Σ L_i + ½‖w‖² (its intercept not penalised). Divided by C·N
they are the same function when C = 1/(λN), so both have the same minimiser.

Run (Debian 12: apt-get install python3-sklearn) from the repository's top folder:
    /usr/bin/python3 tests/reference/sklearn_l2.py > tests/data/sklearn_l2.json
(newton-cg warns that it did not reach tol = 1e-12 on the multinomial case; its θ still agrees
with Logistic Lab's Newton solve, whose ‖∇J‖ is about 1e-16, to 1e-8.)
"""
import csv
import json

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression


def iris(classes, standardize):
    rows = list(csv.DictReader(open("assets/data/iris.csv")))
    names = ["setosa", "versicolor", "virginica"]
    keep = [names[c - 1] for c in classes]
    x = np.array([[float(r["petal_length"]), float(r["petal_width"])] for r in rows if r["species"] in keep])
    y = np.array([keep.index(r["species"]) for r in rows if r["species"] in keep])
    if standardize:  # as Logistic Lab does: z-scores with the population standard deviation
        x = (x - x.mean(axis=0)) / x.std(axis=0)
    return x, y


def iris4():
    return np.array([[1.4, 0.2], [1.5, 0.2], [3.0, 1.1], [4.1, 1.3]]), np.array([0, 0, 1, 1])


def fit(name, options, x, y, lam):
    n = len(y)
    multi = len(set(y)) > 2
    model = LogisticRegression(C=1.0 / (lam * n), tol=1e-12, max_iter=100000,
                               solver="newton-cg" if multi else "newton-cholesky")
    model.fit(x, y)
    if multi:  # the intercepts centred across the classes: ŷ is the same, Logistic Lab reports these
        b = model.intercept_ - model.intercept_.mean()
        theta = [[b[k]] + list(model.coef_[k]) for k in range(len(b))]
    else:
        theta = [model.intercept_[0]] + list(model.coef_[0])
    return {"name": name, "options": options, "lambda": lam, "theta": theta}


cases = [
    fit("iris versicolor vs virginica, petal, raw", "--data iris --classes 2,3 --l2 0.01", *iris([2, 3], False), 0.01),
    fit("iris versicolor vs virginica, petal, standardized", "--data iris --classes 2,3 --standardize --l2 0.1",
        *iris([2, 3], True), 0.1),
    fit("iris4 (separable), raw", "--data iris4 --l2 0.1", *iris4(), 0.1),
    fit("iris, three classes, petal, standardized", "--data iris --standardize --activation softmax --loss cce --l2 0.05",
        *iris([1, 2, 3], True), 0.05),
]
print(json.dumps({"generated_by": "tests/reference/sklearn_l2.py, scikit-learn " + sklearn.__version__,
                  "cases": cases}, indent=2))
