#!/usr/bin/env python3
"""impact.py CORPUS DOC AS_OF: prints what `normdoc impact CORPUS DOC --as-of AS_OF --format csv`
prints, built from the binding's objects (ImpactEntry), with the CLI's exit codes."""

import sys

from example_support import csv_line, normdoc, open_corpus, run, usage


def main(argv):
    if len(argv) != 4:
        usage("impact.py CORPUS DOC AS_OF")
    path, doc, as_of_text = argv[1], argv[2], argv[3]

    def body():
        as_of = normdoc.parse_date(as_of_text)
        with open_corpus(path) as corpus:
            out = [csv_line(["id", "depth", "status"])]
            for entry in corpus.impact(doc, as_of):
                out.append(csv_line([entry.id, str(entry.depth), entry.status.value]))
            return "".join(out)

    run(body)


if __name__ == "__main__":
    main(sys.argv)
