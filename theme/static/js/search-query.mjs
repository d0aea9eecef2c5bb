// What a family typed, read the way the index was made, and the documents
// that answer it, best first. Nothing here touches the page: the build runs
// indexTerms in Node (plugins/search_index/terms.mjs) to make the index's
// terms, and the tests and the benchmark run the ranking in Node too, so the
// browser, the build and the relevance suite share one reading of a query.
//
// A query is read as "concepts": each meaningful word typed, each family
// phrase from the synonyms file ("said no", "not talking"), and an age
// ("7 year old"). Question words and filler ("how", "my", "son") are not
// concepts. A document's place depends first on how many concepts it
// matches, then on lunr's score; the results that match all (or, for a long
// question, most) of the concepts are the good matches, the rest are only
// loosely related.

// Words this short are too often a prefix of something unrelated.
const MIN_PREFIX = 3;
// Typo tolerance (one edit) only for words long enough that one edit is a typo,
// and two edits for long words ("mediaton" is "mediation" shortened to "mediat").
const MIN_FUZZY = 5;
const MIN_FUZZY_TWO = 8;
// How much each kind of term counts in lunr's score.
const BOOST = { typed: 10, prefix: 1, familyWord: 3, sitePhrase: 10 };
// A good match scores at least this share of the best good match.
const WEAK_SHARE = 0.3;
// Ages a family may type ("7 year old", "aged 7", "my son is 7"), 0 to 25.
const AGE_WORDS = new Set(["year", "years", "yr", "yrs", "yo"]);
const OLD_WORDS = new Set(["old", "olds"]);
const AGED_WORDS = new Set(["age", "aged", "is"]);
const MAX_AGE = 25;

function isStopWord(lunr, word) {
  return !lunr.stopWordFilter(new lunr.Token(word));
}

function stemOf(lunr, word, keepWhole) {
  return keepWhole.has(word) ? word : lunr.stemmer(new lunr.Token(word)).toString();
}

// lunr's own pipeline on a piece of text: its tokenizer, trimmer, stop word
// filter and stemmer. A word in keepWhole skips only the stemmer ("downs"
// must not become "down"); a word in ignore is left out, as a stop word is.
export function indexTerms(lunr, text, keepWhole = new Set(), ignore = new Set()) {
  const terms = [];
  for (const token of lunr.tokenizer(text)) {
    const word = lunr.trimmer(token).toString();
    if (!word || isStopWord(lunr, word) || ignore.has(word)) continue;
    terms.push(stemOf(lunr, word, keepWhole));
  }
  return terms;
}

