// Rebuilds a lunr index from the term shards a query needs.
//
// The build splits the index by the first letter of each term
// (plugins/search_index/shards.py): a shard holds, for each of its terms, the
// term's place in lunr's vectors and, per field, the numbers of the documents
// holding it (as gaps from the previous number) with their weights. lunr
// scores a document by the dot product of the query's vector with the
// document's field vectors, over the query vector's length, so only the
// query's own terms count: an index of just their shards ranks and scores
// exactly as the whole index would. Typo tolerance looks only within those
// shards, so a slip in a word's first letter is not forgiven.
//
// Nothing here touches the page, so tests can run it in Node.

export const OTHER_KEY = "_";

// The shard a term is in (shards.py's term_key has the same rule).
export function shardKey(term) {
  const first = term.charAt(0);
  return first >= "a" && first <= "z" ? first : OTHER_KEY;
}

// The words of a query as lunr's tokenizer and trimmer will see them, so the
// shards they need can be fetched while lunr.js itself is still loading.
// lunr's stemmer never changes a word's first letter.
export function roughWords(text) {
  return text
    .toLowerCase()
    .split(/[\s-]+/)
    .map((word) => word.replace(/^\W+/, "").replace(/\W+$/, ""))
    .filter(Boolean);
}

export function fromGaps(gaps) {
  let number = 0;
  return gaps.map((gap) => (number += gap));
}

// A serialised lunr index (what lunr.Index.load reads) with the terms of
// these shards and every weight those terms have in any document's fields.
export function assemble(lunr, manifest, shards) {
  const { fields } = manifest;
  // lunr's token set must be built from terms in order.
  const terms = shards.flatMap((shard) => Object.entries(shard)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const vectors = new Map();
  const invertedIndex = terms.map(([term, [termIndex, ...byField]]) => {
    const posting = { _index: termIndex };
    fields.forEach((field, f) => {
      const found = (posting[field] = {});
      const [gaps = [], weights = []] = byField[f];
      fromGaps(gaps).forEach((doc, i) => {
        found[doc] = {};
        const ref = `${field}/${doc}`;
        if (!vectors.has(ref)) vectors.set(ref, []);
        vectors.get(ref).push([termIndex, weights[i]]);
      });
    });
    return [term, posting];
  });
  const fieldVectors = [...vectors].map(([ref, pairs]) => [ref, pairs.sort((a, b) => a[0] - b[0]).flat()]);
  return { version: lunr.version, fields, fieldVectors, invertedIndex, pipeline: manifest.pipeline };
}
