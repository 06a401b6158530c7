"""ctypes declarations of the C ABI (include/normdoc/normdoc.h), loaded from libnormdoc_c.so.

The library is found, in this order, at $NORMDOC_C_LIBRARY, beside this package, in the build
trees of the source checkout this package lives in (build/release, build/dev), then by the
loader's own search (ldconfig, LD_LIBRARY_PATH)."""

import ctypes
import os
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int, c_int32, c_size_t, c_uint8, c_uint32,
                    c_uint64, c_void_p)

ABI_VERSION = 1
ERROR_MESSAGE_SIZE = 1024
NO_DAY = -(2 ** 31)


class Error(Structure):
    _fields_ = [("code", c_int32), ("message", c_char * ERROR_MESSAGE_SIZE)]


class StringColumn(Structure):
    _fields_ = [("data", c_void_p), ("offsets", c_void_p), ("count", c_size_t), ("data_size", c_size_t)]


class Problem(Structure):
    _fields_ = [("file", c_char_p), ("line", c_uint64), ("severity", c_int32), ("code", c_int32),
                ("code_name", c_char_p), ("message", c_char_p), ("subject_id", c_char_p)]


class DocStatus(Structure):
    _fields_ = [("status", c_int32), ("last_day", c_int32), ("ended", c_int32), ("amended", c_int32)]


class StatusColumns(Structure):
    _fields_ = [("count", c_size_t), ("ids", StringColumn), ("numbers", StringColumn), ("status", c_void_p),
                ("last_day", c_void_p), ("ended", c_void_p), ("amended", c_void_p)]


class CleanupItem(Structure):
    _fields_ = [("id", c_char_p), ("number", c_char_p), ("status", c_int32), ("action", c_int32),
                ("decided_by", c_char_p), ("first_finding", c_uint32), ("finding_count", c_uint32)]


class Finding(Structure):
    _fields_ = [("code", c_int32), ("action", c_int32), ("detail", c_char_p)]


class CleanupColumns(Structure):
    _fields_ = [("count", c_size_t), ("ids", StringColumn), ("numbers", StringColumn), ("status", c_void_p),
                ("action", c_void_p), ("first_finding", c_void_p), ("finding_count", c_void_p),
                ("findings", c_size_t), ("finding_code", c_void_p), ("finding_action", c_void_p),
                ("finding_details", StringColumn)]


class ActionCounts(Structure):
    _fields_ = [("authority_id", c_char_p), ("authority_name", c_char_p), ("count", c_uint32 * 5)]


class ImpactColumns(Structure):
    _fields_ = [("count", c_size_t), ("ids", StringColumn), ("numbers", StringColumn), ("depth", c_void_p),
                ("status", c_void_p)]


class PlanItem(Structure):
    _fields_ = [("ref", c_char_p), ("action", c_int32), ("finding_count", c_uint32), ("line", c_uint64)]


class PlanFinding(Structure):
    _fields_ = [("code", c_int32), ("detail", c_char_p)]


class Decision(Structure):
    _fields_ = [("id", c_char_p), ("number", c_char_p), ("title", c_char_p), ("issuers", POINTER(c_char_p)),
                ("issuer_count", c_size_t), ("date", c_char_p), ("kind", c_char_p)]


