#pragma once

#include "stacklint/linter.h"

namespace stacklint {

// Reports CHG001-CHG004 for the changes from `old_tpl` to `new_tpl`.
void report_changes(const Template& old_tpl, const Template& new_tpl, const LintOptions& options,
                    Sink& sink);

}  // namespace stacklint
