"""normdoc for Python: the lifecycle of normative documents (规范性文件) over normdoc's C ABI.

    import datetime, normdoc
    with normdoc.Corpus.open("examples/jiangyin.xml") as corpus:
        result = corpus.cleanup(datetime.date(2018, 11, 30), scope="jy-kjj")
        for item in result:
            print(item.id, item.action, [f.code for f in item.findings])

Dates are datetime.date (or "YYYY-MM-DD" text); statuses, actions, finding and problem codes are
enums whose values are SPEC's names; results are sequences; errors are normdoc.Error subclasses
(I/O failures are also OSError). A closed Corpus raises ValueError. docs/bindings.md is the manual.
"""

import collections.abc
import ctypes
import datetime
import enum
import gc
import itertools
import threading

from . import _ffi
from ._ffi import lib

__all__ = [
    "Status", "Action", "FindingCode", "Severity", "ProblemCode",
    "Error", "InvalidArgumentError", "InvalidHandleError", "IoError", "InvalidCorpusError", "InvalidPlanError",
    "BadDateError", "BadUtf8Error", "UnknownIdError", "AmbiguousIdError", "UnknownScopeError", "WrongCorpusError",
    "InternalError",
    "Problem", "DocumentStatus", "StatusRow", "StatusList", "Cleanup", "CleanupItem", "Finding", "ActionCounts",
    "ImpactEntry", "Impact", "Plan", "PlanItem", "Decision", "Corpus", "Builder",
    "version", "parse_date", "format_date", "today", "csv_field",
]

# ---- enumerations (values: SPEC's names) ---------------------------------------------------------


class Status(enum.Enum):
    DRAFT = "draft"
    PENDING = "pending"
    IN_FORCE = "in-force"
    REPEALED = "repealed"
    INVALID = "invalid"
    EXPIRED = "expired"

    def __str__(self):
        return self.value


class Action(enum.Enum):
    RETAIN = "retain"
    EVALUATE = "evaluate"
    AMEND = "amend"
    DECLARE_INVALID = "declare-invalid"
    REPEAL = "repeal"

    def __str__(self):
        return self.value


class FindingCode(enum.Enum):
    EXPIRED = "EXPIRED"
    EXPIRING = "EXPIRING"
    BASIS_TERMINATED = "BASIS_TERMINATED"
    BASIS_TO_BE_TERMINATED = "BASIS_TO_BE_TERMINATED"
    BASIS_AMENDED = "BASIS_AMENDED"
    ISSUER_ABOLISHED = "ISSUER_ABOLISHED"
    TERM_TOO_LONG = "TERM_TOO_LONG"
    NO_LEGALITY_REVIEW = "NO_LEGALITY_REVIEW"
    NO_COLLECTIVE_DECISION = "NO_COLLECTIVE_DECISION"
    NO_CONSULTATION = "NO_CONSULTATION"
    SHORT_CONSULTATION = "SHORT_CONSULTATION"
    FILING_OVERDUE = "FILING_OVERDUE"

    def __str__(self):
        return self.value


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self):
        return self.value


class ProblemCode(enum.Enum):
    XML_SYNTAX = "XML_SYNTAX"
    MISSING = "MISSING"
    BAD_VALUE = "BAD_VALUE"
    BAD_DATE = "BAD_DATE"
    DUPLICATE_ID = "DUPLICATE_ID"
    DUPLICATE_NUMBER = "DUPLICATE_NUMBER"
    UNKNOWN_REF = "UNKNOWN_REF"
    SELF_REFERENCE = "SELF_REFERENCE"
    DATE_ORDER = "DATE_ORDER"
    BASIS_CYCLE = "BASIS_CYCLE"
    MODIFICATION_CYCLE = "MODIFICATION_CYCLE"
    SUCCESSOR_CYCLE = "SUCCESSOR_CYCLE"
    UNKNOWN_ELEMENT = "UNKNOWN_ELEMENT"
    NUMBER_YEAR_MISMATCH = "NUMBER_YEAR_MISMATCH"
    LATE_EXTENSION = "LATE_EXTENSION"
    NOT_COMPETENT = "NOT_COMPETENT"
    CORRUPT_SNAPSHOT = "CORRUPT_SNAPSHOT"
    BAD_VERSION = "BAD_VERSION"
    TORN_JOURNAL = "TORN_JOURNAL"

    def __str__(self):
        return self.value


# The C ABI's integer values are the members' positions (normdoc.h: ND_DOC_*, ND_ACTION_* …).
_STATUS = list(Status)
_ACTION = list(Action)
_FINDING = list(FindingCode)
_SEVERITY = list(Severity)
_PROBLEM = list(ProblemCode)

