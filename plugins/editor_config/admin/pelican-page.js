// Lets Decap CMS read and write information pages, which are Pelican
// Markdown: "Key: value" header lines, a blank line, then the page text.
// List fields (named in the page's app-page-list-fields meta element,
// generated from the content model) are comma-separated on one line.

const listFields = new Set(
  document.querySelector('meta[name="app-page-list-fields"]').content.split(",").filter(Boolean),
);

function fromFile(text) {
  const data = {};
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = /^([A-Za-z_]+):\s*(.*)$/.exec(lines[index]);
    if (!match) break;
    const key = match[1].toLowerCase();
    const value = match[2].trim();
    data[key] = listFields.has(key) ? value.split(",").map((part) => part.trim()).filter(Boolean) : value;
  }
  data.body = lines.slice(index).join("\n").replace(/^\n+/, "");
  return data;
}

function toFile(data) {
  const header = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === "body" || value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.join(", ") : String(value).replace(/\s*\n\s*/g, " ");
    if (text) header.push(`${key.charAt(0).toUpperCase()}${key.slice(1)}: ${text}`);
  }
  return `${header.join("\n")}\n\n${(data.body || "").trim()}\n`;
}

window.CMS.registerCustomFormat("pelican-page", "md", { fromFile, toFile });
