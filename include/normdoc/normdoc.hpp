// normdoc: the lifecycle of normative documents (规范性文件). Umbrella header.
#pragma once

#include "normdoc/authority.hpp"
#include "normdoc/builder.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/graph.hpp"
#include "normdoc/id.hpp"
#include "normdoc/io.hpp"
#include "normdoc/number.hpp"
#include "normdoc/problem.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/status.hpp"
#include "normdoc/version.hpp"