# ---- errors --------------------------------------------------------------------------------------


class Error(Exception):
    """A failure the library reported: `code` is the C ABI's status name, `exit_code` the CLI's
    exit code for it (SPEC §10), `problems` the problems behind it (invalid corpus or plan)."""

    def __init__(self, message, code="", exit_code=4, problems=()):
        super().__init__(message)
        self.message = message
        self.code = code
        self.exit_code = exit_code
        self.problems = list(problems)


class InvalidArgumentError(Error, ValueError):
    pass


class InvalidHandleError(Error):
    pass


class IoError(Error, OSError):
    pass


class InvalidCorpusError(Error):
    pass


class InvalidPlanError(Error):
    pass


class BadDateError(Error, ValueError):
    pass


class BadUtf8Error(Error, ValueError):
    pass


class UnknownIdError(Error, KeyError):
    def __str__(self):
        return self.message


class AmbiguousIdError(Error, KeyError):
    def __str__(self):
        return self.message


class UnknownScopeError(Error, KeyError):
    def __str__(self):
        return self.message


class WrongCorpusError(Error, ValueError):
    pass


class InternalError(Error):
    pass


_ERRORS = {
    1: InvalidArgumentError, 2: InvalidHandleError, 3: MemoryError, 4: IoError, 5: InvalidCorpusError,
    6: InvalidPlanError, 7: BadDateError, 8: BadUtf8Error, 9: UnknownIdError, 10: AmbiguousIdError,
    11: UnknownScopeError, 12: WrongCorpusError, 13: InternalError,
}


def _raise(status, err, problems=()):
    message = err.message.decode("utf-8", "replace")
    kind = _ERRORS.get(status, InternalError)
    if kind is MemoryError:
        raise MemoryError(message)
    raise kind(message, lib.nd_status_name(status).decode(), lib.nd_exit_code(status), problems)


_local = threading.local()


def _error():
    """This thread's nd_error, reused from call to call (one per thread: SPEC's nd_error belongs to one call)."""
    err = getattr(_local, "err", None)
    if err is None:
        err = _local.err = _ffi.Error()
    return err


def _call(fn, *args):
    err = _error()
    status = fn(*args, ctypes.byref(err))
    if status != 0:
        _raise(status, err)


# ---- text, dates ---------------------------------------------------------------------------------


def _text(s):
    """A str as UTF-8 for the C ABI; lone surrogates pass through, for the library to refuse
    (BadUtf8Error) as it refuses any invalid UTF-8; bytes as they are."""
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return str(s).encode("utf-8", "surrogatepass")


def _str(b):
    return b.decode("utf-8") if b is not None else None


_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def _date_arg(d):
    """A date argument as YYYY-MM-DD bytes (the library checks it)."""
    if type(d) is datetime.date:
        return d.isoformat().encode()
    if isinstance(d, datetime.datetime):
        d = d.date()
    if isinstance(d, datetime.date):
        return ("%04d-%02d-%02d" % (d.year, d.month, d.day)).encode()
    if isinstance(d, (str, bytes)):
        return _text(d)
    raise TypeError("a date is a datetime.date or 'YYYY-MM-DD' text, not %r" % (d,))


def _day(n):
    return None if n == _ffi.NO_DAY else datetime.date.fromordinal(n + _EPOCH_ORDINAL)


_DAY_CACHE = {_ffi.NO_DAY: None}


def _days(values):
    """Day numbers → dates; each distinct day made once and kept (a million rows hold a few
    thousand days; SPEC §4's years 1900–2199 hold 110,000), then one lookup per row in C."""
    cache = _DAY_CACHE
    for n in set(values).difference(cache):
        cache[n] = datetime.date.fromordinal(n + _EPOCH_ORDINAL)
    return list(map(cache.__getitem__, values))


def version():
    """The library's version ("0.1.0")."""
    return lib.nd_version().decode()


def parse_date(text):
    """SPEC §4: exactly YYYY-MM-DD, a real day of 1900-2199, else BadDateError."""
    day = ctypes.c_int32()
    _call(lib.nd_date_parse, _text(text), ctypes.byref(day))
    return _day(day.value)


def format_date(d):
    return d.isoformat()


def today():
    """Today in local time: the CLI's default --as-of."""
    return _day(lib.nd_today())


def csv_field(field):
    """SPEC §10: a field is quoted only when it holds a comma, a quote, CR or LF."""
    if any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


# ---- bulk copies from the C ABI's columns --------------------------------------------------------


