#!/usr/bin/env python3
"""cleanup.py CORPUS AS_OF [SCOPE]: prints what
`normdoc cleanup CORPUS --as-of AS_OF [--scope SCOPE] --format csv` prints, built from the
binding's objects (CleanupItem, its findings), with the CLI's exit codes."""

import sys

from example_support import csv_line, normdoc, open_corpus, run, usage


def main(argv):
    if len(argv) not in (3, 4):
        usage("cleanup.py CORPUS AS_OF [SCOPE]")
    path, as_of_text = argv[1], argv[2]
    scope = argv[3] if len(argv) == 4 else None

    def body():
        as_of = normdoc.parse_date(as_of_text)
        with open_corpus(path) as corpus:
            out = [csv_line(["id", "number", "status", "action", "findings"])]
            for item in corpus.cleanup(as_of, scope=scope):
                codes = ";".join(sorted(code.value for code in item.finding_codes))  # SPEC §10: sorted, joined with ;
                out.append(csv_line([item.id, item.number, item.status.value, item.action.value, codes]))
            return "".join(out)

    run(body)


if __name__ == "__main__":
    main(sys.argv)
