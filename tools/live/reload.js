// Added by the local server (make serve) to each page it serves; the
// published site never has it. Reloads the page when the site has been
// rebuilt, and after a failed rebuild shows the problems at the top of the
// page, which stays as the last good build left it.
(() => {
  const loaded = document.currentScript.dataset.version;
  let banner = null;

  function show(problems) {
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "govuk-error-summary app-live-reload";
      banner.innerHTML =
        '<div role="alert"><h2 class="govuk-error-summary__title">The site could not be rebuilt</h2>' +
        '<div class="govuk-error-summary__body"><p class="govuk-body">You are seeing the last version that ' +
        "built. Fix the problems below and save the file: this page will update by itself.</p>" +
        '<ul class="govuk-list govuk-error-summary__list app-live-reload__list"></ul></div></div>';
      document.body.prepend(banner);
    }
    const list = banner.querySelector("ul");
    list.replaceChildren(
      ...problems.map((problem) => {
        const item = document.createElement("li");
        item.textContent = problem;
        return item;
      }),
    );
  }

  function hide() {
    if (banner) banner.remove();
    banner = null;
  }

  const events = new EventSource("/_live/events");
  events.onmessage = (message) => {
    const outcome = JSON.parse(message.data);
    if (outcome.version !== loaded && outcome.status !== "building") {
      events.close();
      window.location.reload();
    } else if (outcome.status === "failed") {
      show(outcome.problems);
    } else if (outcome.status === "ok") {
      hide();
    }
  };
})();
