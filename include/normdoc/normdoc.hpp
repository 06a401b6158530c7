// normdoc: the lifecycle of normative documents (规范性文件). Umbrella header: everything but
// normdoc/graph.hpp (the relation graph as a Boost.Graph, for your own algorithms: include it
// where you want it, it costs more to compile than all the rest), normdoc/generate.hpp (synthetic
// corpora for tests and benchmarks: its progress callback is a std::function, whose header costs
// as much as the rest), normdoc/draft.hpp and normdoc/draft_reader.hpp (the corpus as read, before
// validation, for code that makes or edits drafts itself; CorpusBuilder builds one in code) and
// normdoc/normdoc.h (the C ABI).
#pragma once

#include "normdoc/akn.hpp"
#include "normdoc/annual.hpp"
#include "normdoc/atomic_file.hpp"
#include "normdoc/authority.hpp"
#include "normdoc/builder.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/competence.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/deadlines.hpp"
#include "normdoc/document.hpp"
#include "normdoc/document_order.hpp"
#include "normdoc/dot.hpp"
#include "normdoc/id.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"
#include "normdoc/number.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/problem.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/registry.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/status.hpp"
#include "normdoc/version.hpp"
