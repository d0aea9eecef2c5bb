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

// The ways to get in touch with an entry that My list shows and prints:
// its web address on this site (on paper, where a link cannot be followed),
// its phone, email and website. A route to a contact added to the records
// later (search_index/documents.py) belongs here too.
export function contactsOf(doc, pageAddress) {
  const found = [{ label: "Web address", text: pageAddress, href: pageAddress, printOnly: true }];
  if (doc.phone) found.push({ label: "Phone", text: doc.phone, href: `tel:${doc.phone.replace(/[^\d+]/g, "")}` });
  if (doc.email) found.push({ label: "Email", text: doc.email, href: `mailto:${doc.email}` });
  if (doc.website) found.push({ label: "Website", text: doc.website, href: doc.website });
  return found;
}

export function fillContacts(item, doc, pageAddress) {
  const list = item.querySelector('[data-slot="contact"]');
  list.replaceChildren(
    ...contactsOf(doc, pageAddress).map(({ label, text, href, printOnly }) => {
      const line = document.createElement("li");
      if (printOnly) line.className = "app-print-only";
      const link = document.createElement("a");
      link.className = "govuk-link";
      link.href = href;
      link.textContent = text;
      line.append(`${label}: `, link);
      return line;
    }),
  );
  list.hidden = false;
  // The phone is among the contacts.
  item.querySelector('[data-slot="phone"]').hidden = true;
}
