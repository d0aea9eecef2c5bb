// Runs queries against a built site's search files exactly as the search
// page does (search-index.mjs assembles the shards the query needs,
// search-query.mjs reads and ranks), in Node. Used by tests/test_search_relevance.py.
//
//   node tests/relevance/rank.mjs <search folder> <queries.json>
// prints {query: {"good": [url, ...], "loose": [url, ...], "unknown": [word, ...]}}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { assemble, fromGaps, shardKey } from "../../theme/static/js/search-index.mjs";
import { bandsFor, prepareVocabulary, rank, readQuery, termsOf } from "../../theme/static/js/search-query.mjs";

const lunr = createRequire(import.meta.url)("../../node_modules/lunr/lunr.js");
const [folder, queriesPath] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(`${folder}/${path}`, "utf-8"));

const manifest = read("manifest.json");
const vocabulary = prepareVocabulary(lunr, manifest.query);
const records = {};
for (let n = 0; n * manifest.documents.per_file < manifest.documents.count; n += 1) {
  Object.assign(records, read(`documents/${n}.json`));
}
const url = (number) => records[number].url;

const answers = {};
for (const text of JSON.parse(readFileSync(queriesPath, "utf-8"))) {
  const query = readQuery(lunr, text, vocabulary);
  const keys = [...new Set(termsOf(query).map(shardKey))].sort();
  const index = lunr.Index.load(assemble(lunr, manifest, keys.map((key) => read(`index/${key}.json`))));
  let ages = null;
  if (query.age !== null) {
    ages = new Set(bandsFor(query.age, manifest.query.age_bands).flatMap((id) => fromGaps(read(`facets/age/${id}.json`))));
  }
  const { good, loose, unknown } = rank(lunr, index, query, vocabulary, ages);
  answers[text] = { good: good.map(url), loose: loose.map(url), unknown };
}
process.stdout.write(JSON.stringify(answers));