def _candidates():
    env = os.environ.get("NORMDOC_C_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, "libnormdoc_c.so")
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    for preset in ("release", "dev"):
        yield os.path.join(root, "build", preset, "libnormdoc_c.so")
    yield "libnormdoc_c.so.0"


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("normdoc: cannot load libnormdoc_c.so; tried: " + "; ".join(tried) +
                      " (build it: cmake --build --preset release --target normdoc_c_shared, or set NORMDOC_C_LIBRARY)")


lib = _load()

_E = POINTER(Error)
_h = c_void_p
_pp = POINTER(c_void_p)
_out_str = POINTER(c_void_p)
_sz = POINTER(c_size_t)

_SIGNATURES = {
    "nd_status_name": (c_char_p, [c_int32]),
    "nd_exit_code": (c_int, [c_int32]),
    "nd_version": (c_char_p, []),
    "nd_abi_version": (c_int, []),
    "nd_enum_name": (c_char_p, [c_int32, c_int32]),
    "nd_date_parse": (c_int32, [c_char_p, POINTER(c_int32), _E]),
    "nd_date_format": (c_int32, [c_int32, c_char_p, _E]),
    "nd_today": (c_int32, []),
    "nd_string_free": (None, [c_void_p]),
    "nd_problems_free": (None, [_h]),
    "nd_problems_count": (c_int32, [_h, _sz, _E]),
    "nd_problems_get": (c_int32, [_h, c_size_t, POINTER(Problem), _E]),
    "nd_problems_text": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_corpus_open": (c_int32, [c_char_p, _pp, _pp, _E]),
    "nd_corpus_open_buffer": (c_int32, [c_char_p, c_size_t, c_char_p, _pp, _pp, _E]),
    "nd_corpus_free": (None, [_h]),
    "nd_corpus_document_count": (c_int32, [_h, _sz, _E]),
    "nd_corpus_authority_count": (c_int32, [_h, _sz, _E]),
    "nd_corpus_resolve": (c_int32, [_h, c_char_p, POINTER(c_char_p), _E]),
    "nd_corpus_write": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_corpus_save": (c_int32, [_h, c_char_p, _E]),
    "nd_corpus_dot": (c_int32, [_h, c_char_p, c_char_p, c_uint32, _out_str, _sz, _E]),
    "nd_corpus_status_of": (c_int32, [_h, c_char_p, c_char_p, POINTER(DocStatus), _E]),
    "nd_status_all": (c_int32, [_h, c_char_p, _pp, _E]),
    "nd_status_list_free": (None, [_h]),
    "nd_status_list_columns": (c_int32, [_h, POINTER(StatusColumns), _E]),
    "nd_status_list_csv": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_cleanup_run": (c_int32, [_h, c_char_p, c_char_p, _pp, _E]),
    "nd_cleanup_free": (None, [_h]),
    "nd_cleanup_as_of": (c_int32, [_h, POINTER(c_int32), _E]),
    "nd_cleanup_scope": (c_int32, [_h, POINTER(c_char_p), _E]),
    "nd_cleanup_get": (c_int32, [_h, c_size_t, POINTER(CleanupItem), _E]),
    "nd_cleanup_finding": (c_int32, [_h, c_size_t, POINTER(Finding), _E]),
    "nd_cleanup_columns_get": (c_int32, [_h, POINTER(CleanupColumns), _E]),
    "nd_cleanup_columns_without_details": (c_int32, [_h, POINTER(CleanupColumns), _E]),
    "nd_cleanup_count": (c_int32, [_h, _sz, _E]),
    "nd_cleanup_summary_count": (c_int32, [_h, _sz, _E]),
    "nd_cleanup_summary": (c_int32, [_h, c_size_t, POINTER(ActionCounts), _E]),
    "nd_cleanup_csv": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_cleanup_plan_xml": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_impact_run": (c_int32, [_h, c_char_p, c_char_p, _pp, _E]),
    "nd_impact_free": (None, [_h]),
    "nd_impact_columns_get": (c_int32, [_h, POINTER(ImpactColumns), _E]),
    "nd_impact_csv": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_plan_from_cleanup": (c_int32, [_h, _pp, _E]),
    "nd_plan_read": (c_int32, [c_char_p, _pp, _pp, _E]),
    "nd_plan_read_buffer": (c_int32, [c_char_p, c_size_t, c_char_p, _pp, _pp, _E]),
    "nd_plan_free": (None, [_h]),
    "nd_plan_write": (c_int32, [_h, _out_str, _sz, _E]),
    "nd_plan_as_of": (c_int32, [_h, POINTER(c_int32), _E]),
    "nd_plan_scope": (c_int32, [_h, POINTER(c_char_p), _E]),
    "nd_plan_item_count": (c_int32, [_h, _sz, _E]),
    "nd_plan_item_get": (c_int32, [_h, c_size_t, POINTER(PlanItem), _E]),
    "nd_plan_finding_get": (c_int32, [_h, c_size_t, c_size_t, POINTER(PlanFinding), _E]),
    "nd_plan_apply": (c_int32, [_h, _h, POINTER(Decision), c_uint32, _pp, _pp, _E]),
    "nd_cleanup_apply": (c_int32, [_h, _h, POINTER(Decision), c_uint32, _pp, _pp, _E]),
    "nd_corpus_document_ids": (c_int32, [_h, POINTER(StringColumn), POINTER(StringColumn), _E]),
    "nd_corpus_authority_ids": (c_int32, [_h, POINTER(StringColumn), POINTER(StringColumn), _E]),
    "nd_status_list_documents": (c_int32, [_h, POINTER(c_void_p), _E]),
    "nd_cleanup_documents": (c_int32, [_h, POINTER(c_void_p), _E]),
    "nd_impact_documents": (c_int32, [_h, POINTER(c_void_p), _E]),
    "nd_cleanup_deciders": (c_int32, [_h, POINTER(c_void_p), _E]),
    "nd_cleanup_ranks": (c_int32, [_h, POINTER(c_uint32), c_size_t, _E]),
    "nd_impact_ranks": (c_int32, [_h, POINTER(c_uint32), c_size_t, _E]),
    "nd_status_list_numeric_columns": (c_int32, [_h, POINTER(StatusColumns), _E]),
    "nd_cleanup_numeric_columns": (c_int32, [_h, POINTER(CleanupColumns), _E]),
    "nd_impact_numeric_columns": (c_int32, [_h, POINTER(ImpactColumns), _E]),
    "nd_builder_new": (c_int32, [_pp, _E]),
    "nd_builder_free": (None, [_h]),
    "nd_builder_profile": (c_int32, [_h, c_int32, c_int32, c_int32, c_int32, c_int32, _E]),
    "nd_builder_authority": (c_int32, [_h, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_document": (c_int32, [_h, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_doc_number": (c_int32, [_h, c_char_p, _E]),
    "nd_builder_doc_trial": (c_int32, [_h, c_int, _E]),
    "nd_builder_doc_issuer": (c_int32, [_h, c_char_p, _E]),
    "nd_builder_doc_drafter": (c_int32, [_h, c_char_p, _E]),
    "nd_builder_doc_subject": (c_int32, [_h, c_char_p, _E]),
    "nd_builder_doc_dates": (c_int32, [_h, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_doc_relation": (c_int32, [_h, c_char_p, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_doc_step": (c_int32, [_h, c_char_p, c_char_p, _E]),
    "nd_builder_doc_consultation": (c_int32, [_h, c_char_p, c_char_p, _E]),
    "nd_builder_doc_legality_review": (c_int32, [_h, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_doc_collective_decision": (c_int32, [_h, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_doc_filing": (c_int32, [_h, c_char_p, c_char_p, _E]),
    "nd_builder_doc_event": (c_int32, [_h, c_char_p, c_char_p, c_char_p, _E]),
    "nd_builder_build": (c_int32, [_h, _pp, _pp, _E]),
}

for _name, (_res, _args) in _SIGNATURES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

if lib.nd_abi_version() != ABI_VERSION:
    raise ImportError("normdoc: libnormdoc_c has ABI version %d, this binding speaks %d" % (lib.nd_abi_version(), ABI_VERSION))
