"""Reference values for scripts/measure-dependencies.ts, from SciPy.

Run: python3 scripts/reference/scipy_special.py > scripts/reference/scipy-special.json
(SciPy 1.17.1 wrote the committed file.)
"""
import json

import scipy
from scipy.special import gammaln
from scipy.stats import norm

ps = [1e-10, 1e-6, 0.001, 0.01, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.99, 0.999, 1 - 1e-6]
xs = [0.1, 0.5, 1, 1.5, 2.5, 3, 5.5, 10, 25.3, 100, 1000.5]
print(json.dumps({
    "scipy": scipy.__version__,
    "normalQuantile": [[p, float(norm.ppf(p))] for p in ps],
    "logGamma": [[x, float(gammaln(x))] for x in xs],
}, indent=1))
