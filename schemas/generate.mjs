// Reduces AWS's CloudFormation resource database (npm @aws-cdk/aws-service-spec, db.json.gz)
// to stacklint's schema bundle: one JSON object per line and per resource type, sorted by type
// name, each line self-contained (its property types are numbered within the line).
//
//   node schemas/generate.mjs path/to/db.json.gz > schemas/bundle/aws-resources.jsonl
//
// Run through schemas/generate.sh, which fetches the pinned package version first.
//
// Line format:
//   {"t": type name, "s": 1 if stateful, "x": transform it requires (SAM), "i": [primary id],
//    "p": {property: P}, "a": {attribute: T}, "d": [[name, {property: P}], ...]}
//   P = {"y": T, "q": 1 required, "r": "y" replaces / "m" may replace, "w": 1 deprecated,
//        "v": [T, ...] types accepted in earlier versions}
//   T = "s" string | "i" integer | "n" number | "b" boolean | "j" JSON | "t" timestamp |
//       "g" tag | N (index into "d") | ["a", T] list | ["m", T] map | ["u", T, ...] union |
//       ["e", value, ...] string enum
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const db = JSON.parse(gunzipSync(readFileSync(process.argv[2])).toString("utf8"));
const schema = db.schema;
const typeDefs = new Map(schema.typeDefinition.entities.map((t) => [t.$id, t]));

function reduceResource(r) {
  const defs = [];
  const defIndex = new Map();
  const prim = { string: "s", integer: "i", number: "n", boolean: "b", json: "j", "date-time": "t", tag: "g" };

  function type(t) {
    switch (t.type) {
      case "ref": {
        const id = t.reference.$ref;
        if (!defIndex.has(id)) {
          const def = typeDefs.get(id);
          if (!def) return "j";  // dangling reference: accept anything
          const slot = defs.length;
          defIndex.set(id, slot);
          defs.push(null);
          defs[slot] = [def.name, props(def.properties || {})];
        }
        return defIndex.get(id);
      }
      case "array":
        return ["a", type(t.element)];
      case "map":
        return ["m", type(t.element)];
      case "union":
        return ["u", ...t.types.map(type)];
      case "string":
        return t.allowedValues && t.allowedValues.length ? ["e", ...t.allowedValues] : "s";
      default:
        if (!(t.type in prim)) throw new Error(`unknown type kind ${t.type} in ${r.cloudFormationType}`);
        return prim[t.type];
    }
  }

  function prop(p) {
    const out = { y: type(p.type) };
    if (p.required) out.q = 1;
    if (p.causesReplacement === "yes") out.r = "y";
    if (p.causesReplacement === "maybe") out.r = "m";
    if (p.deprecated) out.w = 1;
    if (p.previousTypes && p.previousTypes.length) out.v = p.previousTypes.map(type);
    return out;
  }

  function props(ps) {
    const out = {};
    for (const name of Object.keys(ps).sort()) out[name] = prop(ps[name]);
    return out;
  }

  const line = { t: r.cloudFormationType };
  if (r.isStateful) line.s = 1;
  if (r.cloudFormationTransform) line.x = r.cloudFormationTransform;
  if (r.primaryIdentifier && r.primaryIdentifier.length) line.i = r.primaryIdentifier;
  line.p = props(r.properties || {});
  line.a = {};
  for (const name of Object.keys(r.attributes || {}).sort()) line.a[name] = type(r.attributes[name].type);
  line.d = defs;
  return line;
}

const lines = schema.resource.entities
  .map(reduceResource)
  .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
for (let i = 1; i < lines.length; ++i) {
  if (lines[i].t === lines[i - 1].t) throw new Error(`duplicate resource type ${lines[i].t}`);
}
process.stdout.write(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
