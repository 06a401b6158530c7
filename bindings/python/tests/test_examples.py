"""examples/python/*.py print what the CLI prints, to the byte, with its exit codes (SPEC §14)."""

import os
import sys

import pytest

import normdoc
from conftest import EXAMPLE, ROOT, run

D = "2018-11-30"
EXAMPLES = os.path.join(ROOT, "examples", "python")


def example(name, *args):
    return run([sys.executable, os.path.join(EXAMPLES, name + ".py")] + list(args))


def same(cli, name, example_args, cli_args):
    got = example(name, *example_args)
    want = run([cli] + cli_args)
    assert got[0] == want[0], (got[2], want[2])
    assert got[1] == want[1]
    return want


def test_status_on_the_example(cli):
    same(cli, "status", [EXAMPLE, D], ["status", EXAMPLE, "--as-of", D, "--format", "csv"])


@pytest.mark.parametrize("scope", [None, "jy-kjj", "jy-gov", "wx-gov"])
def test_cleanup_on_the_example(cli, scope):
    extra = [scope] if scope else []
    cli_extra = ["--scope", scope] if scope else []
    same(cli, "cleanup", [EXAMPLE, D] + extra, ["cleanup", EXAMPLE, "--as-of", D, "--format", "csv"] + cli_extra)


def test_impact_on_the_example(cli):
    want = same(cli, "impact", [EXAMPLE, "prc-law-1996-68", D],
                ["impact", EXAMPLE, "prc-law-1996-68", "--as-of", D, "--format", "csv"])
    assert want[1].count(b"\n") > 2


@pytest.mark.parametrize("as_of", ["2019-06-30", "2024-01-01"])
def test_status_and_cleanup_on_a_generated_corpus(cli, generated, as_of):
    same(cli, "status", [generated, as_of], ["status", generated, "--as-of", as_of, "--format", "csv"])
    same(cli, "cleanup", [generated, as_of], ["cleanup", generated, "--as-of", as_of, "--format", "csv"])


def test_impact_on_a_generated_corpus(cli, generated):
    with normdoc.Corpus.open(generated) as c:
        # the document with the most dependents (a basis of many)
        ids = [r.id for r in c.status("2020-01-01")]
        best = max(ids[:400], key=lambda i: len(c.impact(i, "2020-01-01")))
    same(cli, "impact", [generated, best, "2020-01-01"], ["impact", generated, best, "--as-of", "2020-01-01", "--format", "csv"])


def test_the_binding_csv_calls_are_the_clis_on_a_generated_corpus(cli, generated):
    with normdoc.Corpus.open(generated) as c:
        assert c.status("2021-03-01").csv().encode() == run([cli, "status", generated, "--as-of", "2021-03-01", "--format", "csv"])[1]
        assert c.cleanup("2021-03-01").csv().encode() == run([cli, "cleanup", generated, "--as-of", "2021-03-01", "--format", "csv"])[1]


@pytest.mark.parametrize("case", [
    ("missing file", "status", ["/nonexistent/c.xml", D], ["status", "/nonexistent/c.xml", "--as-of", D]),
    ("bad date", "status", [EXAMPLE, "2018-02-30"], ["status", EXAMPLE, "--as-of", "2018-02-30"]),
    ("bad date before a missing file", "cleanup", ["/nonexistent/c.xml", "x"], ["cleanup", "/nonexistent/c.xml", "--as-of", "x"]),
    ("unknown scope", "cleanup", [EXAMPLE, D, "no-such-body"], ["cleanup", EXAMPLE, "--as-of", D, "--scope", "no-such-body"]),
    ("unknown document", "impact", [EXAMPLE, "no-such-doc", D], ["impact", EXAMPLE, "no-such-doc", "--as-of", D]),
    ("missing argument", "impact", [EXAMPLE, D], ["impact", EXAMPLE]),
], ids=lambda c: c[0])
def test_exit_codes_are_the_clis(cli, case):
    _, name, example_args, cli_args = case
    got = example(name, *example_args)
    want = run([cli] + cli_args + ["--format", "csv"])
    assert got[0] == want[0] and got[0] != 0, (got[2], want[2])
    assert got[1] == want[1] == b""


def test_an_invalid_corpus_is_exit_1_with_the_clis_problem_lines(cli, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<corpus xmlns="urn:normdoc:corpus:1">\n<documents>\n<document id="d" kind="nonsense"/>\n</documents>\n</corpus>\n')
    got = example("status", str(bad), D)
    want = run([cli, "status", str(bad), "--as-of", D, "--format", "csv"])
    assert got[0] == want[0] == 1
    assert got[1] == want[1] == b""
    assert got[2] == want[2]
