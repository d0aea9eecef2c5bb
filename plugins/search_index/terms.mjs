// The index terms of pieces of text, made by lunr.js itself with the site's
// own indexTerms (theme/static/js/search-query.mjs), which the browser runs
// on every query: so the build and the browser read each word the same way.
// lunr.py's Porter stemmer differs from lunr.js's ("play" is "plai" in one
// and "play" in the other), so the build asks lunr.js.
//
//   node terms.mjs <lunr.js>   reads {"keep_whole": [...], "texts": [...]} on stdin,
//                              writes [[term, ...] for each text] on stdout.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { indexTerms } from "../../theme/static/js/search-query.mjs";

const lunr = createRequire(import.meta.url)(process.argv[2]);
const { keep_whole: keepWhole, texts } = JSON.parse(readFileSync(0, "utf-8"));
const keep = new Set(keepWhole);
process.stdout.write(JSON.stringify(texts.map((text) => indexTerms(lunr, text, keep))));