// Words as phrases are matched: lower case, apostrophes dropped ("down's" is
// "downs"), split on anything that is not a letter or a digit.
export function plainWords(text) {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// The query-reading rules from the manifest (plugins/search_index/query_vocabulary.py), worked out once.
export function prepareVocabulary(lunr, query) {
  const keepWhole = new Set(query.keep_whole);
  const ignore = new Set(query.ignore);
  const stems = (text) => plainWords(text).map((word) => stemOf(lunr, word, keepWhole));
  const meaningful = (text) => indexTerms(lunr, text, keepWhole, ignore);
  const phrases = Object.entries(query.phrases).map(([family, sitePhrases]) => ({
    family,
    stems: stems(family),
    own: meaningful(family),
    site: sitePhrases.map((phrase) => indexTerms(lunr, phrase, keepWhole)).filter((terms) => terms.length),
  }));
  // Longest first, so "turned down" wins over "down".
  phrases.sort((a, b) => b.stems.length - a.stems.length);
  const bets = query.best_bets.map(([searches, numbers]) => ({
    searches: searches.map((search) => new Set(meaningful(search))).filter((terms) => terms.size),
    numbers,
  }));
  return { keepWhole, ignore, phrases, bets };
}

function ageIn(words, at) {
  const number = (word) => (/^\d{1,2}$/.test(word) && Number(word) <= MAX_AGE ? Number(word) : null);
  const joined = /^(\d{1,2})(yo|yrs?|years?)$/.exec(words[at]);
  if (joined && Number(joined[1]) <= MAX_AGE) {
    return { age: Number(joined[1]), length: OLD_WORDS.has(words[at + 1]) ? 2 : 1 };
  }
  if (number(words[at]) !== null && AGE_WORDS.has(words[at + 1])) {
    return { age: number(words[at]), length: OLD_WORDS.has(words[at + 2]) ? 3 : 2 };
  }
  if (AGED_WORDS.has(words[at]) && number(words[at + 1]) !== null) {
    return { age: number(words[at + 1]), length: 2 };
  }
  return null;
}

// The concepts of a query. Each concept is met by a document when every term
// of one of its alternatives is in it; typed words also match by prefix and,
// when the index has never seen them, with one typing slip.
export function readQuery(lunr, text, vocabulary) {
  const { keepWhole, ignore, phrases } = vocabulary;
  // Pieces as lunr's tokenizer splits the text, each with its plain words.
  const pieces = lunr.tokenizer(text).map((token) => ({ token: token.toString(), used: false }));
  const plain = [];
  pieces.forEach((piece, index) => {
    for (const word of plainWords(piece.token)) plain.push({ word, stem: stemOf(lunr, word, keepWhole), piece: index });
  });
  const concepts = [];
  let age = null;
  const use = (from, length) => {
    for (let i = from; i < from + length; i += 1) pieces[plain[i].piece].used = true;
  };
  for (let at = 0; at < plain.length; ) {
    const found = ageIn(plain.map((p) => p.word), at);
    if (found && age === null) {
      age = found.age;
      use(at, found.length);
      at += found.length;
      continue;
    }
    const phrase = phrases.find(
      (p) => p.stems.length && p.stems.every((stem, i) => plain[at + i] && plain[at + i].stem === stem),
    );
    if (phrase) {
      const own = phrase.own.map((term) => ({ term, boost: BOOST.familyWord, typed: true, whole: keepWhole.has(term) }));
      const site = phrase.site.map((terms) => terms.map((term) => ({ term, boost: BOOST.sitePhrase })));
      concepts.push({ text: phrase.family, alternatives: own.length ? [own, ...site] : site });
      use(at, phrase.stems.length);
      at += phrase.stems.length;
      continue;
    }
    at += 1;
  }
  const words = (withIgnored) =>
    pieces
      .filter((piece) => !piece.used)
      .flatMap((piece) => indexTerms(lunr, piece.token, keepWhole, withIgnored ? new Set() : ignore).map((term) => ({ term, word: lunr.trimmer(new lunr.Token(piece.token)).toString() })));
  let typed = words(false);
  // A query of nothing but filler ("help") still searches for its words.
  if (!typed.length && !concepts.length && age === null) typed = words(true);
  const seen = new Set();
  for (const { term, word } of typed) {
    if (seen.has(term)) continue;
    seen.add(term);
    concepts.push({ text: word, alternatives: [[{ term, word, boost: BOOST.typed, typed: true, whole: keepWhole.has(term) }]] });
  }
  return { text, concepts, age };
}

// The ids of the age bands a child of this age is in: [id, low, high] from
// the manifest, each from one birthday up to (not including) another, as
// local_offer/filing.py files entries.
export function bandsFor(age, ageBands) {
  return ageBands.filter(([, low, high]) => low <= age && age < high).map(([id]) => id);
}

// The index shards a query needs: every term's first letter.
export function termsOf(query) {
  return query.concepts.flatMap((concept) => concept.alternatives.flat().map((spec) => spec.term));
}

function addSpec(lunr, builder, index, spec) {
  const { Query } = lunr;
  builder.term(spec.term, { boost: spec.boost, usePipeline: false });
  if (!spec.typed) return;
  if (spec.term.length >= MIN_PREFIX) {
    builder.term(spec.term, { boost: BOOST.prefix, wildcard: Query.wildcard.TRAILING, usePipeline: false });
  }
  // A word the index has never seen is most likely misspelt ("autisim", "councelling"),
  // unless it is kept whole because a word one letter away means something else.
  if (spec.term.length >= MIN_FUZZY && !spec.whole && !(spec.term in index.invertedIndex)) {
    for (const form of new Set([spec.term, spec.word].filter(Boolean))) {
      const edits = form.length >= MIN_FUZZY_TWO ? 2 : 1;
      builder.term(form, { boost: spec.boost, editDistance: edits, usePipeline: false });
    }
  }
}

// The numbers of the best bets that answer this query: every meaningful word
// of one of its searches typed, and nothing else (a slip of one letter allowed).
export function bestBets(query, vocabulary) {
  const typed = new Set(
    query.concepts.flatMap((concept) => (concept.alternatives[0] || []).filter((spec) => spec.typed).map((spec) => spec.term)),
  );
  const close = (a, b) => a === b || (a.length >= MIN_FUZZY && b.length >= MIN_FUZZY && editDistance(a, b) <= 1);
  const same = (search) =>
    search.size === typed.size &&
    [...search].every((term) => [...typed].some((word) => close(word, term))) &&
    [...typed].every((word) => [...search].some((term) => close(word, term)));
  const numbers = [];
  for (const bet of vocabulary.bets) {
    if (typed.size && bet.searches.some(same)) numbers.push(...bet.numbers);
  }
  return [...new Set(numbers)];
}

// How many concepts must be met for a good match: all of one or two, most of more.
export function needed(count) {
  return count <= 2 ? count : Math.ceil((2 * count) / 3);
}

// Ranks the documents for a query read by readQuery, using a lunr index that
// holds (at least) every shard the query's terms need. ageNumbers, when the
// query names an age, is the set of documents for that age.
// Returns {good, loose, unknown}: document numbers, best first, and the
// typed words the index has never seen.
export function rank(lunr, index, query, vocabulary, ageNumbers = null) {
  const specs = query.concepts.flatMap((concept) => concept.alternatives.flat());
  // Only an age ("7 year old"): everything for that age, A to Z.
  if (!specs.length && ageNumbers) return { good: [...ageNumbers].sort((a, b) => a - b), loose: [], unknown: [] };
  const matching = new Map();
  const docsFor = (spec) => {
    const key = JSON.stringify(spec);
    if (!matching.has(key)) {
      const refs = index.query((builder) => addSpec(lunr, builder, index, spec)).map((result) => result.ref);
      matching.set(key, new Set(refs));
    }
    return matching.get(key);
  };
  const scores = specs.length
    ? index.query((builder) => specs.forEach((spec) => addSpec(lunr, builder, index, spec)))
    : [];
  const total = query.concepts.length + (ageNumbers ? 1 : 0);
  const ranked = scores.map((result) => {
    let met = query.concepts.filter((concept) =>
      concept.alternatives.some((alternative) => alternative.every((spec) => docsFor(spec).has(result.ref))),
    ).length;
    if (ageNumbers && ageNumbers.has(Number(result.ref))) met += 1;
    return { number: Number(result.ref), met, score: result.score };
  });
  ranked.sort((a, b) => b.met - a.met || b.score - a.score || a.number - b.number);
  const enough = needed(total);
  const top = ranked.find((item) => item.met >= enough);
  const isGood = (item) => item.met >= enough && item.score >= WEAK_SHARE * top.score;
  const bets = bestBets(query, vocabulary);
  const good = [...bets, ...ranked.filter(isGood).map((item) => item.number).filter((n) => !bets.includes(n))];
  const loose = ranked.map((item) => item.number).filter((n) => !good.includes(n));
  const unknown = specs
    .filter((spec) => spec.typed && spec.word && !(spec.term in index.invertedIndex))
    .map((spec) => spec.word);
  return { good, loose, unknown: [...new Set(unknown)] };
}

// Damerau-Levenshtein distance (a swap of two letters is one slip).
export function editDistance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

// The word of the site closest to one the index has never seen, from
// {word: how many documents use it} (the build's words/<letter>.json), or
// null when none is close enough to be the word meant.
export function closestWord(word, words) {
  const typed = word.toLowerCase();
  if (typed.length < 4) return null;
  const allowed = typed.length >= 7 ? 2 : 1;
  let best = null;
  for (const [candidate, count] of Object.entries(words)) {
    if (candidate === typed) continue;
    const distance = editDistance(typed, candidate);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
      best = { word: candidate, distance, count };
    }
  }
  return best && best.word;
}