def _owned_text(fn, *args):
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    err = _ffi.Error()
    status = fn(*args, ctypes.byref(out), ctypes.byref(size), ctypes.byref(err))
    if status != 0:
        _raise(status, err)
    try:
        return ctypes.string_at(out.value, size.value).decode("utf-8")
    finally:
        lib.nd_string_free(out)


def _strings(column):
    """A string column as a list of str: one copy, one UTF-8 decode, one split (the strings are
    made in the column's order, so they lie in memory in that order)."""
    if column.count == 0:
        return []
    blob = ctypes.string_at(column.data, column.data_size).decode("utf-8")
    parts = blob.split("\0")
    parts.pop()  # after the last NUL
    return parts


def _indexed(values, indexes):
    """[values[i] for i in indexes], the loop in C."""
    return list(map(values.__getitem__, indexes))


def _array(address, count, fmt="i", size=4):
    """A C array copied in one go, as a memoryview whose items are Python ints."""
    if count == 0:
        return memoryview(b"").cast(fmt)
    return memoryview(ctypes.string_at(address, count * size)).cast(fmt)


def _ints(address, count, fmt="i", size=4):
    """A C array as a list of Python ints."""
    return _array(address, count, fmt, size).tolist()


def _ranks(fn, handle, count):
    """Each row's document as its rank (position in byte order of ids: nd_cleanup_ranks,
    nd_impact_ranks), written by the library into one buffer."""
    if count == 0:
        return memoryview(b"").cast("I")
    buf = bytearray(4 * count)
    _call(fn, handle, (ctypes.c_uint32 * count).from_buffer(buf), count)
    return memoryview(buf).cast("I")


def _pointer_out(fn, handle):
    out = ctypes.c_void_p()
    _call(fn, handle, ctypes.byref(out))
    return out.value


# ---- handles -------------------------------------------------------------------------------------


class _Handle:
    """Owns one C handle; freed by close() (or when collected)."""

    _free = None
    _kind = "handle"

    def __init__(self, handle):
        self._h = handle

    def _live(self):
        if self._h is None:
            raise ValueError("operation on a closed " + self._kind)
        return self._h

    def close(self):
        h, self._h = self._h, None
        if h is not None:
            type(self)._free(h)

    @property
    def closed(self):
        return self._h is None

    def __enter__(self):
        self._live()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def _problems_of(handle):
    """The problems of an nd_problems handle, which is freed."""
    if not handle:
        return []
    try:
        count = ctypes.c_size_t()
        _call(lib.nd_problems_count, handle, ctypes.byref(count))
        out = []
        p = _ffi.Problem()
        for i in range(count.value):
            _call(lib.nd_problems_get, handle, i, ctypes.byref(p))
            out.append(Problem(_str(p.file), p.line, _SEVERITY[p.severity], _PROBLEM[p.code], _str(p.message),
                               _str(p.subject_id)))
        return out
    finally:
        lib.nd_problems_free(handle)


def _open_with_problems(fn, *args):
    """Calls an opening function (…, out, problems, err); returns (handle, warnings)."""
    out = ctypes.c_void_p()
    problems = ctypes.c_void_p()
    err = _ffi.Error()
    status = fn(*args, ctypes.byref(out), ctypes.byref(problems), ctypes.byref(err))
    found = _problems_of(problems.value)
    if status != 0:
        _raise(status, err, found)
    return out.value, found


class Problem:
    """SPEC §7: a validation problem; str() is the CLI's line `FILE:LINE: error: CODE: message`."""

    __slots__ = ("file", "line", "severity", "code", "message", "subject")

    def __init__(self, file, line, severity, code, message, subject):
        self.file, self.line, self.severity, self.code, self.message, self.subject = (
            file, line, severity, code, message, subject)

    @property
    def is_error(self):
        return self.severity is Severity.ERROR

    def __str__(self):
        head = ""
        if self.file:
            head += self.file + ":"
        if self.line:
            head += "%d:" % self.line
        if head:
            head += " "
        return "%s%s: %s: %s" % (head, self.severity.value, self.code.value, self.message)

    def __repr__(self):
        return "Problem(%r)" % str(self)


# ---- status --------------------------------------------------------------------------------------


class DocumentStatus:
    """SPEC §5 as of a day: status, last day in force (or None), the day it ended (or None), amended."""

    __slots__ = ("status", "last_day", "ended", "amended")

    def __init__(self, status, last_day, ended, amended):
        self.status, self.last_day, self.ended, self.amended = status, last_day, ended, amended

    def __eq__(self, other):
        return isinstance(other, DocumentStatus) and (self.status, self.last_day, self.ended, self.amended) == (
            other.status, other.last_day, other.ended, other.amended)

    def __repr__(self):
        return "DocumentStatus(%s, last_day=%s, ended=%s, amended=%s)" % (self.status, self.last_day, self.ended, self.amended)


