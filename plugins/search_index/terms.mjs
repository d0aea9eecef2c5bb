// The index terms of pieces of text, made by lunr.js itself with the site's
// own indexTerms (theme/static/js/search-query.mjs), which the browser runs
// on every query: so the build and the browser read each word the same way.
// lunr.py's Porter stemmer differs from lunr.js's ("play" is "plai" in one
// and "play" in the other), so the build asks lunr.js.
//
//   node terms.mjs <lunr.js>   reads {"keep_whole": [...], "texts": [...]} on stdin, on one line,
//                              writes [[term, ...] for each text] on stdout.
//
// The end of the line, not the end of the input, says the request is whole:
// a rebuild starts this script before it knows the words, and the worker
// processes it starts meanwhile share the pipe, so the input may not end.

import { readSync } from "node:fs";
import { createRequire } from "node:module";

import { indexTerms } from "../../theme/static/js/search-query.mjs";

function readLine() {
  const chunks = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    const count = readSync(0, buffer);
    if (count === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, count)));
    if (buffer[count - 1] === 10) break;
  }
  return Buffer.concat(chunks).toString("utf-8");
}

const lunr = createRequire(import.meta.url)(process.argv[2]);
const { keep_whole: keepWhole, texts } = JSON.parse(readLine());
const keep = new Set(keepWhole);
process.stdout.write(JSON.stringify(texts.map((text) => indexTerms(lunr, text, keep))));
