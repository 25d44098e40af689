#!/usr/bin/python3
"""The PyYAML baseline of bench/run: `stats --by category,month` computed by
a plain Python script that parses every case file with PyYAML's libyaml
CSafeLoader (Debian's python3-yaml), on --workers processes.

    bench/pyyaml_stats.py STORE [--workers N]

Prints category, month, cases (CSV), like `mediate stats --by category,month
--format csv` without the label column. Months are those of the time
received in the store's time zone (Asia/Shanghai, +08:00).
"""

import argparse
import collections
import datetime as dt
import multiprocessing
import os
import sys

import yaml

TZ = dt.timezone(dt.timedelta(hours=8))


def count(paths):
    c = collections.Counter()
    for p in paths:
        with open(p, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        received = dt.datetime.fromisoformat(doc["received"]).astimezone(TZ)
        c[(doc["category"], "%04d-%02d" % (received.year, received.month))] += 1
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    args = ap.parse_args()
    paths = []
    for root, _, files in os.walk(os.path.join(args.store, "cases")):
        paths += [os.path.join(root, f) for f in files if f.endswith(".yaml") and f[0] != "."]
    paths.sort()
    chunks = [paths[i:i + 2000] for i in range(0, len(paths), 2000)]
    total = collections.Counter()
    if args.workers > 1 and len(chunks) > 1:
        with multiprocessing.Pool(args.workers) as pool:
            for c in pool.imap_unordered(count, chunks):
                total.update(c)
    else:
        for chunk in chunks:
            total.update(count(chunk))
    out = sys.stdout
    out.write("category,month,cases\n")
    for (cat, month), n in sorted(total.items()):
        out.write("%s,%s,%d\n" % (cat, month, n))


if __name__ == "__main__":
    main()