class StatusRow:
    __slots__ = ("id", "number", "status", "last_day", "ended", "amended")

    def __init__(self, id, number, status, last_day, ended, amended):
        self.id, self.number, self.status, self.last_day, self.ended, self.amended = (
            id, number, status, last_day, ended, amended)

    def __repr__(self):
        return "StatusRow(%s, %s, last_day=%s, amended=%s)" % (self.id, self.status, self.last_day, self.amended)


class _Owned(_Handle):
    """A result handle kept by a Python result for its csv()."""

    def __init__(self, handle, free, kind):
        self._free_fn = free
        self._kind = kind
        super().__init__(handle)

    def close(self):
        h, self._h = self._h, None
        if h is not None:
            self._free_fn(h)


def _in_chunks(rows):
    """Yields the row objects of `rows` (a lazy map), made in chunks (256 rows, doubling up to
    65,536: the first rows come at once, a million come in large chunks) with the cyclic garbage
    collector paused while a chunk is made, and only then. A row object is tracked by the
    collector: kept by the caller (list(result)), a million of them made one by one set off a
    collection every 700 and full ones as they pile up, five times the cost of making them. When
    the collector is off already, it is left off."""
    size = 256
    while True:
        enabled = gc.isenabled()
        if enabled:
            gc.disable()
        try:
            chunk = list(itertools.islice(rows, size))
        finally:
            if enabled:
                gc.enable()
        if not chunk:
            return
        yield from chunk
        size = min(2 * size, 65536)


class _Rows(collections.abc.Sequence):
    """A result held as columns (lists of Python values, one per field); rows are made as they are
    asked for (indexing, iterating)."""

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("row index out of range")
        return self._row(i)

    def __iter__(self):
        return _in_chunks(self._rows())

    def _rows(self):
        """Every row, in order (the columns zipped by map, in C)."""
        return map(self._row, range(len(self)))

    def __repr__(self):
        return "<%s of %d rows>" % (type(self).__name__, len(self))


class StatusList(_Rows):
    """The status of every document as of a day, by id in byte order: a sequence of StatusRow, and
    its columns ids, numbers, statuses, last_days, ended, amended (lists)."""

    def __init__(self, ids, numbers, statuses, last_days, ended, amended, owned):
        self.ids, self.numbers, self.statuses, self.last_days, self.ended, self.amended = (
            ids, numbers, statuses, last_days, ended, amended)
        self._owned = owned

    def _row(self, i):
        return StatusRow(self.ids[i], self.numbers[i], self.statuses[i], self.last_days[i], self.ended[i], self.amended[i])

    def _rows(self):
        return map(StatusRow, self.ids, self.numbers, self.statuses, self.last_days, self.ended, self.amended)

    def csv(self):
        """`normdoc status --format csv`, to the byte (rendered by the CLI's own code)."""
        return _owned_text(lib.nd_status_list_csv, self._owned._live())


# ---- clean-up ------------------------------------------------------------------------------------


class Finding:
    __slots__ = ("code", "action", "_cleanup", "_index", "_detail")

    def __init__(self, code, action, cleanup, index):
        self.code, self.action, self._cleanup, self._index, self._detail = code, action, cleanup, index, None

    @property
    def detail(self):
        """The finding in English, from its data (what the plan's detail= holds)."""
        if self._detail is None:
            self._detail = self._cleanup._detail(self._index)
        return self._detail

    def __repr__(self):
        return "Finding(%s, %s)" % (self.code, self.action)


class CleanupItem:
    """One document looked at: id, number, status, action, decided_by (for a proposed ending, the
    id of the authority that decides it, SPEC §2, else None) and its findings."""

    __slots__ = ("id", "number", "status", "action", "decided_by", "_cleanup", "_first", "_count")

    def __init__(self, id, number, status, action, decided_by, cleanup, first, count):
        self.id, self.number, self.status, self.action, self.decided_by = id, number, status, action, decided_by
        self._cleanup, self._first, self._count = cleanup, first, count

    @property
    def findings(self):
        """Its findings in the order of SPEC §6's table, each code at most once."""
        c = self._cleanup
        return [Finding(c.finding_codes[i], c.finding_actions[i], c, i) for i in range(self._first, self._first + self._count)]

    @property
    def finding_codes(self):
        return self._cleanup.finding_codes[self._first:self._first + self._count]

    def __repr__(self):
        return "CleanupItem(%s, %s, %s, %s)" % (self.id, self.status, self.action, [str(c) for c in self.finding_codes])


