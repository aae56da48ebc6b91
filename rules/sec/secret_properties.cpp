#include "rules/sec/secret_properties.h"

#include <array>
#include <cctype>

namespace stacklint::rules {
namespace {

constexpr auto kSecretProperties = std::to_array<SecretProperty>({
    {"Alexa::ASK::Skill", "AuthenticationConfiguration/ClientSecret"},
    {"Alexa::ASK::Skill", "AuthenticationConfiguration/RefreshToken"},
    {"AWS::KinesisFirehose::DeliveryStream", "RedshiftDestinationConfiguration/Password"},
    {"AWS::Lambda::Permission", "EventSourceToken"},
    {"AWS::ManagedBlockchain::Member",
     "MemberConfiguration/MemberFrameworkConfiguration/MemberFabricConfiguration/AdminPassword"},
    {"AWS::OpsWorks::App", "SslConfiguration/PrivateKey"},
    {"AWS::OpsWorks::Stack", "RdsDbInstances/*/DbPassword"},
    {"AWS::Pinpoint::APNSChannel", "PrivateKey"},
    {"AWS::Pinpoint::APNSSandboxChannel", "PrivateKey"},
    {"AWS::Pinpoint::APNSSandboxChannel", "TokenKey"},
    {"AWS::Pinpoint::APNSVoipChannel", "PrivateKey"},
    {"AWS::Pinpoint::APNSVoipChannel", "TokenKey"},
    {"AWS::Pinpoint::APNSVoipSandboxChannel", "PrivateKey"},
    {"AWS::Pinpoint::APNSVoipSandboxChannel", "TokenKey"},
    {"AWS::AmazonMQ::Broker", "Users/*/Password"},
    {"AWS::AppStream::DirectoryConfig", "ServiceAccountCredentials/AccountPassword"},
    {"AWS::Amplify::App", "AccessToken"},
    {"AWS::Amplify::App", "OauthToken"},
    {"AWS::Amplify::App", "BasicAuthConfig/Password"},
    {"AWS::Amplify::Branch", "BasicAuthConfig/Password"},
    {"AWS::CodeBuild::SourceCredential", "Token"},
    {"AWS::CodePipeline::Webhook", "AuthenticationConfiguration/SecretToken"},
    {"AWS::DataSync::LocationSMB", "Password"},
    {"AWS::DirectoryService::MicrosoftAD", "Password"},
    {"AWS::DirectoryService::SimpleAD", "Password"},
    {"AWS::DMS::Endpoint", "Password"},
    {"AWS::DMS::Endpoint", "MongoDbSettings/Password"},
    {"AWS::DocDB::DBCluster", "MasterUserPassword"},
    {"AWS::ElastiCache::ReplicationGroup", "AuthToken"},
    {"AWS::ElastiCache::User", "Passwords/*"},
    {"AWS::Elasticsearch::Domain", "AdvancedSecurityOptions/MasterUserOptions/MasterUserPassword"},
    {"AWS::EMR::Cluster", "KerberosAttributes/KdcAdminPassword"},
    {"AWS::EMR::Cluster", "KerberosAttributes/CrossRealmTrustPrincipalPassword"},
    {"AWS::EMR::Cluster", "KerberosAttributes/ADDomainJoinPassword"},
    {"AWS::Events::Connection", "AuthParameters/ApiKeyAuthParameters/ApiKeyValue"},
    {"AWS::Events::Connection", "AuthParameters/BasicAuthParameters/Password"},
    {"AWS::Events::Connection", "AuthParameters/OAuthParameters/ClientParameters/ClientSecret"},
    {"AWS::FSx::FileSystem",
     "WindowsConfiguration/SelfManagedActiveDirectoryConfiguration/Password"},
    {"AWS::IAM::User", "LoginProfile/Password"},
    {"AWS::KinesisFirehose::DeliveryStream", "SplunkDestinationConfiguration/HECToken"},
    {"AWS::KinesisFirehose::DeliveryStream",
     "HttpEndpointDestinationConfiguration/EndpointConfiguration/AccessKey"},
    {"AWS::MemoryDB::User", "AuthenticationMode/Passwords/*"},
    {"AWS::Neptune::DBCluster", "MasterUserPassword"},
    {"AWS::OpenSearchService::Domain",
     "AdvancedSecurityOptions/MasterUserOptions/MasterUserPassword"},
    {"AWS::OpsWorks::App", "AppSource/Password"},
    {"AWS::OpsWorks::Stack", "CustomCookbooksSource/Password"},
    {"AWS::Pinpoint::APNSChannel", "TokenKey"},
    {"AWS::Pinpoint::BaiduChannel", "SecretKey"},
    {"AWS::Pinpoint::GCMChannel", "ApiKey"},
    {"AWS::QuickSight::DataSource", "Credentials/CredentialPair/Password"},
    {"AWS::RDS::DBCluster", "MasterUserPassword"},
    {"AWS::RDS::DBInstance", "MasterUserPassword"},
    {"AWS::RDS::DBInstance", "TdeCredentialPassword"},
    {"AWS::Redshift::Cluster", "MasterUserPassword"},
    {"AWS::RedshiftServerless::Namespace", "AdminUserPassword"},
    {"AWS::SecretsManager::Secret", "SecretString"},
    {"AWS::Transfer::Connector", "SftpConfig/UserSecretId"},
});

void walk_path(const Node& n, std::string_view path, const std::string& logical,
               std::string_view name,
               const std::function<void(const Node&, const std::string&, std::string_view)>& f,
               int depth) {
  if (depth > 32) return;
  if (n.intrinsic_name() == "Fn::If") {
    const Node& a = n.intrinsic_arg();
    if (a.is_sequence() && a.items.size() == 3) {
      walk_path(a.items[1], path, logical, name, f, depth + 1);
      walk_path(a.items[2], path, logical, name, f, depth + 1);
    }
    return;
  }
  if (path.empty()) {
    f(n, logical, name);
    return;
  }
  const auto slash = path.find('/');
  const std::string_view head = path.substr(0, slash);
  const std::string_view rest = slash == std::string_view::npos ? "" : path.substr(slash + 1);
  if (head == "*") {
    if (n.is_sequence()) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        walk_path(n.items[i], rest, path_join(logical, std::to_string(i)), name, f, depth + 1);
      }
    } else if (n.is_mapping() && n.intrinsic_name().empty()) {
      for (const auto& e : n.entries) {
        walk_path(e.value, rest, path_join(logical, e.key.text), name, f, depth + 1);
      }
    }
    return;
  }
  if (const Node* child = n.intrinsic_name().empty() ? n.get(head) : nullptr) {
    walk_path(*child, rest, path_join(logical, head), rest.empty() ? head : name, f, depth + 1);
  }
}

}  // namespace

