// Parameter values supplied by the user: `--parameters FILE` or `--parameters Key=Value`.
#pragma once

#include <string>

#include "stacklint/eval.h"

namespace stacklint {

// Adds the values of one `--parameters` argument to `out`. The argument is either `Key=Value`
// (when no file of that name exists) or a file holding one of:
//   - the AWS CLI form: [{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]
//   - {"Parameters": {"Env": "prod", ...}} (CodePipeline's template configuration)
//   - Key=Value pairs separated by white space or new lines (`--parameter-overrides` style)
// Returns false with a message naming the file and the position of the problem.
bool load_parameters(const std::string& arg, ParameterValues& out, std::string* error);

}  // namespace stacklint
