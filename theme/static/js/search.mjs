// The search page. Nothing is downloaded until it is needed: lunr.js, the
// index and the document store load the first time there is something to
// search for (a query or filter in the address, typing, or a filter ticked).
// The query and filters live in the address, so a result list can be
// bookmarked or shared and opening that address shows the same results.

import { fetchJson, loadStore, renderResult } from "./results.mjs";
import { enhanceSaveButtons } from "./my-list.mjs";

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

// Refs of the documents matching the query, best first.
export function search(index, store, text) {
  const typed = words(text);
  const { familyWords, phrases } = expansions(text, store.expansions);
  const typedStems = new Set(typed.map(stem));
  const extraStems = new Set(phrases.flat().map(stem).filter((s) => !typedStems.has(s)));
  if (!typed.length && !phrases.length) return [];
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
    .map((result) => result.ref);
}

function matches(doc, state) {
  const any = (chosen, values) => !chosen.length || chosen.some((value) => values.includes(value));
  return (
    any(state.age, doc.bands) &&
    any(state.need, doc.needs) &&
    any(state.category, doc.categories) &&
    any(state.kind, [doc.kind])
  );
}

function plural(count) {
  return count === 1 ? "1 result" : `${count} results`;
}

function start(form) {
  const input = form.elements.q;
  const status = form.querySelector("[data-search-status]");
  const list = form.querySelector("[data-search-results]");
  const empty = form.querySelector("[data-search-empty]");
  const template = document.querySelector("[data-search-result]");
  const boxes = (name) => [...form.querySelectorAll(`input[type="checkbox"][name="${name}"]`)];
  let engine = null;
  let latest = 0;

  const load = () =>
    (engine ??= Promise.all([
      loadScript(form.dataset.lunr),
      fetchJson(form.dataset.index),
      loadStore(form.dataset.documents),
    ]).then(([, index, store]) => ({ index: window.lunr.Index.load(index), store })));

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

  async function update() {
    const state = readState();
    writeAddress(state);
    const run = ++latest;
    if (!state.q && FILTERS.every((name) => !state[name].length)) {
      status.textContent = "";
      list.replaceChildren();
      empty.hidden = true;
      return;
    }
    let found;
    try {
      const { index, store } = await load();
      const refs = state.q
        ? search(index, store, state.q)
        : Object.keys(store.documents).sort((a, b) =>
            store.documents[a].title.localeCompare(store.documents[b].title),
          );
      found = { store, docs: refs.map((ref) => store.documents[ref]).filter((doc) => matches(doc, state)) };
    } catch {
      engine = null;
      if (run === latest) {
        status.textContent = "Search could not load. Check your connection and try again, or browse instead.";
        empty.hidden = false;
      }
      return;
    }
    // Typing fast starts several searches; only the last one may show.
    if (run !== latest) return;
    const { store, docs } = found;
    list.replaceChildren(
      ...docs.map((doc) => renderResult(template, doc, store, form.dataset.siteUrl, form.dataset.myList)),
    );
    enhanceSaveButtons(list);
    empty.hidden = docs.length > 0;
    const count = docs.length ? plural(docs.length) : "No results";
    status.textContent = state.q ? `${count} for ${state.q}` : count;
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

  const params = new URLSearchParams(location.search);
  showState(params);
  if ([...params.keys()].length) update();
}

const form = document.querySelector("[data-search-form]");
if (form) start(form);
