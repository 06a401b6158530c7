"""The Python binding's rules, one test each (docs/bindings.md)."""

import datetime
import gc

import pytest

import normdoc
from conftest import EXAMPLE

D = datetime.date(2018, 11, 30)


@pytest.fixture
def corpus():
    with normdoc.Corpus.open(EXAMPLE) as c:
        yield c


def test_version_is_the_librarys():
    assert normdoc.version().count(".") == 2


def test_dates_are_datetime_dates_and_day_numbers_convert_both_ways():
    assert normdoc.parse_date("2024-02-29") == datetime.date(2024, 2, 29)
    assert normdoc.parse_date("1970-01-01") == datetime.date(1970, 1, 1)


def test_a_bad_date_is_a_bad_date_error_and_a_value_error():
    for text in ("2023-02-29", "2018-6-1", "30/11/2018", "2200-01-01"):
        with pytest.raises(normdoc.BadDateError) as e:
            normdoc.parse_date(text)
        assert isinstance(e.value, ValueError)
        assert e.value.exit_code == 2


def test_a_missing_file_is_an_oserror_naming_it():
    with pytest.raises(OSError) as e:
        normdoc.Corpus.open("/nonexistent/corpus.xml")
    assert isinstance(e.value, normdoc.IoError)
    assert "/nonexistent/corpus.xml" in str(e.value)
    assert e.value.exit_code == 3


def test_an_invalid_corpus_gives_its_problems_with_file_line_and_code():
    xml = '<?xml version="1.0"?>\n<corpus xmlns="urn:normdoc:corpus:1">\n<documents>\n</corpus>\n'
    with pytest.raises(normdoc.InvalidCorpusError) as e:
        normdoc.Corpus.from_xml(xml, "bad.xml")
    p = e.value.problems[0]
    assert p.file == "bad.xml" and p.line > 0 and p.code is normdoc.ProblemCode.XML_SYNTAX and p.is_error
    assert str(p).startswith("bad.xml:%d: error: XML_SYNTAX: " % p.line)
    assert e.value.exit_code == 1


def test_warnings_come_with_the_corpus():
    xml = ('<corpus xmlns="urn:normdoc:corpus:1"><authorities><authority id="a" name="A" kind="government"/></authorities>'
           '<documents><document id="d" kind="normative" number="X〔2017〕1号"><title>t</title><issuer ref="a"/>'
           '<dates published="2018-01-01"/></document></documents></corpus>')
    with normdoc.Corpus.from_xml(xml) as c:
        assert [p.code for p in c.problems] == [normdoc.ProblemCode.NUMBER_YEAR_MISMATCH]
        assert c.problems[0].severity is normdoc.Severity.WARNING


def test_a_closed_corpus_raises_value_error_and_closing_twice_is_fine():
    c = normdoc.Corpus.open(EXAMPLE)
    c.close()
    c.close()
    assert c.closed
    with pytest.raises(ValueError):
        c.status(D)
    with pytest.raises(ValueError):
        len(c)


def test_results_outlive_their_corpus(corpus):
    r = corpus.cleanup(D, "jy-kjj")
    s = corpus.status(D)
    corpus.close()
    gc.collect()
    assert r.csv().startswith("id,number,status,action,findings\n")
    assert s.csv().startswith("id,status,last_day,amended\n")
    assert r[0].findings[0].detail


def test_a_closed_cleanup_raises_value_error(corpus):
    r = corpus.cleanup(D)
    r.close()
    with pytest.raises(ValueError):
        r.csv()


def test_statuses_actions_and_codes_are_enums(corpus):
    s = corpus.status_of("prc-law-1996-68", D)
    assert s.status is normdoc.Status.IN_FORCE and s.amended is True and s.last_day is None
    item = corpus.cleanup(D, "jy-kjj")[0]
    assert isinstance(item.status, normdoc.Status)
    assert isinstance(item.action, normdoc.Action)
    assert all(isinstance(f.code, normdoc.FindingCode) for f in item.findings)


def test_an_unknown_id_or_scope_is_a_key_error_with_exit_code_2(corpus):
    with pytest.raises(normdoc.UnknownIdError) as e:
        corpus.impact("no-such-doc", D)
    assert isinstance(e.value, KeyError) and e.value.exit_code == 2 and "no-such-doc" in str(e.value)
    with pytest.raises(normdoc.UnknownScopeError):
        corpus.cleanup(D, "no-such-body")


