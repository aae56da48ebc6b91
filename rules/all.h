// Every rule's accessor. Add a new rule here and in the table in registry.cpp.
#pragma once

#include "stacklint/rule.h"

namespace stacklint::rules {

const Rule& iam001();
const Rule& iam002();
const Rule& iam003();
const Rule& iam004();
const Rule& net001();
const Rule& net002();
const Rule& net003();
const Rule& net004();
const Rule& par001();
const Rule& par002();
const Rule& par003();
const Rule& par004();
const Rule& par005();
const Rule& par006();
const Rule& par007();
const Rule& par008();
const Rule& par009();
const Rule& par010();
const Rule& par011();
const Rule& par012();
const Rule& ref001();
const Rule& ref002();
const Rule& ref003();
const Rule& ref004();
const Rule& ref005();
const Rule& ref006();
const Rule& ref007();
const Rule& ref008();
const Rule& ref009();
const Rule& ref010();
const Rule& sch001();
const Rule& sch002();
const Rule& sch003();
const Rule& sch004();
const Rule& sch005();
const Rule& sch006();
const Rule& sch007();
const Rule& sch008();
const Rule& sch009();
const Rule& sec001();
const Rule& sec002();
const Rule& sec003();
const Rule& sec004();
const Rule& sec005();
const Rule& chg001();
const Rule& chg002();
const Rule& chg003();
const Rule& chg004();
const Rule& dat001();
const Rule& dat002();
const Rule& dat003();
const Rule& dat004();

}  // namespace stacklint::rules