class ActionCounts:
    """One row of the summary by issuing authority (authority_id None for the total)."""

    __slots__ = ("authority_id", "authority_name", "counts")

    def __init__(self, authority_id, authority_name, counts):
        self.authority_id, self.authority_name, self.counts = authority_id, authority_name, counts

    def __getitem__(self, action):
        return self.counts[action]

    @property
    def total(self):
        return sum(self.counts.values())

    def __repr__(self):
        return "ActionCounts(%s, %s)" % (self.authority_id, {str(a): n for a, n in self.counts.items()})


class Cleanup(_Handle, _Rows):
    """SPEC §6: every document looked at (by id in byte order), as a sequence of CleanupItem, and
    its columns ids, numbers, statuses, actions, deciders (lists: every field of every row a Python
    value) and the findings of all rows in one flat list of codes and one of actions."""

    _free = lib.nd_cleanup_free
    _kind = "Cleanup"

    def __init__(self, handle, corpus):
        _Handle.__init__(self, handle)
        cols = _ffi.CleanupColumns()
        _call(lib.nd_cleanup_numeric_columns, handle, ctypes.byref(cols))
        n = cols.count
        # The rows' documents by rank, so that ids and numbers come from the corpus's lists in
        # byte order of ids: the rows are in that order, and the lookups walk memory forwards.
        ranks = _ranks(lib.nd_cleanup_ranks, handle, n)
        ids, numbers = corpus._ranked_strings()
        self.ids = _indexed(ids, ranks)
        self.numbers = _indexed(numbers, ranks)
        self.statuses = _indexed(_STATUS, _ints(cols.status, n))
        self.actions = _indexed(_ACTION, _ints(cols.action, n))
        # ND_NO_INDEX read as int32 is -1: the last element, None.
        deciders = _array(_pointer_out(lib.nd_cleanup_deciders, handle), n, "i")
        self.deciders = _indexed(corpus._authority_strings()[0] + [None], deciders)
        self._first = _array(cols.first_finding, n, "I")  # where each row's findings are
        self._count = _array(cols.finding_count, n, "I")
        self.finding_codes = _indexed(_FINDING, _ints(cols.finding_code, cols.findings))
        self.finding_actions = _indexed(_ACTION, _ints(cols.finding_action, cols.findings))
        day = ctypes.c_int32()
        _call(lib.nd_cleanup_as_of, handle, ctypes.byref(day))
        self.as_of = _day(day.value)
        scope = ctypes.c_char_p()
        _call(lib.nd_cleanup_scope, handle, ctypes.byref(scope))
        self.scope = _str(scope.value) or None

    def _row(self, i):
        return CleanupItem(self.ids[i], self.numbers[i], self.statuses[i], self.actions[i], self.deciders[i], self,
                           self._first[i], self._count[i])

    def _rows(self):
        return map(CleanupItem, self.ids, self.numbers, self.statuses, self.actions, self.deciders,
                   itertools.repeat(self), self._first, self._count)

    def _detail(self, index):
        f = _ffi.Finding()
        _call(lib.nd_cleanup_finding, self._live(), index, ctypes.byref(f))
        return _str(f.detail)

    @property
    def summary(self):
        """Per issuing authority in file order, then the total (authority_id None)."""
        h = self._live()
        n = ctypes.c_size_t()
        _call(lib.nd_cleanup_summary_count, h, ctypes.byref(n))
        out = []
        row = _ffi.ActionCounts()
        for i in range(n.value):
            _call(lib.nd_cleanup_summary, h, i, ctypes.byref(row))
            out.append(ActionCounts(_str(row.authority_id) or None, _str(row.authority_name) or None,
                                    {a: row.count[k] for k, a in enumerate(_ACTION)}))
        return out

    def csv(self):
        """`normdoc cleanup --format csv`, to the byte (rendered by the CLI's own code)."""
        return _owned_text(lib.nd_cleanup_csv, self._live())

    def plan_xml(self):
        """`normdoc cleanup --format xml`: the plan, with numbers and titles in comments."""
        return _owned_text(lib.nd_cleanup_plan_xml, self._live())

    def plan(self):
        out = ctypes.c_void_p()
        _call(lib.nd_plan_from_cleanup, self._live(), ctypes.byref(out))
        return Plan(out.value)


# ---- impact --------------------------------------------------------------------------------------