def test_invalid_utf8_is_a_bad_utf8_error(corpus):
    with pytest.raises(normdoc.BadUtf8Error):
        corpus.status_of("jy\udcff", D)  # a lone surrogate: not UTF-8
    with pytest.raises(normdoc.BadUtf8Error):
        corpus.status_of(b"jy\xff", D)


def test_status_rows_agree_with_single_calls(corpus):
    rows = corpus.status(D)
    assert len(rows) == len(corpus)
    assert [r.id for r in rows] == sorted((r.id for r in rows), key=lambda s: s.encode())
    for r in rows:
        one = corpus.status_of(r.id, D)
        assert (one.status, one.last_day, one.ended, one.amended) == (r.status, r.last_day, r.ended, r.amended)


def test_the_builder_builds_what_the_spec_says():
    b = normdoc.Builder()
    b.authority("jy-kjj", "江阴市科学技术局", "department", level="county")
    b.document("trial", "normative", "试行办法").issuer("jy-kjj").trial().dates("2018-02-20", datetime.date(2018, 3, 1))
    b.document("later", "normative", "细则").issuer("jy-kjj").dates("2018-04-01").based_on("trial")
    with b.build() as c:
        assert c.status_of("trial", "2019-01-01").last_day == datetime.date(2020, 2, 29)  # SPEC §4
        assert [(e.id, e.depth) for e in c.impact("trial", "2019-01-01")] == [("later", 1)]
    b.dates("2018-13-01")
    with pytest.raises(normdoc.InvalidCorpusError) as e:
        b.build()
    assert e.value.problems[0].code is normdoc.ProblemCode.BAD_DATE
    with pytest.raises(normdoc.InvalidArgumentError):
        b.authority("x", "X", "ministry")
    b.close()


def test_the_summary_adds_up_to_the_items(corpus):
    r = corpus.cleanup(D, "jy-kjj")
    total = r.summary[-1]
    assert total.authority_id is None
    for a in normdoc.Action:
        assert total[a] == sum(1 for item in r if item.action is a)


def test_only_proposed_endings_have_a_decider(corpus):
    for item in corpus.cleanup(D, "jy-kjj"):
        assert (item.decided_by is not None) == (item.action in (normdoc.Action.REPEAL, normdoc.Action.DECLARE_INVALID))


def test_a_plan_reads_back_and_applies(corpus, tmp_path):
    r = corpus.cleanup(D, "jy-kjj")
    plan = normdoc.Plan.from_xml(r.plan().xml())
    assert plan.as_of == D and plan.scope == "jy-kjj"
    assert [(i.ref, i.action) for i in plan.items] == [(i.id, i.action) for i in r]
    decision = normdoc.Decision("jy-kjj-2018-99", "澄科发〔2018〕99号", "关于废止和宣布失效部分规范性文件的决定", ["jy-kjj"], D)
    with pytest.raises(normdoc.InvalidPlanError) as e:  # SPEC §6: not competent for the government's
        corpus.apply(plan, decision)
    assert any(p.code is normdoc.ProblemCode.NOT_COMPETENT for p in e.value.problems)
    with corpus.apply(plan, decision, only_competent=True) as applied:
        again = {i.id: i.action for i in applied.cleanup(D, "jy-kjj")}
        for item in r:
            if item.decided_by == "jy-kjj":
                assert again.get(item.id) not in (normdoc.Action.REPEAL, normdoc.Action.DECLARE_INVALID)
        path = str(tmp_path / "applied.xml")
        applied.save(path)
        with normdoc.Corpus.open(path) as back:
            assert back.status(D).csv() == applied.status(D).csv()


def test_a_malformed_plan_is_an_invalid_plan_error():
    with pytest.raises(normdoc.InvalidPlanError) as e:
        normdoc.Plan.from_xml('<cleanup-plan xmlns="urn:normdoc:plan:1" as-of="2018-02-30"/>', "p.xml")
    assert e.value.problems and e.value.exit_code == 1


def test_a_cleanup_of_another_corpus_is_a_wrong_corpus_error(corpus):
    with normdoc.Corpus.open(EXAMPLE) as other:
        r = other.cleanup(D)
        with pytest.raises(normdoc.WrongCorpusError):
            corpus.apply(r, normdoc.Decision("x", "n", "t", "jy-gov", D))


