// The one table of rules, sorted by id (a unit test keeps it sorted and unique).
#include "stacklint/registry.h"

#include <array>
#include <cctype>

#include "rules/all.h"

namespace stacklint {

std::span<const Rule* const> all_rules() {
  // std::to_array sizes the table from the list, so no slot can be left null.
  static const auto kRules = std::to_array<const Rule*>({
      &rules::chg001(), &rules::chg002(), &rules::chg003(), &rules::chg004(),  //
      &rules::dat001(), &rules::dat002(), &rules::dat003(), &rules::dat004(),  //
      &rules::iam001(), &rules::iam002(), &rules::iam003(), &rules::iam004(),  //
      &rules::net001(), &rules::net002(), &rules::net003(), &rules::net004(),  //
      &rules::par001(), &rules::par002(), &rules::par003(), &rules::par004(),  //
      &rules::par005(), &rules::par006(), &rules::par007(), &rules::par008(),  //
      &rules::par009(), &rules::par010(), &rules::par011(), &rules::par012(),  //
      &rules::ref001(), &rules::ref002(), &rules::ref003(), &rules::ref004(),  //
      &rules::ref005(), &rules::ref006(), &rules::ref007(), &rules::ref008(),  //
      &rules::ref009(), &rules::ref010(),                                      //
      &rules::sch001(), &rules::sch002(), &rules::sch003(), &rules::sch004(),  //
      &rules::sch005(), &rules::sch006(), &rules::sch007(), &rules::sch008(),  //
      &rules::sch009(), &rules::sec001(), &rules::sec002(), &rules::sec003(),  //
      &rules::sec004(), &rules::sec005(),
  });
  return kRules;
}

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* r : all_rules()) {
    const auto id = r->meta().id;
    bool same_id = id.size() == id_or_name.size();
    for (size_t i = 0; same_id && i < id.size(); ++i) {
      same_id = std::toupper(static_cast<unsigned char>(id_or_name[i])) == id[i];
    }
    if (same_id || r->meta().name == id_or_name) return r;
  }
  return nullptr;
}

}  // namespace stacklint