class ImpactEntry:
    __slots__ = ("id", "number", "depth", "status")

    def __init__(self, id, number, depth, status):
        self.id, self.number, self.depth, self.status = id, number, depth, status

    def __repr__(self):
        return "ImpactEntry(%s, depth %d, %s)" % (self.id, self.depth, self.status)


class Impact(_Rows):
    """Every document that depends on one, by depth then id: a sequence of ImpactEntry, and its
    columns ids, numbers, depths, statuses (lists)."""

    def __init__(self, ids, numbers, depths, statuses, owned):
        self.ids, self.numbers, self.depths, self.statuses = ids, numbers, depths, statuses
        self._owned = owned

    def _row(self, i):
        return ImpactEntry(self.ids[i], self.numbers[i], self.depths[i], self.statuses[i])

    def _rows(self):
        return map(ImpactEntry, self.ids, self.numbers, self.depths, self.statuses)

    def csv(self):
        """`normdoc impact --format csv`, to the byte (rendered by the CLI's own code)."""
        return _owned_text(lib.nd_impact_csv, self._owned._live())


# ---- plans ---------------------------------------------------------------------------------------


class PlanItem:
    __slots__ = ("ref", "action", "findings", "line")

    def __init__(self, ref, action, findings, line):
        self.ref, self.action, self.findings, self.line = ref, action, findings, line

    def __repr__(self):
        return "PlanItem(%s, %s)" % (self.ref, self.action)


class Plan(_Handle):
    """SPEC §8: a clean-up plan, read from XML or made from a Cleanup."""

    _free = lib.nd_plan_free
    _kind = "Plan"

    @classmethod
    def read(cls, path):
        h, _ = _open_with_problems(lib.nd_plan_read, _text(path))
        return cls(h)

    @classmethod
    def from_xml(cls, xml, file_name="<buffer>"):
        data = _text(xml)
        h, _ = _open_with_problems(lib.nd_plan_read_buffer, data, len(data), _text(file_name))
        return cls(h)

    @property
    def as_of(self):
        day = ctypes.c_int32()
        _call(lib.nd_plan_as_of, self._live(), ctypes.byref(day))
        return _day(day.value)

    @property
    def scope(self):
        s = ctypes.c_char_p()
        _call(lib.nd_plan_scope, self._live(), ctypes.byref(s))
        return _str(s.value) or None

    @property
    def items(self):
        h = self._live()
        n = ctypes.c_size_t()
        _call(lib.nd_plan_item_count, h, ctypes.byref(n))
        out = []
        item = _ffi.PlanItem()
        f = _ffi.PlanFinding()
        for i in range(n.value):
            _call(lib.nd_plan_item_get, h, i, ctypes.byref(item))
            findings = []
            for k in range(item.finding_count):
                _call(lib.nd_plan_finding_get, h, i, k, ctypes.byref(f))
                findings.append((_FINDING[f.code], _str(f.detail)))
            out.append(PlanItem(_str(item.ref), _ACTION[item.action], findings, item.line))
        return out

    def xml(self):
        return _owned_text(lib.nd_plan_write, self._live())


class Decision:
    """The decision document applying a plan creates (SPEC §6)."""

    def __init__(self, id, number, title, issuers, date, kind=None):
        self.id, self.number, self.title, self.date, self.kind = id, number, title, date, kind
        self.issuers = [issuers] if isinstance(issuers, str) else list(issuers)

    def _c(self):
        issuers = (ctypes.c_char_p * max(1, len(self.issuers)))(*[_text(i) for i in self.issuers])
        d = _ffi.Decision(_text(self.id), _text(self.number), _text(self.title), issuers, len(self.issuers),
                          _date_arg(self.date), _text(self.kind))
        return d, issuers  # the array lives as long as the caller holds it


# ---- the corpus ----------------------------------------------------------------------------------


