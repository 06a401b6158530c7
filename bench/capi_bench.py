#!/usr/bin/env python3
"""The Python binding's cost (docs/bindings.md): on one loaded corpus, the whole clean-up and the
status of every document fully materialised as Python objects, and one small call.

    NORMDOC_C_LIBRARY=build/release/libnormdoc_c.so bench/capi_bench.py CORPUS [AS_OF] [ROUNDS]

Prints KEY=VALUE lines, as bench/capi_bench.cpp does (scripts/bench-bindings puts them together)."""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings", "python"))
import normdoc  # noqa: E402


def main(argv):
    path = argv[1]
    as_of = normdoc.parse_date(argv[2] if len(argv) > 2 else "2020-06-30")
    rounds = int(argv[3]) if len(argv) > 3 else 5
    t = time.perf_counter()
    corpus = normdoc.Corpus.open(path)
    print("load_py_s=%.3f" % (time.perf_counter() - t))
    corpus.status(as_of)  # the corpus's ids and numbers, decoded once (a load-time cost, not a query's)
    cleanup, cleanup_rows, status, status_rows = [], [], [], []
    for _ in range(rounds):
        # The result in Python: every field of every row a Python value (str, enum, date) in lists.
        t = time.perf_counter()
        r = corpus.cleanup(as_of)
        cleanup.append(time.perf_counter() - t)
        # … and every row as an object too, with its findings' codes.
        items = list(r)
        codes = sum(len(i.finding_codes) for i in items)
        cleanup_rows.append(time.perf_counter() - t)
        r.close()
        del items
        t = time.perf_counter()
        rows = corpus.status(as_of)
        status.append(time.perf_counter() - t)
        rows = list(rows)
        status_rows.append(time.perf_counter() - t)
        del rows
    print("cleanup_items=%d\ncleanup_findings=%d" % (len(r), codes))
    print("cleanup_py_s=%.3f\ncleanup_py_rows_s=%.3f" % (statistics.median(cleanup), statistics.median(cleanup_rows)))
    print("status_all_py_s=%.3f\nstatus_all_py_rows_s=%.3f" % (statistics.median(status), statistics.median(status_rows)))
    ids = [row.id for row in corpus.status(as_of)][:100000]
    one = []
    for _ in range(rounds):
        t = time.perf_counter()
        for i in ids:
            corpus.status_of(i, as_of)
        one.append((time.perf_counter() - t) * 1e9 / len(ids))
    print("status_one_py_ns=%.0f" % statistics.median(one))


if __name__ == "__main__":
    main(sys.argv)
