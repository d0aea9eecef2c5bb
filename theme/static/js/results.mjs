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

// The ways to get in touch about an entry that My list shows and prints:
// its web address on this site (on paper, where a link cannot be followed),
// then its own phone, email and website or, when it has none, the entry to
// ask and that entry's (the record's contact, search_index/documents.py).
// siteAddress is the site's full address, ending in "/".
export function contactsOf(doc, siteAddress) {
  const address = (url) => new URL(url, siteAddress).href;
  const { ask, phone, email, website } = doc.contact ?? {};
  const found = [{ lead: "Web address: ", text: address(doc.url), href: address(doc.url), printOnly: true }];
  if (ask) found.push({ lead: "Ask ", text: ask.title, href: address(ask.url) });
  if (phone) found.push({ lead: "Phone: ", text: phone, href: `tel:${phone.replace(/[^\d+]/g, "")}` });
  if (email) found.push({ lead: "Email: ", text: email, href: `mailto:${email}` });
  if (website) found.push({ lead: "Website: ", text: website, href: website });
  return found;
}

export function fillContacts(item, doc, siteAddress) {
  const list = item.querySelector('[data-slot="contact"]');
  list.replaceChildren(
    ...contactsOf(doc, siteAddress).map(({ lead, text, href, printOnly }) => {
      const line = document.createElement("li");
      if (printOnly) line.className = "app-print-only";
      const link = document.createElement("a");
      link.className = "govuk-link";
      link.href = href;
      link.textContent = text;
      line.append(lead, link);
      return line;
    }),
  );
  list.hidden = false;
  // The phone is among the contacts.
  item.querySelector('[data-slot="phone"]').hidden = true;
}