class Corpus(_Handle):
    """A validated corpus (SPEC §7), from corpus XML or a registry snapshot (SPEC §12). A context
    manager; after close() every call raises ValueError. `problems`: the warnings it opened with."""

    _free = lib.nd_corpus_free
    _kind = "Corpus"

    def __init__(self, handle, problems=()):
        super().__init__(handle)
        self.problems = list(problems)
        self._ranked = None
        self._authorities = None

    def _ranked_strings(self):
        """Every document's id and number by rank (byte order of ids: the rows of a status list),
        decoded once per corpus and shared, read-only, by its results. Taken from one status list's
        string columns (the C ABI's way to get them in that order: bulk_into.cpp)."""
        if self._ranked is None:
            out = ctypes.c_void_p()
            _call(lib.nd_status_all, self._live(), b"2000-01-01", ctypes.byref(out))
            try:
                cols = _ffi.StatusColumns()
                _call(lib.nd_status_list_columns, out.value, ctypes.byref(cols))
                self._ranked = (_strings(cols.ids), _strings(cols.numbers))
            finally:
                lib.nd_status_list_free(out.value)
        return self._ranked

    def _authority_strings(self):
        if self._authorities is None:
            ids, names = _ffi.StringColumn(), _ffi.StringColumn()
            _call(lib.nd_corpus_authority_ids, self._live(), ctypes.byref(ids), ctypes.byref(names))
            self._authorities = (_strings(ids), _strings(names))
        return self._authorities

    @classmethod
    def open(cls, path):
        """Opens and validates a corpus file: InvalidCorpusError (with .problems) when it has errors,
        IoError (an OSError) when it cannot be read."""
        h, warnings = _open_with_problems(lib.nd_corpus_open, _text(path))
        return cls(h, warnings)

    @classmethod
    def from_xml(cls, xml, file_name="<buffer>"):
        data = _text(xml)
        h, warnings = _open_with_problems(lib.nd_corpus_open_buffer, data, len(data), _text(file_name))
        return cls(h, warnings)

    def __len__(self):
        n = ctypes.c_size_t()
        _call(lib.nd_corpus_document_count, self._live(), ctypes.byref(n))
        return n.value

    @property
    def authority_count(self):
        n = ctypes.c_size_t()
        _call(lib.nd_corpus_authority_count, self._live(), ctypes.byref(n))
        return n.value

    def resolve(self, id_or_number):
        """SPEC §10: the id of the document with this id, or of the one holding this 发文字号."""
        out = ctypes.c_char_p()
        _call(lib.nd_corpus_resolve, self._live(), _text(id_or_number), ctypes.byref(out))
        return _str(out.value)

    def status_of(self, doc, as_of):
        """SPEC §5: the DocumentStatus of one document (id or 发文字号) as of a day."""
        s = _ffi.DocStatus()
        _call(lib.nd_corpus_status_of, self._live(), _text(doc), _date_arg(as_of), ctypes.byref(s))
        return DocumentStatus(_STATUS[s.status], _day(s.last_day), _day(s.ended), bool(s.amended))

    def status(self, as_of):
        """The status of every document as of a day: a StatusList (by id in byte order)."""
        out = ctypes.c_void_p()
        _call(lib.nd_status_all, self._live(), _date_arg(as_of), ctypes.byref(out))
        owned = _Owned(out.value, lib.nd_status_list_free, "StatusList")
        cols = _ffi.StatusColumns()
        _call(lib.nd_status_list_numeric_columns, owned._h, ctypes.byref(cols))
        n = cols.count
        ids, numbers = self._ranked_strings()  # row i is the document of rank i
        if len(ids) != n:
            raise InternalError("status list of %d rows for %d documents" % (n, len(ids)))
        return StatusList(ids, numbers, _indexed(_STATUS, _ints(cols.status, n)),
                          _days(_ints(cols.last_day, n)), _days(_ints(cols.ended, n)),
                          list(map(bool, _array(cols.amended, n, "B", 1))), owned)

    def cleanup(self, as_of, scope=None):
        """SPEC §6: the clean-up as of a day of the documents of authority `scope` (all when None)."""
        out = ctypes.c_void_p()
        _call(lib.nd_cleanup_run, self._live(), _date_arg(as_of), _text(scope), ctypes.byref(out))
        return Cleanup(out.value, self)

    def impact(self, doc, as_of):
        """SPEC §10: every document resting on `doc` through based-on / implements, transitively."""
        out = ctypes.c_void_p()
        _call(lib.nd_impact_run, self._live(), _text(doc), _date_arg(as_of), ctypes.byref(out))
        owned = _Owned(out.value, lib.nd_impact_free, "Impact")
        cols = _ffi.ImpactColumns()
        _call(lib.nd_impact_numeric_columns, owned._h, ctypes.byref(cols))
        n = cols.count
        ranks = _ranks(lib.nd_impact_ranks, owned._h, n)
        ids, numbers = self._ranked_strings()
        return Impact(_indexed(ids, ranks), _indexed(numbers, ranks), _ints(cols.depth, n, "I"),
                      _indexed(_STATUS, _ints(cols.status, n)), owned)

    def apply(self, plan, decision, only_competent=False):
        """SPEC §6: the corpus with the decision that ends what the plan (a Plan or a Cleanup) says.
        InvalidPlanError (with .problems) when it cannot be applied."""
        d, keep = decision._c()
        flags = 1 if only_competent else 0
        fn = lib.nd_cleanup_apply if isinstance(plan, Cleanup) else lib.nd_plan_apply
        h, warnings = _open_with_problems(fn, self._live(), plan._live(), ctypes.byref(d), flags)
        del keep
        return Corpus(h, warnings)

    def xml(self):
        """Corpus XML format 1 (SPEC §7)."""
        return _owned_text(lib.nd_corpus_write, self._live())

    def save(self, path):
        """Saves the corpus XML atomically."""
        _call(lib.nd_corpus_save, self._live(), _text(path))

    def dot(self, as_of, root=None, depth=2):
        """SPEC §10 graph: Graphviz DOT."""
        return _owned_text(lib.nd_corpus_dot, self._live(), _date_arg(as_of), _text(root), depth)


