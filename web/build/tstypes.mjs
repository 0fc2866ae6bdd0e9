// Prints the interfaces of a TypeScript file as JSON, for the Go test that
// checks web/src/types.ts against the server's OpenAPI document:
// {"Name": {"props": {"field": {"optional": bool, "type": T}}, "index": bool}}
// where T is {"kind": "string"|"number"|"boolean"|"null"|"any"|"object"|
// "array"|"union"|"ref", "items"?: T, "members"?: [T], "name"?: string,
// "props"?: {...}} (type aliases are resolved; Record<…> is an object).
// Usage: node tstypes.mjs <typescript package dir> <file.ts>
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [tsDir, file] = process.argv.slice(2);
const ts = createRequire(path.resolve(tsDir, "package.json"))("typescript");
const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);

const aliases = new Map();
const interfaces = new Map();
for (const st of src.statements) {
  if (ts.isTypeAliasDeclaration(st)) aliases.set(st.name.text, st.type);
  if (ts.isInterfaceDeclaration(st)) interfaces.set(st.name.text, st);
}

function members(list) {
  const props = {};
  let index = false;
  for (const m of list) {
    if (ts.isIndexSignatureDeclaration(m)) {
      index = true;
    } else if (ts.isPropertySignature(m) && m.type) {
      props[m.name.getText(src)] = { optional: !!m.questionToken, type: typeOf(m.type) };
    }
  }
  return { props, index };
}

function typeOf(node) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: "string" };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: "number" };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: "boolean" };
    case ts.SyntaxKind.NullKeyword:
      return { kind: "null" };
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.AnyKeyword:
      return { kind: "any" };
  }
  if (ts.isParenthesizedTypeNode(node)) return typeOf(node.type);
  if (ts.isLiteralTypeNode(node)) {
    const l = node.literal;
    if (l.kind === ts.SyntaxKind.NullKeyword) return { kind: "null" };
    if (ts.isStringLiteral(l)) return { kind: "string" };
    if (ts.isNumericLiteral(l)) return { kind: "number" };
    return { kind: "boolean" };
  }
  if (ts.isArrayTypeNode(node)) return { kind: "array", items: typeOf(node.elementType) };
  if (ts.isUnionTypeNode(node)) return { kind: "union", members: node.types.map(typeOf) };
  if (ts.isTypeLiteralNode(node)) return { kind: "object", ...members(node.members) };
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(src);
    if (aliases.has(name)) return typeOf(aliases.get(name));
    if (interfaces.has(name)) return { kind: "ref", name };
    if (name === "Record") return { kind: "object", props: {}, index: true };
    if (name === "Array") return { kind: "array", items: typeOf(node.typeArguments[0]) };
  }
  throw new Error(`${file}: unsupported type ${node.getText(src)}`);
}

const out = {};
for (const [name, decl] of interfaces) out[name] = members(decl.members);
process.stdout.write(JSON.stringify(out));
