// Ranks queries with lunr.js twice: against a whole serialised index, and
// against an index assembled (by the site's own search-index.mjs) from only
// the shards each query's words need. Used by tests/test_search_shards.py.
//
//   node tests/js/rank.mjs <full index.json> <search folder> <queries.json>
// prints {query: {"full": [[ref, score], ...], "partial": [...]}}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { assemble, shardKey } from "../../theme/static/js/search-index.mjs";

const lunr = createRequire(import.meta.url)("../../node_modules/lunr/lunr.js");
const [fullPath, folder, queriesPath] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(path, "utf-8"));

const full = lunr.Index.load(read(fullPath));
const manifest = read(`${folder}/manifest.json`);
const ranked = (index, query) => index.search(query).map((result) => [result.ref, result.score]);

const answers = {};
for (const query of read(queriesPath)) {
  // The query's terms as lunr.js will look them up, wildcards and edits aside.
  const words = lunr.tokenizer(query.replace(/[*~^:+-]\S*/g, "")).map((token) => token.toString());
  const keys = [...new Set(words.map(shardKey))];
  const shards = keys.map((key) => read(`${folder}/index/${key}.json`));
  const partial = lunr.Index.load(assemble(lunr, manifest, shards));
  answers[query] = { full: ranked(full, query), partial: ranked(partial, query) };
}
process.stdout.write(JSON.stringify(answers));