std::span<const SecretProperty> secret_properties() {
  return kSecretProperties;
}

void for_each_secret_property(
    const Resource& r,
    const std::function<void(const Node&, const std::string&, std::string_view)>& f) {
  if (!r.properties || r.type_name.empty()) return;
  for (const auto& sp : kSecretProperties) {
    if (sp.type != r.type_name) continue;
    walk_path(*r.properties, sp.path, path_join(r.path, "Properties"), sp.path, f, 0);
  }
}

bool is_no_echo(const Parameter& p) {
  if (!p.no_echo || !p.no_echo->is_scalar()) return false;
  std::string v = p.no_echo->text;
  for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v == "true";
}

std::string redact(std::string_view secret) {
  std::string shown;
  size_t cps = 0;
  for (size_t i = 0; i < secret.size() && cps < 2; ++i) {
    shown += secret[i];
    if ((static_cast<unsigned char>(secret[i]) & 0xC0) != 0x80 &&
        (i + 1 == secret.size() || (static_cast<unsigned char>(secret[i + 1]) & 0xC0) != 0x80)) {
      ++cps;
    }
  }
  if (secret.size() <= 4) shown = std::string(1, secret.empty() ? ' ' : secret[0]);
  return "'" + shown + "...' (" + std::to_string(secret.size()) + " characters)";
}

void referenced_parameters(const Template& tpl, const Node& n,
                           const std::function<void(const Parameter&, const Node&)>& f) {
  const std::string_view fn = n.intrinsic_name();
  if (fn == "Ref" && n.intrinsic_arg().is_scalar()) {
    if (const Parameter* p = tpl.parameter(n.intrinsic_arg().text)) f(*p, n);
    return;
  }
  if (fn == "Fn::Sub") {
    const Node& a = n.intrinsic_arg();
    const Node* text = a.is_sequence() && !a.items.empty() ? &a.items[0] : &a;
    const Node* vars = a.is_sequence() && a.items.size() > 1 ? &a.items[1] : nullptr;
    if (text->is_scalar()) {
      const std::string& s = text->text;
      for (size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
        const size_t close = s.find('}', at);
        if (close == std::string::npos) break;
        const std::string var = s.substr(at + 2, close - at - 2);
        if (var.empty() || var[0] == '!' || (vars && vars->get(var))) continue;
        if (const Parameter* p = tpl.parameter(var)) f(*p, *text);
      }
    }
    if (vars) referenced_parameters(tpl, *vars, f);
    return;
  }
  // Parameters used as lookup keys or indexes choose a value; they are not part of it.
  if (fn == "Fn::FindInMap" || fn == "Fn::GetAZs") return;
  if (fn == "Fn::Select") {
    const Node& a = n.intrinsic_arg();
    if (a.is_sequence() && a.items.size() == 2) referenced_parameters(tpl, a.items[1], f);
    return;
  }
  for (const auto& i : n.items) referenced_parameters(tpl, i, f);
  for (const auto& e : n.entries) referenced_parameters(tpl, e.value, f);
}

}  // namespace stacklint::rules
