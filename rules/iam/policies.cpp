#include "rules/iam/policies.h"

namespace stacklint::rules {
namespace {

struct Location {
  std::string_view type;
  std::string_view path;  // '/'-separated, '*' = every list element
  PolicyStatement::Kind kind;
};

constexpr Location kLocations[] = {
    {"AWS::IAM::Role", "Policies/*/PolicyDocument", PolicyStatement::Kind::Identity},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyStatement::Kind::Trust},
    {"AWS::IAM::User", "Policies/*/PolicyDocument", PolicyStatement::Kind::Identity},
    {"AWS::IAM::Group", "Policies/*/PolicyDocument", PolicyStatement::Kind::Identity},
    {"AWS::IAM::Policy", "PolicyDocument", PolicyStatement::Kind::Identity},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyStatement::Kind::Identity},
    {"AWS::S3::BucketPolicy", "PolicyDocument", PolicyStatement::Kind::Resource},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", PolicyStatement::Kind::Resource},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", PolicyStatement::Kind::Resource},
    {"AWS::KMS::Key", "KeyPolicy", PolicyStatement::Kind::Resource},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", PolicyStatement::Kind::Resource},
    {"AWS::ECR::Repository", "RepositoryPolicyText", PolicyStatement::Kind::Resource},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", PolicyStatement::Kind::Resource},
    {"AWS::Elasticsearch::Domain", "AccessPolicies", PolicyStatement::Kind::Resource},
};

void statements(const Template& tpl, const Node& n, const PolicyStatement& base,
                const std::function<void(const PolicyStatement&)>& f, int depth) {
  if (depth > 16) return;
  if (n.intrinsic_name() == "Fn::If") {
    const Node& a = n.intrinsic_arg();
    if (a.is_sequence() && a.items.size() == 3 && a.items[0].is_scalar()) {
      Evaluator& ev = tpl.evaluator();
      const Bdd::Ref c = ev.condition(a.items[0].text);
      PolicyStatement yes = base, no = base;
      yes.when = ev.bdd().conj(base.when, c);
      no.when = ev.bdd().conj(base.when, ev.bdd().neg(c));
      statements(tpl, a.items[1], yes, f, depth + 1);
      statements(tpl, a.items[2], no, f, depth + 1);
    }
    return;
  }
  if (n.is_sequence()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      PolicyStatement s = base;
      s.path = path_join(base.path, std::to_string(i));
      statements(tpl, n.items[i], s, f, depth + 1);
    }
    return;
  }
  if (!n.is_mapping() || !n.intrinsic_name().empty()) return;
  PolicyStatement s = base;
  s.node = &n;
  f(s);
}

void documents(const Template& tpl, const Node& n, std::string_view path,
               const std::string& logical, const PolicyStatement& base,
               const std::function<void(const PolicyStatement&)>& f) {
  if (path.empty()) {
    const Node* st = n.get("Statement");
    if (!st) return;
    PolicyStatement s = base;
    s.path = path_join(logical, "Statement");
    statements(tpl, *st, s, f, 0);
    return;
  }
  const auto slash = path.find('/');
  const std::string_view head = path.substr(0, slash);
  const std::string_view rest = slash == std::string_view::npos ? "" : path.substr(slash + 1);
  if (head == "*") {
    if (!n.is_sequence()) return;
    for (size_t i = 0; i < n.items.size(); ++i) {
      documents(tpl, n.items[i], rest, path_join(logical, std::to_string(i)), base, f);
    }
    return;
  }
  if (const Node* child = n.get(head))
    documents(tpl, *child, rest, path_join(logical, head), base, f);
}

}  // namespace

void for_each_statement(const Template& tpl, const std::function<void(const PolicyStatement&)>& f) {
  for (const auto& r : tpl.resources()) {
    if (!r.properties || !r.properties->is_mapping()) continue;
    for (const auto& loc : kLocations) {
      if (loc.type != r.type_name) continue;
      PolicyStatement base{loc.kind,
                           &r,
                           nullptr,
                           "",
                           r.type_name == "AWS::KMS::Key",
                           tpl.evaluator().exists(r.name)};
      documents(tpl, *r.properties, loc.path, path_join(r.path, "Properties"), base, f);
    }
  }
}

std::vector<FieldValue> field_values(const Template& tpl, const PolicyStatement& s,
                                     std::string_view field) {
  std::vector<FieldValue> out;
  const Node* n = s.node->get(field);
  if (!n) return out;
  Evaluator& ev = tpl.evaluator();
  auto add = [&](const Node& item) {
    for (const auto& p : ev.evaluate(item, s.when)) {
      if (p.value.is_literal()) {
        out.push_back({p.value.literal(), &item, p.when});
      } else if (p.value.kind == Value::Kind::List) {
        for (const auto& v : p.value.items) {
          if (v.is_literal()) out.push_back({v.literal(), &item, p.when});
        }
      }
    }
  };
  if (n->is_sequence()) {
    for (const auto& item : n->items) add(item);
  } else {
    add(*n);
  }
  return out;
}

bool allows(const Template& tpl, const PolicyStatement& s) {
  for (const auto& e : field_values(tpl, s, "Effect")) {
    if (e.text == "Allow") return true;
  }
  return false;
}

bool has_condition(const PolicyStatement& s) {
  const Node* c = s.node->get("Condition");
  return c && !(c->is_mapping() && c->entries.empty());
}

const Node* wildcard_principal(const Template& tpl, const PolicyStatement& s) {
  const Node* p = s.node->get("Principal");
  if (!p) return nullptr;
  if (p->is_scalar()) return p->text == "*" ? p : nullptr;
  if (const Node* aws = p->get("AWS")) {
    for (const auto& v : tpl.evaluator().evaluate(*aws, s.when)) {
      if (v.value.is_literal() && v.value.literal() == "*") return aws;
      if (v.value.kind == Value::Kind::List) {
        for (const auto& item : v.value.items) {
          if (item.is_literal() && item.literal() == "*") return aws;
        }
      }
    }
  }
  return nullptr;
}

}  // namespace stacklint::rules
