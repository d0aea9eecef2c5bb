// How Decap CMS reads and writes directory entries and "You said, we did"
// items: YAML that keeps every byte an editor did not change.
//
// Decap's own YAML format writes the whole file afresh: it drops the quotes
// around phone numbers and times, moves keys, rewraps text and loses
// comments, so a one-word change would show in review as a rewrite of the
// file. This format reads the file with the `yaml` library's Document API,
// keeps the original text beside the values Decap edits, and on saving
// replaces only the top-level fields whose value changed (inside those,
// unchanged items keep their quoting and layout). New files are written in
// the house style the editors' guide uses: lists of words in [brackets],
// Markdown as a `|` block, phone numbers and times in double quotes.
//
// The library is passed in (the `yaml` package from npm, which the build
// copies into admin/yaml/), so tests/js can run this module in Node.

// The key under which an entry's original text travels with its values.
// Decap keeps keys it has no field for, and this one is never written.
export const SOURCE = "__original_yaml";

const INT = "tag:yaml.org,2002:int";
const WRITE = { lineWidth: 0, flowCollectionPadding: false };

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.values(value).every(isEmpty);
}

// Equal as an editor would see it: a missing value, "" and [] are all "not given".
function same(a, b) {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isObject(a) && isObject(b)) return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => same(a[k], b[k]));
  return a === b;
}

// Keys in the order of Decap's fields, then any others in the order given.
function ordered(values, fieldOrder) {
  const keys = Object.keys(values);
  return [...fieldOrder.filter((key) => keys.includes(key)), ...keys.filter((key) => !fieldOrder.includes(key))];
}

