// Validates a Teams app manifest against Microsoft's schema for its manifestVersion, with Microsoft's own validator
// (@microsoft/app-manifest, which ships the draft-04 schemas). Prints one error per line; exit 0 valid, 1 invalid, 2 usage.
"use strict";
const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

async function main() {
  const file = process.argv[2];
  if (!file) { console.error("usage: node validate-manifest.js <manifest.json>"); process.exit(2); }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  const version = manifest.manifestVersion;
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build", "json-schemas", "teams", "v" + version, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaFile)) { console.error("no schema for manifestVersion " + version); process.exit(1); }
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  for (const e of errors) console.log(e);
  console.log(errors.length === 0 ? "valid against v" + version : errors.length + " error(s) against v" + version);
  process.exit(errors.length === 0 ? 0 : 1);
}
main().catch(e => { console.error(e && e.stack || String(e)); process.exit(1); });
