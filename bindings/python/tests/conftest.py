"""Shared fixtures: the example corpus, the CLI (NORMDOC_CLI, set by CTest), a generated corpus."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

EXAMPLE = os.path.join(ROOT, "examples", "jiangyin.xml")


def cli_path():
    path = os.environ.get("NORMDOC_CLI") or os.path.join(ROOT, "build", "release", "normdoc")
    if not os.path.exists(path):
        pytest.skip("the normdoc CLI is not built (NORMDOC_CLI)")
    return path


@pytest.fixture(scope="session")
def cli():
    return cli_path()


@pytest.fixture(scope="session")
def example():
    return EXAMPLE


@pytest.fixture(scope="session")
def generated(tmp_path_factory, cli):
    """A generated corpus of realistic shape (3000 documents, seed 3)."""
    path = str(tmp_path_factory.mktemp("generated") / "generated.xml")
    subprocess.run([cli, "generate", "--documents", "3000", "--seed", "3", "-o", path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def run(args):
    """Runs a command; (exit code, stdout bytes, stderr text)."""
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
