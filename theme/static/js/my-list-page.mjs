// The My list page: the entries saved in this browser, or the entries named
// in a shared address (/my-list/?items=slug1,slug2). It fetches only the
// records of those entries, never the search index.

import { fillContacts, renderResult } from "./results.mjs";
import { CHANGED, enhanceSaveButtons, savedSlugs, saveSlugs } from "./my-list.mjs";
import { SearchFiles } from "./search-files.mjs";

async function start(page) {
  const part = (name) => page.querySelector(`[data-my-list-${name}]`);
  const template = document.querySelector("[data-search-result]");
  const shared = new URLSearchParams(location.search).get("items");
  const sharedSlugs = shared === null ? null : shared.split(",").map((slug) => slug.trim()).filter(Boolean);

  document.querySelectorAll("[data-search-no-js]").forEach((notice) => {
    notice.hidden = true;
  });
  page.hidden = false;

  const files = new SearchFiles(page);
  let manifest, bySlug;
  try {
    manifest = await files.manifest();
    bySlug = await files.recordsBySlug(sharedSlugs ?? savedSlugs());
  } catch {
    part("empty").textContent = "Your list could not load. Check your connection and try again.";
    part("empty").hidden = false;
    return;
  }

  function render() {
    const docs = (sharedSlugs ?? savedSlugs()).map((slug) => bySlug.get(slug)).filter(Boolean);
    part("items").replaceChildren(
      ...docs.map((doc) => {
        const item = renderResult(template, doc, manifest.labels, page.dataset.siteUrl, page.dataset.myList);
        fillContacts(item, doc, new URL(page.dataset.siteUrl, location.href).href);
        return item;
      }),
    );
    enhanceSaveButtons(part("items"));
    part("empty").hidden = docs.length > 0;
    part("actions").hidden = docs.length === 0;
    const address = new URL(location.pathname, location.href);
    address.search = `items=${docs.map((doc) => doc.slug).join(",")}`;
    part("share").value = address.href;
  }

  if (sharedSlugs) {
    document.querySelector("[data-my-list-heading]").textContent = "A shared list";
    part("intro").hidden = true;
    part("shared").hidden = false;
    const saveAll = part("save-all");
    saveAll.hidden = false;
    saveAll.addEventListener("click", () => {
      saveSlugs([...savedSlugs(), ...sharedSlugs.filter((slug) => bySlug.has(slug))]);
      saveAll.textContent = "Saved to my list";
    });
  } else {
    // Removing an entry here takes it off the list straight away.
    document.addEventListener(CHANGED, render);
  }
  part("print").addEventListener("click", () => window.print());
  const address = part("share");
  address.addEventListener("focus", (event) => event.target.select());
  const said = part("status");
  part("copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address.value);
      said.textContent = "Link copied. You can paste it into a message or email.";
    } catch {
      // No clipboard (an older browser, or permission refused): leave it selected to copy by hand.
      address.focus();
      said.textContent = "Copy the selected link: press and hold it, or use Ctrl and C.";
    }
  });
  // The phone's own share sheet (messages, email, WhatsApp), where the browser has one.
  if (navigator.share) {
    const share = part("share-button");
    share.hidden = false;
    share.addEventListener("click", () => {
      navigator.share({ title: document.title, url: address.value }).catch(() => {});
    });
  }
  render();
}

const page = document.querySelector("[data-my-list-page]");
if (page) start(page);
