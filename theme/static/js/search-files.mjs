// Fetches the search files (plugins/search_index/shards.py says what is in
// each), each at most once for as long as the page is open. Every address
// carries the build's version, so a browser never mixes cached files from an
// older build with this page.

import { fromGaps } from "./search-index.mjs";

function fetchJson(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  });
}

// 32-bit FNV-1a over UTF-16 code units, as shards.py's fnv1a.
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

export class SearchFiles {
  // element carries data-search (the search folder's address) and data-version.
  constructor(element) {
    this.base = element.dataset.search;
    this.version = element.dataset.version;
    this.cache = new Map();
  }

  get(path) {
    if (!this.cache.has(path)) {
      const loading = fetchJson(`${this.base}${path}?v=${this.version}`);
      // A failed download can be tried again by the next search.
      loading.catch(() => this.cache.delete(path));
      this.cache.set(path, loading);
    }
    return this.cache.get(path);
  }

  manifest() {
    return this.get("manifest.json");
  }

  shard(key) {
    return this.get(`index/${key}.json`);
  }

  // {word: how many documents use it} for the site's words starting with this shard's letter.
  words(key) {
    return this.get(`words/${key}.json`);
  }

  // The numbers of the documents a filter checkbox keeps.
  async facet(name, value) {
    return fromGaps(await this.get(`facets/${name}/${encodeURIComponent(value)}.json`));
  }

  // The records of these documents, in the same order.
  async records(numbers) {
    const { documents } = await this.manifest();
    const files = await Promise.all(
      numbers.map((number) => this.get(`documents/${Math.floor(number / documents.per_file)}.json`)),
    );
    return numbers.map((number, i) => files[i][number]);
  }

  // slug -> record for the entries among these slugs; unknown slugs are left out.
  async recordsBySlug(slugs) {
    const { documents } = await this.manifest();
    const numbers = await Promise.all(
      slugs.map((slug) => this.get(`keys/${fnv1a(slug) % documents.slug_files}.json`).then((keys) => own(keys, slug))),
    );
    const known = slugs.filter((_, i) => numbers[i] !== undefined);
    const records = await this.records(numbers.filter((number) => number !== undefined));
    return new Map(known.map((slug, i) => [slug, records[i]]));
  }
}
