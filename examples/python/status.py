#!/usr/bin/env python3
"""status.py CORPUS AS_OF: prints what `normdoc status CORPUS --as-of AS_OF --format csv` prints,
built from the binding's objects (StatusRow), with the CLI's exit codes."""

import sys

from example_support import csv_line, normdoc, open_corpus, run, usage


def main(argv):
    if len(argv) != 3:
        usage("status.py CORPUS AS_OF")
    path, as_of_text = argv[1], argv[2]

    def body():
        as_of = normdoc.parse_date(as_of_text)  # a bad date is a usage error, before the corpus is read
        with open_corpus(path) as corpus:
            out = [csv_line(["id", "status", "last_day", "amended"])]
            for row in corpus.status(as_of):
                out.append(csv_line([row.id, row.status.value, row.last_day.isoformat() if row.last_day else "",
                                     "yes" if row.amended else "no"]))
            return "".join(out)

    run(body)


if __name__ == "__main__":
    main(sys.argv)