def test_dot_is_a_digraph(corpus):
    assert corpus.dot(D, root="prc-law-1996-68", depth=1).startswith("digraph")


def test_a_freed_handle_passed_to_the_library_is_an_invalid_handle_error_not_a_crash():
    import ctypes
    from normdoc import _ffi, lib
    c = normdoc.Corpus.open(EXAMPLE)
    h = c._h
    c.close()
    n = ctypes.c_size_t()
    with pytest.raises(normdoc.InvalidHandleError) as e:
        normdoc._call(lib.nd_corpus_document_count, h, ctypes.byref(n))
    assert "not a live handle" in str(e.value) and e.value.exit_code == 4
    with pytest.raises(normdoc.InvalidHandleError):
        normdoc._call(lib.nd_corpus_document_count, None, ctypes.byref(n))


def test_columns_are_the_rows(corpus):
    r = corpus.cleanup(D)
    assert [i.id for i in r] == r.ids and [i.action for i in r] == r.actions
    assert r[-1].id == r.ids[-1] and len(r[1:3]) == 2
    s = corpus.status(D)
    assert s.ids is corpus.status(D).ids  # shared by the corpus's status lists


def test_problems_quoting_bytes_that_are_not_utf8_come_out_as_text():
    xml = b'<cleanup-plan xmlns="urn:normdoc:plan:1" as-of="2018-1\xff\xff1-30"/>'
    with pytest.raises(normdoc.InvalidPlanError) as e:
        normdoc.Plan.from_xml(xml, "p.xml")
    assert "\ufffd" in e.value.message
    assert all(isinstance(p.message, str) for p in e.value.problems)


def test_columns_by_rank_are_the_c_abis_own_rows(generated):
    # The columns are built from the corpus's ids by rank (nd_cleanup_ranks …); each row must be
    # what the C ABI's row by index says (nd_cleanup_get, its own strings), on a corpus of 3000.
    import ctypes
    from normdoc import _ffi, lib
    with normdoc.Corpus.open(generated) as c:
        r = c.cleanup("2021-03-01")
        assert len(r) > 1000
        row = _ffi.CleanupItem()
        flat = []
        for i, item in enumerate(r):
            normdoc._call(lib.nd_cleanup_get, r._h, i, ctypes.byref(row))
            assert (item.id, item.number, item.decided_by) == (
                row.id.decode(), row.number.decode(), row.decided_by.decode() if row.decided_by else None)
            assert (item.status, item.action) == (normdoc.Status(lib.nd_enum_name(0, row.status).decode()),
                                                  normdoc.Action(lib.nd_enum_name(1, row.action).decode()))
            assert item.decided_by == r.deciders[i]
            flat += item.finding_codes
        assert flat == r.finding_codes and [f.action for i in r for f in i.findings] == r.finding_actions
        s = c.status("2021-03-01")
        one = [c.status_of(i, "2021-03-01") for i in s.ids]
        assert [(x.status, x.last_day, x.ended, x.amended) for x in s] == [
            (d.status, d.last_day, d.ended, d.amended) for d in one]
        class Row(ctypes.Structure):  # nd_status_row
            _fields_ = [("id", ctypes.c_char_p), ("number", ctypes.c_char_p), ("status", _ffi.DocStatus)]
        get = lib.nd_status_list_get
        get.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(Row), ctypes.POINTER(_ffi.Error)]
        x = Row()
        for k, row in enumerate(s):
            normdoc._call(get, s._owned._h, k, ctypes.byref(x))
            assert (row.id, row.number) == (x.id.decode(), x.number.decode())
        assert s.ids == sorted(s.ids, key=lambda i: i.encode())  # by id in byte order


def test_iterating_rows_leaves_the_garbage_collector_as_it_was(generated):
    with normdoc.Corpus.open(generated) as c:
        r = c.cleanup("2021-03-01")
        assert gc.isenabled()
        assert [i.id for i in r] == r.ids and gc.isenabled()
        for _ in r:
            break
        assert gc.isenabled()
        gc.disable()
        try:
            assert [i.id for i in c.status("2021-03-01")] == c.status("2021-03-01").ids
            assert not gc.isenabled()
        finally:
            gc.enable()
