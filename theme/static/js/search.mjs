// The search page. Nothing is downloaded until it is needed: the first time
// there is something to search for (a query or filter in the address,
// typing, or a filter ticked), lunr.js and the small manifest load, and with
// them only the index shards the query's words need, the records of the
// results shown and the lists for the filters ticked (search-files.mjs).
// The query and filters live in the address, so a result list can be
// bookmarked or shared and opening that address shows the same results.

import { renderResult } from "./results.mjs";
import { enhanceSaveButtons } from "./my-list.mjs";
import { SearchFiles } from "./search-files.mjs";
import { assemble, roughWords, shardKey } from "./search-index.mjs";

const FILTERS = ["age", "need", "category", "kind"];
// Words this short are too often a prefix of something unrelated.
const MIN_PREFIX = 3;
// Typo tolerance (one edit) only for words long enough that one edit is a typo.
const MIN_FUZZY = 5;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", resolve);
    script.addEventListener("error", () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}

function words(text) {
  return window.lunr
    .tokenizer(text)
    .map((token) => window.lunr.trimmer(token))
    .filter((token) => token.toString() && window.lunr.stopWordFilter(token))
    .map((token) => token.toString());
}

// Families' words the site puts differently ("statement" -> "ehc plan"),
// from the synonyms file, matched as whole words of the query. Gives the
// family words found and, for each site phrase they stand for, its words.
function expansions(text, table) {
  const padded = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const found = Object.entries(table).filter(([word]) => padded.includes(` ${word} `));
  return {
    familyWords: new Set(found.flatMap(([word]) => words(word))),
    phrases: found.flatMap(([, phrases]) => phrases.map(words)),
  };
}

function stem(word) {
  return window.lunr.stemmer(new window.lunr.Token(word)).toString();
}

function addTerm(query, index, word, boost) {
  const { Query } = window.lunr;
  query.term(word, { boost });
  if (word.length >= MIN_PREFIX) {
    query.term(word, { boost: boost / 10, wildcard: Query.wildcard.TRAILING, usePipeline: false });
  }
  // A word the index has never seen is most likely misspelt ("autisim").
  if (word.length >= MIN_FUZZY && !(stem(word) in index.invertedIndex)) {
    query.term(word, { boost, editDistance: 1, usePipeline: false });
  }
}

// The words to look up and the index shards they are in.
function queryWords(text, table) {
  const typed = words(text);
  const { familyWords, phrases } = expansions(text, table);
  const keys = new Set([...typed, ...phrases.flat()].map(shardKey));
  return { typed, familyWords, phrases, keys };
}

// Numbers of the documents matching the query, best first.
function search(index, { typed, familyWords, phrases }) {
  const typedStems = new Set(typed.map(stem));
  const extraStems = new Set(phrases.flat().map(stem).filter((s) => !typedStems.has(s)));
  const results = index.query((query) => {
    // "statement" on its own most likely means an EHC plan, so the site's
    // phrase counts for more than the family's word.
    typed.forEach((word) => addTerm(query, index, word, familyWords.has(word) ? 3 : 10));
    extraStems.forEach((word) => query.term(word, { boost: 10, usePipeline: false }));
  });
  // A site phrase only counts when all its words are there: "job" looks for
  // "supported internship", not every page that says "supported".
  return results
    .filter((result) => {
      const matched = Object.keys(result.matchData.metadata);
      return (
        matched.some((term) => !extraStems.has(term)) ||
        phrases.some((phrase) => phrase.every((word) => matched.includes(stem(word))))
      );
    })
    .map((result) => Number(result.ref));
}

function plural(count) {
  return count === 1 ? "1 result" : `${count} results`;
}

