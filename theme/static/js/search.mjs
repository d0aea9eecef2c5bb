// The search page. Nothing is downloaded until it is needed: the first time
// there is something to search for (a query or filter in the address,
// typing, or a filter ticked), lunr.js and the small manifest load, and with
// them only the index shards the query's words need, the records of the
// results shown and the lists for the filters ticked (search-files.mjs).
// The query and filters live in the address, so a result list can be
// bookmarked or shared and opening that address shows the same results.
//
// How a query is read and ranked is search-query.mjs: the good matches are
// listed and counted; the loosely related ones are offered on request.

import { renderResult } from "./results.mjs";
import { enhanceSaveButtons } from "./my-list.mjs";
import { SearchFiles } from "./search-files.mjs";
import { assemble, roughWords, shardKey } from "./search-index.mjs";
import { bandsFor, closestWord, prepareVocabulary, rank, readQuery, termsOf } from "./search-query.mjs";

const FILTERS = ["age", "need", "category", "kind"];
// Browse pages offered when nothing is found: the types of help and needs most common among the nearest results.
const BROWSE_OFFERED = 3;
const WIDE_SCREEN = "(min-width: 40.0625em)";

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", resolve);
    script.addEventListener("error", () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}

function plural(count, one, many) {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

function link(href, text) {
  const a = document.createElement("a");
  a.className = "govuk-link";
  a.href = href;
  a.textContent = text;
  return a;
}

function start(form) {
  const input = form.elements.q;
  const part = (name) => form.querySelector(`[data-search-${name}]`);
  const status = part("status");
  const list = part("results");
  const more = part("more");
  const loose = part("loose");
  const looseList = part("loose-results");
  const empty = part("empty");
  const suggestion = part("suggestion");
  const fits = part("fits");
  const template = document.querySelector("[data-search-result]");
  const pageSize = Number(form.dataset.pageSize);
  const boxes = (name) => [...form.querySelectorAll(`input[type="checkbox"][name="${name}"]`)];
  const files = new SearchFiles(form);
  const indexes = new Map();
  let vocabulary = null;
  let lunrScript = null;
  let latest = 0;
  // The latest search's results, and how many of the good ones are shown.
  let found = { good: [], loose: [], shown: 0 };

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

  // The documents for the age a query names ("7 year old"), from the age filter's lists.
  async function forAge(manifest, age) {
    if (age === null) return null;
    const bands = bandsFor(age, manifest.query.age_bands);
    return new Set((await Promise.all(bands.map((id) => files.facet("age", id)))).flat());
  }

  async function resultsFor(state) {
    // Start on the shards the typed words need while lunr.js loads.
    roughWords(state.q).forEach((word) => files.shard(shardKey(word)));
    const filtering = filterFor(state);
    const [manifest] = await Promise.all([files.manifest(), loadLunr()]);
    vocabulary ??= prepareVocabulary(window.lunr, manifest.query);
    let result;
    if (state.q) {
      const query = readQuery(window.lunr, state.q, vocabulary);
      const keys = new Set(termsOf(query).map(shardKey));
      const [index, ages] = await Promise.all([indexFor(manifest, keys), forAge(manifest, query.age)]);
      result = rank(window.lunr, index, query, vocabulary, ages);
    } else {
      // Documents are numbered A to Z.
      result = { good: Array.from({ length: manifest.documents.count }, (_, number) => number), loose: [], unknown: [] };
    }
    const keep = await filtering;
    return { manifest, good: result.good.filter(keep), loose: result.loose.filter(keep), unknown: result.unknown };
  }

  async function show(manifest, numbers) {
    const docs = await files.records(numbers);
    return docs.map((doc) => renderResult(template, doc, manifest.labels, form.dataset.siteUrl, form.dataset.myList));
  }

  // "Did you mean ...?": each word the index has never seen, swapped for the site's closest word.
  async function suggest(text, unknown) {
    let corrected = text;
    for (const word of unknown) {
      const better = closestWord(word, await files.words(shardKey(word.toLowerCase())));
      const typed = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (better) corrected = corrected.replace(new RegExp(`(^|[^\\p{L}])${typed}(?=$|[^\\p{L}])`, "iu"), `$1${better}`);
    }
    if (corrected === text) return null;
    const params = new URLSearchParams(location.search);
    params.set("q", corrected);
    return { text: corrected, href: `?${params}` };
  }

  // Browse pages that fit what was searched for: the types of help and needs
  // of the nearest results; the broad ways to browse are always listed below.
  async function browsePages(manifest, numbers) {
    const browse = form.dataset.browse;
    if (!browse) return [];
    const counts = new Map();
    for (const doc of await files.records(numbers.slice(0, pageSize))) {
      for (const [facet, ids] of [["category", doc.categories || []], ["need", doc.needs]]) {
        for (const id of ids) counts.set(`${facet}/${id}`, (counts.get(`${facet}/${id}`) || 0) + 1);
      }
    }
    const names = { category: manifest.labels.categories, need: manifest.labels.needs };
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, BROWSE_OFFERED)
      .map(([key]) => {
        const [facet, id] = key.split("/");
        return link(`${browse}${facet}/${id}/`, names[facet][id]);
      });
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
    if (FILTERS.some((name) => params.getAll(name).length)) part("filters").open = true;
  }

  function writeAddress(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const name of FILTERS) state[name].forEach((value) => params.append(name, value));
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  function clear() {
    status.textContent = "";
    list.replaceChildren();
    looseList.replaceChildren();
    for (const element of [more, loose, empty, suggestion, looseList.parentElement]) element.hidden = true;
  }

  function failed() {
    clear();
    status.textContent = "Search could not load. Check your connection and try again, or browse instead.";
    empty.hidden = false;
  }

  async function update() {
    const state = readState();
    writeAddress(state);
    const run = ++latest;
    if (!state.q && FILTERS.every((name) => !state[name].length)) {
      clear();
      return;
    }
    let results, items, offer, fitting;
    try {
      results = await resultsFor(state);
      // With no good match, the loosely related ones are all there is to show.
      const first = results.good.length ? results.good : results.loose;
      items = await show(results.manifest, first.slice(0, pageSize));
      offer = state.q && results.unknown.length ? await suggest(state.q, results.unknown) : null;
      fitting = results.good.length ? [] : await browsePages(results.manifest, results.loose);
    } catch {
      if (run === latest) failed();
      return;
    }
    // Typing fast starts several searches; only the last one may show.
    if (run !== latest) return;
    clear();
    const { good } = results;
    found = { ...results, shown: items.length, first: good.length ? good : results.loose };
    list.replaceChildren(...items);
    enhanceSaveButtons(list);
    more.hidden = found.first.length <= found.shown;
    const words = state.q ? ` for ${state.q}` : "";
    if (good.length) {
      status.textContent = `${plural(good.length, "result", "results")}${words}`;
    } else if (results.loose.length) {
      status.textContent = `No close matches${words}. ${plural(results.loose.length, "result is", "results are")} loosely related`;
    } else {
      status.textContent = `No results${words}`;
    }
    if (good.length && results.loose.length) {
      loose.hidden = false;
      loose.querySelector("button").textContent = `Show ${plural(results.loose.length, "loosely related result", "loosely related results")}`;
    }
    if (offer) {
      suggestion.hidden = false;
      suggestion.replaceChildren("Did you mean ", link(offer.href, offer.text), "?");
    }
    empty.hidden = good.length > 0;
    fits.replaceChildren(
      ...fitting.map((a) => {
        const item = document.createElement("li");
        item.append(a);
        return item;
      }),
    );
    fits.parentElement.hidden = fitting.length === 0;
  }

  async function showMore() {
    const run = latest;
    const { manifest, first, shown } = found;
    let items;
    try {
      items = await show(manifest, first.slice(shown, shown + pageSize));
    } catch {
      if (run === latest) failed();
      return;
    }
    if (run !== latest) return;
    found.shown += items.length;
    list.append(...items);
    enhanceSaveButtons(list);
    more.hidden = first.length <= found.shown;
    // Take keyboard and screen reader users to the first new result.
    items[0]?.querySelector("a")?.focus();
  }

  async function showLoose() {
    const run = latest;
    let items;
    try {
      items = await show(found.manifest, found.loose);
    } catch {
      if (run === latest) failed();
      return;
    }
    if (run !== latest) return;
    looseList.replaceChildren(...items);
    enhanceSaveButtons(looseList);
    loose.hidden = true;
    const heading = looseList.parentElement.querySelector("h2");
    looseList.parentElement.hidden = false;
    heading.focus();
  }

  document.querySelectorAll("[data-search-no-js]").forEach((notice) => {
    notice.hidden = true;
  });
  // Filters take a whole screen on a phone, so there they start closed.
  if (window.matchMedia(WIDE_SCREEN).matches) part("filters").open = true;
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
  loose.querySelector("button").addEventListener("click", showLoose);

  const params = new URLSearchParams(location.search);
  showState(params);
  if ([...params.keys()].length) update();
}

const form = document.querySelector("[data-search-form]");
if (form) start(form);
