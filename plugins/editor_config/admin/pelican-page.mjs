// Lets Decap CMS read and write information pages, which are Pelican
// Markdown: "Key: value" header lines, a blank line, then the page text.
// List fields (named in the page's app-page-list-fields meta element,
// generated from the content model) are comma-separated on one line.
// As with yaml-format.mjs, saving an existing page keeps every header line
// and the page text exactly as they were unless the editor changed them.

import { SOURCE } from "./yaml-format.mjs";

function read(text, listFields) {
  const data = {};
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const header = {};
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = /^([A-Za-z_]+):\s*(.*)$/.exec(lines[index]);
    if (!match) break;
    const key = match[1].toLowerCase();
    const value = match[2].trim();
    header[key] = lines[index];
    data[key] = listFields.has(key) ? value.split(",").map((part) => part.trim()).filter(Boolean) : value;
  }
  const rest = lines.slice(index).join("\n");
  data.body = rest.replace(/^\n+/, "");
  return { data, header, rest };
}

const same = (a, b) => JSON.stringify(a ?? "") === JSON.stringify(b ?? "");

function line(key, value) {
  if (value === undefined || value === null || value === "") return "";
  const text = Array.isArray(value) ? value.join(", ") : String(value).replace(/\s*\n\s*/g, " ");
  return text ? `${key.charAt(0).toUpperCase()}${key.slice(1)}: ${text}` : "";
}

export function pelicanPage(listFields) {
  return {
    fromFile(text) {
      return { ...read(text, listFields).data, [SOURCE]: text };
    },
    toFile(data) {
      const { [SOURCE]: source, ...values } = data;
      const original = source === undefined ? { data: {}, header: {}, rest: null } : read(source, listFields);
      const header = [];
      for (const key of new Set([...Object.keys(original.data), ...Object.keys(values)])) {
        const value = values[key];
        if (key === "body") continue;
        const kept = key in original.header && same(original.data[key], value);
        const text = kept ? original.header[key] : line(key, value);
        if (text) header.push(text);
      }
      const body = same(original.data.body, values.body) ? original.rest : `\n${(values.body || "").trim()}\n`;
      return `${header.join("\n")}\n${body}`;
    },
  };
}