function start(form) {
  const input = form.elements.q;
  const status = form.querySelector("[data-search-status]");
  const list = form.querySelector("[data-search-results]");
  const more = form.querySelector("[data-search-more]");
  const empty = form.querySelector("[data-search-empty]");
  const template = document.querySelector("[data-search-result]");
  const pageSize = Number(form.dataset.pageSize);
  const boxes = (name) => [...form.querySelectorAll(`input[type="checkbox"][name="${name}"]`)];
  const files = new SearchFiles(form);
  const indexes = new Map();
  let lunrScript = null;
  let latest = 0;
  // The numbers of every result of the latest search, and how many are shown.
  let found = { numbers: [], shown: 0 };

  const loadLunr = () => {
    lunrScript ??= loadScript(form.dataset.lunr).catch((error) => {
      lunrScript = null;
      throw error;
    });
    return lunrScript;
  };

  // One index per set of shards, reused while the words keep their first letters.
  function indexFor(manifest, keys) {
    const sorted = [...keys].sort();
    const id = sorted.join("");
    if (!indexes.has(id)) {
      const loading = Promise.all(sorted.map((key) => files.shard(key))).then((shards) =>
        window.lunr.Index.load(assemble(window.lunr, manifest, shards)),
      );
      loading.catch(() => indexes.delete(id));
      indexes.set(id, loading);
    }
    return indexes.get(id);
  }

  // Whether a document passes the ticked filters: any value within a filter, every filter.
  async function filterFor(state) {
    const chosen = FILTERS.filter((name) => state[name].length);
    const kept = await Promise.all(
      chosen.map(async (name) => new Set((await Promise.all(state[name].map((v) => files.facet(name, v)))).flat())),
    );
    return (number) => kept.every((numbers) => numbers.has(number));
  }

  async function numbersFor(state) {
    // Start on the shards the typed words need while lunr.js loads.
    roughWords(state.q).forEach((word) => files.shard(shardKey(word)));
    const filtering = filterFor(state);
    const [manifest] = await Promise.all([files.manifest(), loadLunr()]);
    let numbers;
    if (state.q) {
      const query = queryWords(state.q, manifest.expansions);
      numbers = query.keys.size ? search(await indexFor(manifest, query.keys), query) : [];
    } else {
      // Documents are numbered A to Z.
      numbers = Array.from({ length: manifest.documents.count }, (_, number) => number);
    }
    return { manifest, numbers: numbers.filter(await filtering) };
  }

  async function show(manifest, numbers) {
    const docs = await files.records(numbers);
    return docs.map((doc) => renderResult(template, doc, manifest.labels, form.dataset.siteUrl, form.dataset.myList));
  }

  function readState() {
    const state = { q: input.value.trim() };
    for (const name of FILTERS) {
      state[name] = boxes(name).filter((box) => box.checked).map((box) => box.value);
    }
    return state;
  }

  function showState(params) {
    input.value = params.get("q") || "";
    for (const name of FILTERS) {
      const chosen = params.getAll(name);
      for (const box of boxes(name)) box.checked = chosen.includes(box.value);
      if (chosen.length) boxes(name)[0]?.closest("details")?.setAttribute("open", "");
    }
  }

  function writeAddress(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const name of FILTERS) state[name].forEach((value) => params.append(name, value));
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  function failed() {
    status.textContent = "Search could not load. Check your connection and try again, or browse instead.";
    empty.hidden = false;
  }

  async function update() {
    const state = readState();
    writeAddress(state);
    const run = ++latest;
    if (!state.q && FILTERS.every((name) => !state[name].length)) {
      status.textContent = "";
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      return;
    }
    let manifest, numbers, items;
    try {
      ({ manifest, numbers } = await numbersFor(state));
      items = await show(manifest, numbers.slice(0, pageSize));
    } catch {
      if (run === latest) failed();
      return;
    }
    // Typing fast starts several searches; only the last one may show.
    if (run !== latest) return;
    found = { manifest, numbers, shown: items.length };
    list.replaceChildren(...items);
    enhanceSaveButtons(list);
    more.hidden = numbers.length <= found.shown;
    empty.hidden = numbers.length > 0;
    const count = numbers.length ? plural(numbers.length) : "No results";
    status.textContent = state.q ? `${count} for ${state.q}` : count;
  }

  async function showMore() {
    const run = latest;
    const { manifest, numbers, shown } = found;
    let items;
    try {
      items = await show(manifest, numbers.slice(shown, shown + pageSize));
    } catch {
      if (run === latest) failed();
      return;
    }
    if (run !== latest) return;
    found.shown += items.length;
    list.append(...items);
    enhanceSaveButtons(list);
    more.hidden = numbers.length <= found.shown;
    // Take keyboard and screen reader users to the first new result.
    items[0]?.querySelector("a")?.focus();
  }

  document.querySelectorAll("[data-search-no-js]").forEach((notice) => {
    notice.hidden = true;
  });
  let typing;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(update, 200);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update();
  });
  more.querySelector("button").addEventListener("click", showMore);

  const params = new URLSearchParams(location.search);
  showState(params);
  if ([...params.keys()].length) update();
}

const form = document.querySelector("[data-search-form]");
if (form) start(form);
