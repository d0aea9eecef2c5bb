// Turns a record from the search files into a result, by filling a copy of
// the <template> the server rendered from the same macro as the browse
// pages, so both look and read the same. labels are the manifest's
// plain-English names for ids.

export function needsText(doc, labels) {
  if (doc.kind === "page") return "";
  if (!doc.needs.length) return "For any need";
  return "For " + doc.needs.map((need) => labels.needs[need]).join(", ");
}

export function renderResult(template, doc, labels, siteUrl, myListUrl) {
  const item = template.content.querySelector("li").cloneNode(true);
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  const fill = (name, text) => {
    slot(name).textContent = text || "";
    slot(name).hidden = !text;
  };
  slot("link").href = siteUrl + doc.url;
  slot("link").textContent = doc.title;
  slot("kind").textContent = labels.kinds[doc.kind];
  slot("summary").textContent = doc.summary;
  fill("ages", doc.ages);
  fill("needs", needsText(doc, labels));
  fill("phone", doc.phone ? `Phone ${doc.phone}` : "");
  if (doc.slug) {
    Object.assign(slot("save").dataset, { appSaveToList: doc.slug, name: doc.title, myList: myListUrl });
  }
  return item;
}
