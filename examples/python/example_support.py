"""What the three examples share: finding the normdoc package, the CLI's exit codes (SPEC §10)
and its way of reporting problems, and writing the result to standard output."""

import os
import sys

try:
    import normdoc
except ImportError:  # run from a source checkout: the package is in bindings/python
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bindings", "python"))
    import normdoc

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL = 0, 1, 2, 3, 4


def usage(text):
    sys.stderr.write("usage: " + text + "\n")
    sys.exit(EXIT_USAGE)


def run(body):
    """Runs body() → the CSV text, prints it, and exits with the CLI's code for what happened."""
    try:
        text = body()
    except normdoc.InvalidCorpusError as e:
        sys.stderr.write("".join(str(p) + "\n" for p in e.problems))  # as the CLI prints them
        sys.exit(EXIT_INVALID)
    except normdoc.Error as e:
        sys.stderr.write("normdoc: " + e.message + "\n")
        sys.exit(e.exit_code)
    except MemoryError:
        sys.stderr.write("normdoc: internal error: out of memory\n")
        sys.exit(EXIT_INTERNAL)
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except OSError as e:
        sys.stderr.write("normdoc: standard output: %s\n" % e)
        sys.exit(EXIT_IO)
    sys.exit(EXIT_OK)


def open_corpus(path):
    """Opens the corpus; its warnings go to standard error, as the CLI prints them."""
    corpus = normdoc.Corpus.open(path)
    sys.stderr.write("".join(str(p) + "\n" for p in corpus.problems))
    return corpus


def csv_line(fields):
    return ",".join(normdoc.csv_field(f) for f in fields) + "\n"
