// The typed template model: the sections and resources of a CloudFormation template, each
// element pointing at its nodes in the located tree and knowing its logical path
// (`Resources/Database/Properties/MasterUserPassword`). The model is tolerant: an element of the
// wrong shape is left out (or its field left null) and the PAR rules report the shape problem.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stacklint/eval.h"
#include "stacklint/node.h"
#include "stacklint/reader.h"

namespace stacklint {

// A named entry of a section (a parameter, mapping, condition, rule, output, resource).
struct NamedEntry {
  std::string_view name;
  const Node* key = nullptr;    // the name as written
  const Node* value = nullptr;  // its definition
  std::string path;             // logical path, e.g. "Parameters/DbPassword"
};

struct Parameter : NamedEntry {
  const Node* type = nullptr;
  const Node* default_value = nullptr;
  const Node* no_echo = nullptr;
  const Node* allowed_values = nullptr;
};

struct Resource : NamedEntry {
  const Node* type = nullptr;  // the Type node
  std::string_view type_name;  // the Type when it is a string, else empty
  const Node* properties = nullptr;
  const Node* depends_on = nullptr;
  const Node* condition = nullptr;
  const Node* deletion_policy = nullptr;
  const Node* update_replace_policy = nullptr;
  const Node* metadata = nullptr;
  const Node* creation_policy = nullptr;
  const Node* update_policy = nullptr;

  // The entry for a resource attribute (`DeletionPolicy`, ...) so rules can point at its key.
  const Entry* attribute(std::string_view attribute_name) const {
    return value->find_entry(attribute_name);
  }
};

struct Output : NamedEntry {
  const Node* output_value = nullptr;
  const Node* export_ = nullptr;
  const Node* condition = nullptr;
};

// A top-level section as written.
struct Section {
  std::string_view name;
  const Node* key = nullptr;
  const Node* value = nullptr;
};

class Template {
 public:
  // Builds the model over a document; the document (and `parameters`, if given: values the
  // user supplies for the template's parameters) must outlive the template.
  explicit Template(const Document& doc, const ParameterValues* parameters = nullptr);
  ~Template();
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  // The symbolic evaluator over this template, built on first use.
  Evaluator& evaluator() const;
  const ParameterValues& parameter_values() const;

  // A rule option ("NET001", "allowed-ports"), or `fallback` when none was given.
  std::string_view rule_option(std::string_view rule, std::string_view key,
                               std::string_view fallback) const;
  void set_rule_options(const std::map<std::string, std::string, std::less<>>* options) {
    rule_options_ = options;
  }

  const Document& document() const { return *doc_; }
  // The root mapping, or nullptr when the document could not be read or is not a mapping.
  const Node* root() const { return root_; }

  const std::vector<Section>& sections() const { return sections_; }
  const Section* section(std::string_view name) const;

  const Node* format_version() const { return format_version_; }
  const Node* description() const { return description_; }
  const Node* metadata() const { return metadata_; }
  // Transform names declared at the top level (`Transform: X` or a list of them).
  const std::vector<std::string_view>& transforms() const { return transforms_; }
  bool has_transform(std::string_view name) const;
  // True when a transform is a macro (not one of AWS's own `AWS::` transforms): a macro may
  // rewrite any part of the template, so structural rules stay silent about what it may consume.
  bool has_macro_transform() const;
  // True when the template holds directives of the rain CLI (`!Rain::Embed`, or in JSON
  // `{"Rain::Module": ...}`): it must be packaged with `rain pkg` before CloudFormation, or
  // schema checks, can make sense of it.
  bool has_rain_directives() const { return rain_; }

  const std::vector<Parameter>& parameters() const { return parameters_; }
  const std::vector<NamedEntry>& mappings() const { return mappings_; }
  const std::vector<NamedEntry>& conditions() const { return conditions_; }
  const std::vector<NamedEntry>& rules() const { return rules_; }
  const std::vector<Resource>& resources() const { return resources_; }
  const std::vector<Output>& outputs() const { return outputs_; }

  const Parameter* parameter(std::string_view name) const;
  const Resource* resource(std::string_view name) const;

 private:
  const Document* doc_;
  const Node* root_ = nullptr;
  std::vector<Section> sections_;
  const Node* format_version_ = nullptr;
  const Node* description_ = nullptr;
  const Node* metadata_ = nullptr;
  std::vector<std::string_view> transforms_;
  std::vector<Parameter> parameters_;
  std::vector<NamedEntry> mappings_;
  std::vector<NamedEntry> conditions_;
  std::vector<NamedEntry> rules_;
  std::vector<Resource> resources_;
  std::vector<Output> outputs_;
  bool rain_ = false;
  const ParameterValues* parameter_values_ = nullptr;
  const std::map<std::string, std::string, std::less<>>* rule_options_ = nullptr;
  mutable std::unique_ptr<Evaluator> evaluator_;
};

// Joins logical path segments: path_join("Resources/Db", "Properties") ==
// "Resources/Db/Properties".
std::string path_join(std::string_view base, std::string_view segment);

// `Fn::ForEach::<Name>` keys of the AWS::LanguageExtensions transform stand for loops, not for a
// named entry.
bool is_foreach_key(std::string_view key);

}  // namespace stacklint
