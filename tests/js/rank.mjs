// Ranks queries with lunr.js twice: against a whole serialised index, and
// against an index assembled (by the site's own search-index.mjs) from only
// the shards each query's words need. Used by tests/test_search_shards.py.
//
//   node tests/js/rank.mjs <full index.json> <search folder> <queries.json>
//
// queries.json is {"lunr": [lunr query strings], "site": [family questions]}.
// Prints {"lunr": {query: {"full": [[ref, score], ...], "partial": [...], "terms": [...]}},
//         "site": {question: {"full": {good, loose, unknown}, "partial": {...}}}}:
// lunr query strings go to lunr's own search; family questions to the
// site's search-query.mjs, as the search page runs them.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { assemble, shardKey } from "../../theme/static/js/search-index.mjs";
import { prepareVocabulary, rank, readQuery, termsOf } from "../../theme/static/js/search-query.mjs";

const lunr = createRequire(import.meta.url)("../../node_modules/lunr/lunr.js");
const [fullPath, folder, queriesPath] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(path, "utf-8"));

const full = lunr.Index.load(read(fullPath));
const manifest = read(`${folder}/manifest.json`);
const queries = read(queriesPath);
const partialFor = (terms) => {
  const keys = [...new Set(terms.map(shardKey))];
  return lunr.Index.load(assemble(lunr, manifest, keys.map((key) => read(`${folder}/index/${key}.json`))));
};
const ranked = (index, query) => index.search(query).map((result) => [result.ref, result.score]);

const answers = { lunr: {}, site: {} };
for (const query of queries.lunr) {
  // The query's terms as lunr.js will look them up, wildcards and edits aside.
  const tokens = lunr.tokenizer(query.replace(/[*~^:+-]\S*/g, ""));
  const words = tokens.map((token) => token.toString());
  const terms = full.pipeline.run(tokens).map((token) => token.toString());
  answers.lunr[query] = { full: ranked(full, query), partial: ranked(partialFor(words), query), terms };
}
const vocabulary = prepareVocabulary(lunr, manifest.query);
for (const question of queries.site) {
  const query = readQuery(lunr, question, vocabulary);
  answers.site[question] = {
    full: rank(lunr, full, query, vocabulary),
    partial: rank(lunr, partialFor(termsOf(query)), query, vocabulary),
  };
}
process.stdout.write(JSON.stringify(answers));
