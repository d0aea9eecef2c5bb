// Runs the web editor's file formats (plugins/editor_config/admin/) as
// Decap CMS would: read a file, change some values, write it. Used by
// tests/test_editor_formats.py.
//
//   node tests/js/formats.mjs < requests.json
// Each request is {format: "yaml" | "page", source (a file's text, or null
// for a new file), change: {field: value}, fieldOrder: [names]}; prints the
// list of {text, data}: the file written and the values Decap would see.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { pelicanPage } from "../../plugins/editor_config/admin/pelican-page.mjs";
import { SOURCE, inPlaceYaml } from "../../plugins/editor_config/admin/yaml-format.mjs";

const YAML = createRequire(import.meta.url)("../../node_modules/yaml");
const formats = { yaml: inPlaceYaml(YAML), page: pelicanPage(new Set(["related", "topics"])) };

const answers = JSON.parse(readFileSync(0, "utf-8")).map(({ format, source, change, fieldOrder }) => {
  const data = source === null ? {} : formats[format].fromFile(source);
  const text = formats[format].toFile({ ...data, ...change }, fieldOrder || []);
  const { [SOURCE]: _, ...values } = data;
  return { text, data: values };
});
process.stdout.write(JSON.stringify(answers));