# ---- building a corpus in code -------------------------------------------------------------------


class Builder(_Handle):
    """The CorpusBuilder: authorities and documents added in code, built through the validator.

        b = normdoc.Builder()
        b.authority("jy-kjj", "江阴市科学技术局", "department", level="county")
        b.document("d1", "normative", "关于…的通知").issuer("jy-kjj").dates("2018-05-10", "2018-06-01")
        corpus = b.build()
    """

    _free = lib.nd_builder_free
    _kind = "Builder"

    def __init__(self):
        out = ctypes.c_void_p()
        _call(lib.nd_builder_new, ctypes.byref(out))
        super().__init__(out.value)

    def profile(self, years=5, trial_years=2, consultation_min_days=30, filing_within_days=30, expiry_review_months=6):
        _call(lib.nd_builder_profile, self._live(), years, trial_years, consultation_min_days, filing_within_days,
              expiry_review_months)
        return self

    def authority(self, id, name, kind, level=None, parent=None, abolished=None, successor=None):
        _call(lib.nd_builder_authority, self._live(), _text(id), _text(name), _text(kind), _text(level), _text(parent),
              None if abolished is None else _date_arg(abolished), _text(successor))
        return self

    def document(self, id, kind, title):
        """Adds a document; the calls after it (issuer, dates, based_on …) are about it."""
        _call(lib.nd_builder_document, self._live(), _text(id), _text(kind), _text(title))
        return self

    def number(self, number):
        _call(lib.nd_builder_doc_number, self._live(), _text(number))
        return self

    def trial(self, trial=True):
        _call(lib.nd_builder_doc_trial, self._live(), 1 if trial else 0)
        return self

    def issuer(self, authority):
        _call(lib.nd_builder_doc_issuer, self._live(), _text(authority))
        return self

    def drafter(self, authority):
        _call(lib.nd_builder_doc_drafter, self._live(), _text(authority))
        return self

    def subject(self, subject):
        _call(lib.nd_builder_doc_subject, self._live(), _text(subject))
        return self

    def dates(self, published=None, effective=None, expires=None):
        a = [None if d is None else _date_arg(d) for d in (published, effective, expires)]
        _call(lib.nd_builder_doc_dates, self._live(), *a)
        return self

    def relation(self, kind, target, date=None, until=None):
        _call(lib.nd_builder_doc_relation, self._live(), _text(kind), _text(target),
              None if date is None else _date_arg(date), None if until is None else _date_arg(until))
        return self

    def based_on(self, target):
        return self.relation("based-on", target)

    def implements(self, target):
        return self.relation("implements", target)

    def repeals(self, target, date=None):
        return self.relation("repeals", target, date)

    def amends(self, target, date=None):
        return self.relation("amends", target, date)

    def step(self, step, date):
        _call(lib.nd_builder_doc_step, self._live(), _text(step), _date_arg(date))
        return self

    def consultation(self, start, end):
        _call(lib.nd_builder_doc_consultation, self._live(), _date_arg(start), _date_arg(end))
        return self

    def legality_review(self, date, outcome="lawful", by=None):
        _call(lib.nd_builder_doc_legality_review, self._live(), _date_arg(date), _text(outcome), _text(by))
        return self

    def collective_decision(self, date, outcome="adopted", body=None):
        _call(lib.nd_builder_doc_collective_decision, self._live(), _date_arg(date), _text(outcome), _text(body))
        return self

    def filing(self, date, with_=None):
        _call(lib.nd_builder_doc_filing, self._live(), _date_arg(date), _text(with_))
        return self

    def event(self, type, date, source=None):
        _call(lib.nd_builder_doc_event, self._live(), _text(type), _date_arg(date), _text(source))
        return self

    def build(self):
        """Validates and builds: a Corpus, or InvalidCorpusError with the problems."""
        h, warnings = _open_with_problems(lib.nd_builder_build, self._live())
        return Corpus(h, warnings)
