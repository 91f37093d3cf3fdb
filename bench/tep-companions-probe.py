#!/usr/bin/env python3
"""Exploration behind docs/scoring.md "New runs" (issue 14): a numpy replica of the combined monitor's four
per-variable statistics (jump, shift EWMA 0.1, spread over 10 rows, drift EWMA 0.03; no VAE-GAN), cross-fitted over
the 5 blocks of d00 like VaeGanFit, used to find which statistic and variables raise the alarms on d03/d09/d15, to
scan the between-run factor k (BetweenRun) and to try faster statistics (CUSUM, first differences). Limits are
approximations of the Java tail calibration (empirical quantiles), so the numbers are indicative; the served
monitor's numbers come from bench/tep.sh. Usage: python3 bench/tep-companions-probe.py  (numpy; about 1-2 minutes)."""
import os
import numpy as np

D = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'datasets', 'tep')
UND = [3, 9, 15]
DET = [f for f in range(1, 22) if f not in UND]


def load(f):
    a = np.loadtxt(os.path.join(D, 'd%02d.dat' % f))
    return a.T if f == 0 else a


d00 = load(0)
faults = {f: load(f) for f in range(1, 22)}


def rows(lam):
    return 0 if lam <= 0 else 1 + int(np.ceil(np.log(0.01) / np.log(1 - lam)))


class Cfg:
    def __init__(self, **k):
        self.lam, self.win, self.dl, self.spike = 0.1, 10, 0.03, 6.0
        self.stats = ('jump', 'shift', 'spread', 'drift')
        self.cusum_k = 0.5
        self.__dict__.update(k)


def temporal(z, c):
    n, p = z.shape
    out = {}
    for name, lam in (('shift', c.lam), ('drift', c.dl)):
        h = rows(lam)
        leave = lam * (1 - lam) ** h
        e = np.zeros(p)
        o = np.zeros((n, p))
        for i in range(n):
            e = lam * z[i] + (1 - lam) * e - (leave * z[i - h] if i >= h else 0)
            o[i] = e
        out[name] = o
    w = c.win
    s = np.zeros(p)
    ss = np.zeros(p)
    o = np.zeros((n, p))
    for i in range(n):
        s += z[i] - (z[i - w] if i >= w else 0)
        ss += z[i] ** 2 - (z[i - w] ** 2 if i >= w else 0)
        m = s / w
        o[i] = np.sqrt(np.maximum(0, ss / w - m * m))
    out['spread'] = o
    return out


