// The order of the annex's rows (SPEC §13): by first issuer, then by 发文字号 (agency prefix, then
// year and serial as numbers, so 〔2013〕6号 comes before 〔2013〕15号), documents without a number
// last, by id.
// It is the one order of 文号, include/normdoc/document_order.hpp (in_document_order).
#pragma once

#include "normdoc/cleanup.hpp"

#include <vector>

namespace normdoc::report {

void order_by_number(const Corpus& corpus, std::vector<const CleanupItem*>& items);

}  // namespace normdoc::report