export function inPlaceYaml(YAML) {
  // As YAML 1.2, except that a number written with a leading zero (an
  // unquoted phone number) stays text, as the site's own loader reads it.
  const READ = {
    customTags: (tags) =>
      tags.map((tag) => (tag.tag === INT && !tag.format ? { ...tag, test: /^[-+]?(?:0|[1-9][0-9]*)$/ } : tag)),
  };

  function styled(text) {
    const lines = text.includes("\n");
    const scalar = new YAML.Scalar(lines && !text.endsWith("\n") ? `${text}\n` : text);
    if (lines) scalar.type = YAML.Scalar.BLOCK_LITERAL;
    // Text starting with a digit (a phone number, a time such as 09:30) is
    // quoted, so no YAML reader takes it for a number; dates stay plain.
    else if (/^[+\d]/.test(text) && !/^\d{4}-\d{2}(-\d{2})?$/.test(text)) scalar.type = YAML.Scalar.QUOTE_DOUBLE;
    return scalar;
  }

  function build(value) {
    if (Array.isArray(value)) {
      const seq = new YAML.YAMLSeq();
      seq.items = value.filter((item) => !isEmpty(item)).map(build);
      seq.flow = value.every((item) => !isObject(item) && !Array.isArray(item));
      return seq;
    }
    if (isObject(value)) {
      const map = new YAML.YAMLMap();
      for (const [key, item] of Object.entries(value)) {
        if (!isEmpty(item)) map.items.push(new YAML.Pair(new YAML.Scalar(key), build(item)));
      }
      return map;
    }
    return typeof value === "string" ? styled(value) : new YAML.Scalar(value);
  }

  const keyOf = (pair) => String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);

  // The node for ``after``, changing ``node`` (which holds ``before``) as little as possible.
  function update(node, before, after) {
    if (same(before, after)) return node;
    if (YAML.isScalar(node) && !isObject(after) && !Array.isArray(after)) {
      const block = node.type === YAML.Scalar.BLOCK_LITERAL || node.type === YAML.Scalar.BLOCK_FOLDED;
      // A | block that ended with a line break keeps ending with one.
      const keepBreak = block && typeof before === "string" && before.endsWith("\n") && typeof after === "string";
      node.value = keepBreak && !after.endsWith("\n") ? `${after}\n` : after;
      if (typeof before !== "string" && typeof after === "string") return styled(after);
      return node;
    }
    if (YAML.isMap(node) && isObject(before) && isObject(after)) {
      node.items = node.items.filter((pair) => !isEmpty(after[keyOf(pair)]) || isEmpty(before[keyOf(pair)]));
      for (const pair of node.items) pair.value = update(pair.value, before[keyOf(pair)], after[keyOf(pair)]);
      const present = new Set(node.items.map(keyOf));
      for (const [key, value] of Object.entries(after)) {
        if (!present.has(key) && !isEmpty(value)) node.items.push(new YAML.Pair(new YAML.Scalar(key), build(value)));
      }
      return node;
    }
    if (YAML.isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
      node.items = after.map((item, i) => (i < node.items.length ? update(node.items[i], before[i], item) : build(item)));
      return node;
    }
    const fresh = build(after);
    if (YAML.isSeq(node) && YAML.isSeq(fresh)) fresh.flow = node.flow;
    return fresh;
  }

  // "key: value" as the file writes it, without the comments around the pair
  // (they are outside the text being replaced, so they stay where they are).
  function pairText(key, value) {
    const doc = new YAML.Document();
    const copy = YAML.isNode(value) ? value : build(value);
    const comment = copy.comment;
    copy.comment = undefined;
    doc.contents = new YAML.YAMLMap();
    doc.contents.items.push(new YAML.Pair(new YAML.Scalar(key), copy));
    const text = doc.toString(WRITE);
    copy.comment = comment;
    return text;
  }

  function fresh(values, fieldOrder) {
    const doc = new YAML.Document();
    doc.contents = new YAML.YAMLMap();
    for (const key of ordered(values, fieldOrder)) {
      if (!isEmpty(values[key])) doc.contents.items.push(new YAML.Pair(new YAML.Scalar(key), build(values[key])));
    }
    return doc.toString(WRITE);
  }

  function edited(source, values, fieldOrder) {
    const doc = YAML.parseDocument(source, READ);
    if (doc.errors.length || !YAML.isMap(doc.contents)) return fresh(values, fieldOrder);
    const before = doc.toJS() || {};
    const end = (pair) => (pair.value ? pair.value.range[1] : pair.key.range[2]);
    // The start of the line after ``position`` (or the end of the file).
    const lineEnd = (position) =>
      source[position - 1] === "\n" ? position : source.indexOf("\n", position) + 1 || source.length;
    const edits = [];
    for (const pair of doc.contents.items) {
      const key = keyOf(pair);
      const [start, stop] = [pair.key.range[0], end(pair)];
      if (isEmpty(values[key])) {
        if (!isEmpty(before[key])) edits.push({ start, stop: lineEnd(stop), text: "" });
      } else if (!same(before[key], values[key])) {
        const text = pairText(key, update(pair.value, before[key], values[key]));
        edits.push({ start, stop, text: source.slice(start, stop).endsWith("\n") ? text : text.replace(/\n$/, "") });
      }
    }
    // A field given for the first time goes after the field before it in
    // Decap's order, or first if none of those is in the file.
    const found = new Map(doc.contents.items.map((pair) => [keyOf(pair), pair]));
    const order = ordered(values, fieldOrder);
    order.forEach((key, index) => {
      if (found.has(key) || isEmpty(values[key])) return;
      const previous = order.slice(0, index).reverse().find((other) => found.has(other));
      const at = previous ? lineEnd(end(found.get(previous))) : doc.contents.items[0]?.key.range[0] ?? 0;
      const newline = at === source.length && at > 0 && !source.endsWith("\n") ? "\n" : "";
      edits.push({ start: at, stop: at, text: newline + pairText(key, values[key]) });
    });
    // From the end of the file backwards, so each edit's offsets still hold;
    // at the same offset, a replacement before an insertion.
    edits.sort((a, b) => b.start - a.start || b.stop - a.stop);
    let text = source;
    for (const { start, stop, text: replacement } of edits) text = text.slice(0, start) + replacement + text.slice(stop);
    return text;
  }

  return {
    fromFile(text) {
      const doc = YAML.parseDocument(text, READ);
      if (doc.errors.length) throw new Error(`This file's YAML cannot be read: ${doc.errors[0].message}`);
      return { ...(doc.toJS() || {}), [SOURCE]: text };
    },
    // Decap passes the values and its fields' names in order.
    toFile(data, fieldOrder = []) {
      const { [SOURCE]: source, ...values } = data;
      return source === undefined ? fresh(values, fieldOrder) : edited(source, values, fieldOrder);
    },
  };
}