class Pipe:
    """FeaturePipeline's standardisation (clipped at 6 robust sigmas) and temporal features."""

    def __init__(self, segs, c):
        x = np.vstack(segs)
        self.c = c
        med = np.median(x, 0)
        rs = 1.4826 * np.median(np.abs(x - med), 0)
        xc = np.clip(x, med - c.spike * rs, med + c.spike * rs)
        self.mean, self.std = xc.mean(0), xc.std(0, ddof=1)
        z = (xc - self.mean) / self.std
        t = temporal(z, c)
        self.hist = max(rows(c.lam), c.win, rows(c.dl)) - 1
        h = min(self.hist, len(z) // 2)
        self.dm = {k: v[h:].mean(0) for k, v in t.items()}
        self.ds = {k: v[h:].std(0, ddof=1) for k, v in t.items()}

    def stats(self, x, skip=0):
        z = (x - self.mean) / self.std
        t = temporal(z, self.c)
        r = {'jump': np.abs(z)}
        complete = np.minimum(1, (np.arange(len(z)) + 1.0) / self.c.win)[:, None]
        for k, v in t.items():
            v = (v - self.dm[k]) / self.ds[k]
            r[k] = np.abs(v * complete if k == 'spread' else v)
        n, p = z.shape
        cp, cm, o = np.zeros(p), np.zeros(p), np.zeros((n, p))
        for i in range(n):
            cp = np.maximum(0, cp + z[i] - self.c.cusum_k)
            cm = np.maximum(0, cm - z[i] - self.c.cusum_k)
            o[i] = np.maximum(cp, cm)
        r['cusum'] = o
        r['diff'] = np.abs(np.vstack([np.zeros((1, p)), np.diff(z, axis=0)]))
        return {k: v[skip:] for k, v in r.items()}


def between_run(segs, c, blocks=4):
    x = np.vstack(segs)
    p = Pipe(segs, c)
    z = (x - p.mean) / p.std
    n = len(z)
    idx = [round(n * b / blocks) for b in range(blocks + 1)]
    bm = np.array([z[idx[b]:idx[b + 1]].mean(0) for b in range(blocks)])
    bsd = np.array([z[idx[b]:idx[b + 1]].std(0, ddof=1) for b in range(blocks)])
    return bm.var(0, ddof=1), np.log(bsd).var(0, ddof=1)


def run(c, k=0.0, replicates=20, alpha=0.01, seed=1):
    rng = np.random.default_rng(seed)
    n = len(d00)
    pooled = {s: [] for s in c.stats}
    real = {s: [] for s in c.stats}
    for b in range(5):
        fr, to = round(n * b / 5), round(n * (b + 1) / 5)
        segs = [x for x in (d00[:fr], d00[to:]) if len(x)]
        p = Pipe(segs, c)
        hf = max(0, fr - p.hist)
        tm2, ts2 = between_run(segs, c)
        xb = d00[hf:to]
        for r in range(replicates + 1 if k > 0 else 1):
            u = rng.normal(0, np.sqrt(k * ts2)) * (r > 0)
            m = rng.normal(0, np.sqrt(k * tm2)) * (r > 0)
            st = p.stats(p.mean + (xb - p.mean) * np.exp(u) + m * p.std, fr - hf)
            for s in c.stats:
                pooled[s].append(st[s].max(1))
                if r == 0:
                    real[s].append(st[s].max(1))
    div = {s: np.quantile(np.concatenate(pooled[s]), 1 - alpha) for s in c.stats}
    comb = np.concatenate([np.max([pooled[s][i] / div[s] for s in c.stats], 0) for i in range(len(pooled['jump']))])
    thr = np.quantile(comb, 1 - alpha / 2)  # the Java fit's upper confidence bound is about this conservative
    cf = np.concatenate([np.max([real[s][i] / div[s] for s in c.stats], 0) for i in range(5)])
    full = Pipe([d00], c)
    out = {}
    for f in range(1, 22):
        st = full.stats(faults[f])
        out[f] = (np.max([st[s].max(1) / div[s] for s in c.stats], 0), st)
    det = np.mean([(out[f][0] > thr).mean() for f in DET])
    delays = {f: int(np.argmax(out[f][0] > thr)) if (out[f][0] > thr).any() else 480 for f in DET}
    return dict(cf=(cf > thr).mean(), det=det, delay=np.median(list(delays.values())), delays=delays,
                proxy=[round(float((out[f][0] > thr).mean()), 3) for f in UND], out=out, div=div, thr=thr)


def line(name, r):
    print('%-40s cross-fit %.3f  detection %.3f  median delay %5.1f  proxy d03/d09/d15 %s'
          % (name, r['cf'], r['det'], r['delay'], r['proxy']))


if __name__ == '__main__':
    c = Cfg()
    r = run(c)
    line('blocks of d00 only (k = 0)', r)
    print('\nWhich statistic and variables (XMEAS 1-41, XMV 42-52) raise the proxy alarms (k = 0):')
    for f in UND:
        s, st = r['out'][f]
        print('  d%02d rows %s' % (f, [int(i) for i in np.nonzero(s > r['thr'])[0]]))
        for k in c.stats:
            m = st[k] / r['div'][k] > r['thr']
            print('     %-6s rows %3d  variables (number, rows) %s' % (k, m.any(1).sum(),
                  [(int(v) + 1, int(m[:, v].sum())) for v in np.nonzero(m.any(0))[0]]))
    full = Pipe([d00], c)
    z = (d00 - full.mean) / full.std
    bs = z.reshape(5, 100, 52).std(1)
    print('\nper-block standard deviation in d00 (variables 7, 13, 16, 18, 19, 20) and in d03/d09/d15:')
    for j in (7, 13, 16, 18, 19, 20):
        print('  %2d d00 blocks %s  runs %s' % (j, np.round(bs[:, j - 1], 2),
              [round(float(((faults[f] - full.mean) / full.std)[:, j - 1].std()), 2) for f in UND]))
    print('\nbetween-run factor k (limits calibrated on the blocks and 20 between-run copies of each):')
    for k in (0.1, 0.25, 0.5, 1.0):
        line('k = %.2f' % k, run(c, k))
    print('\nfaster statistics added to the four (k = 0):')
    for extra in ('cusum', 'diff'):
        r = run(Cfg(stats=c.stats + (extra,)))
        line('+ ' + extra, r)
        print('     delays of faults 2, 8, 12, 13, 17: %s' % [r['delays'][f] for f in (2, 8, 12, 13, 17)])
