// normdoc apply REGISTRY PLAN … (SPEC §12): the registry branch of `apply` (apply.cpp).
#pragma once

#include "options.hpp"

#include "normdoc/plan.hpp"

namespace normdoc::cli {

// Without -o: the plan applied to REGISTRY in place (one journal record). With -o OUT: a new
// snapshot OUT with the decision, REGISTRY left as it was.
int run_apply_registry(const Args& args, const Decision& decision, const ApplyOptions& options);

}  // namespace normdoc::cli
