// "Save to my list": keeps the slugs of saved entries in this browser only
// (localStorage), and turns each [data-app-save-to-list] placeholder into a
// button. Without JavaScript the placeholders stay empty, so no button is
// offered that cannot work.

const KEY = "local-offer:my-list";
export const CHANGED = "app:my-list-changed";

export function savedSlugs() {
  try {
    const slugs = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(slugs) ? slugs.filter((slug) => typeof slug === "string") : [];
  } catch {
    // Storage can be switched off or hold something unreadable; start afresh.
    return [];
  }
}

export function saveSlugs(slugs) {
  localStorage.setItem(KEY, JSON.stringify([...new Set(slugs)]));
  document.dispatchEvent(new CustomEvent(CHANGED));
}

function toggle(slug) {
  const slugs = savedSlugs();
  saveSlugs(slugs.includes(slug) ? slugs.filter((s) => s !== slug) : [...slugs, slug]);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

function enhance(holder) {
  const slug = holder.dataset.appSaveToList;
  const button = element("button", "govuk-button govuk-button--secondary govuk-!-margin-bottom-1 app-save-button");
  button.type = "button";
  const label = document.createTextNode("");
  const name = element("span", "govuk-visually-hidden", `: ${holder.dataset.name}`);
  button.append(label, name);
  const status = element("p", "govuk-body-s app-save-status");
  status.setAttribute("role", "status");
  const show = () => {
    label.data = savedSlugs().includes(slug) ? "Remove from my list" : "Save to my list";
  };
  button.addEventListener("click", () => {
    toggle(slug);
    const saved = savedSlugs().includes(slug);
    status.replaceChildren(saved ? "Saved. " : "Removed. ");
    const link = element("a", "govuk-link", "View my list");
    link.href = holder.dataset.myList;
    status.append(link);
  });
  document.addEventListener(CHANGED, show);
  window.addEventListener("storage", show);
  show();
  holder.replaceChildren(button, status);
}

export function enhanceSaveButtons(root = document) {
  for (const holder of root.querySelectorAll("[data-app-save-to-list]:empty")) {
    enhance(holder);
  }
}

enhanceSaveButtons();
