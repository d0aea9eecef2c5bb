// Decap CMS's preview pane: each directory entry, "You said, we did" item
// and information page as families will see it, in the site's own
// stylesheet (admin.mjs registers it) and with the markup and classes of
// the theme's templates: theme/templates/entry.html,
// components/feedback-item.html and page.html. A browser test
// (tests/browser/test_admin.py) checks the preview uses the classes the
// built page uses, so a change to a template that is not made here fails.
//
// Decap renders previews with React; `h` is its createElement.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
const TAG_CLASSES = { "we-did": "govuk-tag--green", "we-are-doing": "govuk-tag--blue", "we-will": "govuk-tag--yellow",
  "we-cant": "govuk-tag--grey" };

const given = (value) => value !== undefined && value !== null && value !== "";

// The theme's filters (plugins/govuk_theme/filters.py), for the preview.

// Who an entry is for by age, as exact as its source: the ages filter.
export function ages(data, phaseLabel) {
  if (given(data.minimum_age) && given(data.maximum_age)) return `Ages ${data.minimum_age} to ${data.maximum_age}`;
  if (data.ages === "all") return "All ages, 0 to 25";
  const phases = (data.phases || []).filter(given);
  return phases.length ? `Phases: ${phases.map(phaseLabel).join(", ")}` : "Ages not known";
}

export function clock(time) {
  const [hours, minutes] = String(time).split(":").map(Number);
  if (hours === 12 && minutes === 0) return "midday";
  if (hours === 0 && minutes === 0) return "midnight";
  const shown = `${hours % 12 || 12}`;
  const suffix = hours < 12 ? "am" : "pm";
  return minutes === 0 ? `${shown}${suffix}` : `${shown}:${String(minutes).padStart(2, "0")}${suffix}`;
}

export function pounds(amount) {
  const text = Number(amount).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `£${text}`.replace(".00", "");
}

// A date as exact as it is known: "March 2026" or "2024" (month_year); with
// ``day``, "31 March 2026" too (date_words).
export function dateWords(value, day = false) {
  const [year, month, date] = String(value ?? "").split("-").map(Number);
  if (!year) return "";
  if (!month) return String(year);
  return `${day && date ? `${date} ` : ""}${MONTHS[month - 1]} ${year}`;
}

const mapUrl = (place) =>
  place.latitude != null && place.longitude != null
    ? `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.postal_code || "")}`;

// settings: which collections hold entries (with what each kind is called
// and whether it is a school), feedback and pages, what each way to get
// help means and the council's area (editor_config/decap.py, preview_settings).
export function registerPreviews(CMS, h, createClass, settings) {
  const el = (tag, className, ...children) => h(tag, className ? { className } : null, ...children);
  const list = (value) => (Array.isArray(value) ? value.filter(given) : []);
  const entryCollections = Object.keys(settings.entries);

  // The labels families see for the words a select field stores.
  function labels(fields, path) {
    let field;
    for (const name of path) {
      field = fields && fields.find((f) => f.get("name") === name);
      fields = field && field.get("fields");
    }
    const options = (field && field.get("options") && field.get("options").toJS()) || [];
    return (id) => (options.find((option) => option.value === id) || { label: id }).label;
  }

  function summaryList(rows, className) {
    return h("dl", { className: ["govuk-summary-list", className].filter(Boolean).join(" ") },
      rows.filter(Boolean).map(([key, value], index) =>
        h("div", { className: "govuk-summary-list__row", key: index },
          el("dt", "govuk-summary-list__key", key),
          el("dd", "govuk-summary-list__value", value))));
  }

  const paragraphs = (text) =>
    String(text || "").split("\n\n").filter((part) => part.trim())
      .map((part, index) => h("p", { className: "govuk-body", key: index }, part.trim()));

  // The sources a record names, as components/source-list.html lists them
  // (each option's label is the source's citation).
  const sourceList = (fields, data) =>
    el("ul", "govuk-list app-sources", list(data.sources).map((id) =>
      h("li", { className: "app-sources__item", key: id }, labels(fields, ["sources"])(id))));

  // The page around a preview, as base.html lays it out.
  const Page = createClass({
    componentDidMount() {
      this.props.document.documentElement.classList.add("govuk-template");
      this.props.document.body.classList.add("govuk-template__body", "govuk-frontend-supported");
    },
    render() {
      return el("div", "govuk-width-container",
        h("main", { className: "govuk-main-wrapper", id: "main-content" },
          el("div", "govuk-grid-row", el("div", "govuk-grid-column-two-thirds", this.props.children))));
    },
  });
  const page = (props, ...children) => h(Page, { document: props.document }, ...children);

  // Entries or pages named by slug, looked up in the collections that may
  // hold them, as saved; render(found) gets each one's data (or {name: slug}
  // until it is found, or when it is not).
  const Named = createClass({
    getInitialState() {
      return { found: {} };
    },
    componentDidMount() {
      this.look();
    },
    componentDidUpdate(previous) {
      if (previous.slugs.join() !== this.props.slugs.join()) this.look();
    },
    look() {
      for (const slug of this.props.slugs) {
        if (slug in this.state.found) continue;
        const tries = this.props.collections.map((name) =>
          this.props.getCollection(name, slug).then((entry) => entry.get("data"), () => null));
        Promise.all(tries).then((results) => {
          // A collection without the file gives an entry with no data.
          const data = results.find((found) => found && (found.name || found.title)) || { name: slug };
          this.setState((state) => ({ found: { ...state.found, [slug]: data } }));
        });
      }
    },
    render() {
      return this.props.render(this.props.slugs.map((slug) => this.state.found[slug] || { name: slug }));
    },
  });
  const named = (props, slugs, collections, render) =>
    h(Named, { slugs, collections, getCollection: props.getCollection, render });

  // An entry's phone numbers, email and website: components/contact-list.html.
  const contactList = (data) =>
    el("ul", "govuk-list app-entry__plain-list",
      list(data.phones).map((phone, index) => h("li", { key: index }, phone.description ? `${phone.description}: ` : "Phone: ",
        h("a", { className: "govuk-link", href: `tel:${String(phone.number || "").replace(/ /g, "")}` }, phone.number))),
      data.email && el("li", null, "Email: ", h("a", { className: "govuk-link", href: `mailto:${data.email}` }, data.email)),
      data.url && el("li", null, h("a", { className: "govuk-link", href: data.url }, `${data.name} website`)));

  // An entry as theme/templates/entry.html shows it; route is the entry it
  // names to ask (its data), if any.
  function entryPage(props, route) {
    const { entry, fields, collection, widgetFor, widgetsFor } = props;
    const data = entry.get("data").toJS();
    const label = (...path) => labels(fields, path);
    const kind = settings.entries[collection.get("name")] || {};
    const isOpen = !data.status || data.status === "active";
    const ownContact = list(data.phones).length > 0 || given(data.email) || given(data.url);
    // Who families ask when a source does not say: the entry itself, or the one it names.
    const contactName = ownContact || !route ? data.name : route.name;
    const needsField = kind.school ? "designated_needs" : "needs";
    const needs = list(data[needsField]);
    const markdown = (name) => el("div", "app-prose", widgetFor(name));

    const knownAges = ages(data, label("phases"));
    const who = [
      knownAges === "Ages not known"
        ? el("p", "govuk-body app-entry__ages", "Ages not known: our sources do not say which ages it is for. "
          + `Ask ${ownContact || !route ? "them" : route.name} which ages it is for.`)
        : el("p", "govuk-body app-entry__ages", knownAges),
      needs.length
        ? [el("p", "govuk-body", kind.school ? "Designated for:" : "For children and young people with:"),
          el("ul", "govuk-list govuk-list--bullet", needs.map((id) => h("li", { key: id }, label(needsField)(id))))]
        : !kind.school && el("p", "govuk-body", "Open to all children and young people with SEND"),
      data.eligibility_description && markdown("eligibility_description"),
    ];
    const costs = list(data.cost_options);
    const cost = [
      data.free === true && el("p", "govuk-body", "Free"),
      data.fees && el("p", "govuk-body", data.fees),
      costs.length
        ? el("ul", "govuk-list", costs.map((option, index) => h("li", { key: index },
          option.option,
          given(option.amount) ? `: ${pounds(option.amount)}` : "",
          option.amount_description ? ` (${option.amount_description})` : "")))
        : data.free === false && !data.fees && el("p", "govuk-body", "There is a charge. Contact them to ask how much."),
    ];
    const routes = list(data.access_routes);
    const how = [
      routes.length > 0 && el("ul", "govuk-list app-entry__plain-list",
        routes.map((id) => h("li", { key: id }, el("strong", null, label("access_routes")(id)), `: ${settings.access_routes[id] || ""}`))),
      data.application_process && markdown("application_process"),
    ];
    const contact = [
      ownContact && contactList(data),
      route && [el("p", "govuk-body app-entry__ask", "Ask ", h("a", { className: "govuk-link", href: `/services/${data.ask}/` }, route.name), ":"),
        contactList(route)],
      data.organization && el("p", "govuk-body", `Run by ${data.organization}`),
    ];
    const places = list(data.locations);
    const address = el("ul", "govuk-list app-entry__plain-list", places.map((place, index) =>
      h("li", { key: index }, place.name && [place.name, h("br", { key: "br" })],
        place.address_1, h("br"), place.city, h("br"), place.postal_code, h("br"),
        h("a", { className: "govuk-link", href: mapUrl(place) }, "View on OpenStreetMap",
          el("span", "govuk-visually-hidden", `: ${place.name || place.address_1}`)))));
    const times = el("ul", "govuk-list app-entry__plain-list", list(data.schedules).map((schedule, index) =>
      h("li", { key: index }, list(schedule.days).map(label("schedules", "days")).join(", "),
        schedule.opens_at && schedule.closes_at ? `: ${clock(schedule.opens_at)} to ${clock(schedule.closes_at)}`
          : schedule.opens_at ? `: from ${clock(schedule.opens_at)}` : "",
        schedule.description ? ` (${schedule.description})` : "")));
    const venues = places.filter((place) => place.accessibility);
    const venue = venues.map((place, index) => h("p", { className: "govuk-body", key: index },
      venues.length > 1 && [el("strong", null, place.name || place.address_1), ": "], place.accessibility));

    const admissions = data.admissions || {};
    const notKnown = `Not known: ask ${contactName}`;
    const school = kind.school && [
      el("h2", "govuk-heading-l", "Places and admissions"),
      summaryList([
        ["Phases", list(data.phases).length ? list(data.phases).map(label("phases")).join(", ") : notKnown],
        ["Designated needs", needs.map(label(needsField)).join(", ")],
        given(data.places) && ["Places", String(data.places)],
        ["Needs an EHC plan", !given(admissions.ehc_plan_required) ? notKnown : admissions.ehc_plan_required
          ? "Yes, a place is offered through an education, health and care (EHC) plan" : "No"],
        ["Who decides on places", admissions.admitting_authority],
      ]),
      admissions.details && [el("h3", "govuk-heading-m", "How admission works"),
        el("div", "app-prose", widgetsFor("admissions").getIn(["widgets", "details"]))],
    ];

    return page(props,
      el("span", "govuk-caption-l", collection.get("label_singular")),
      el("h1", "govuk-heading-xl", data.name),
      (!isOpen || data.alert) && h("div", { className: "govuk-notification-banner", role: "region",
        "aria-labelledby": "govuk-notification-banner-title" },
      el("div", "govuk-notification-banner__header",
        h("h2", { className: "govuk-notification-banner__title", id: "govuk-notification-banner-title" }, "Important")),
      el("div", "govuk-notification-banner__content",
        !isOpen && el("p", "govuk-notification-banner__heading", label("status")(data.status)),
        data.alert && el("p", "govuk-body", data.alert))),
      el("p", "govuk-body-l app-entry__summary", data.summary),
      data.outside_area === true && el("div", "govuk-inset-text app-entry__outside-area",
        `This is outside ${settings.area}. It is in the Local Offer because families from ${settings.area} use it.`),
      summaryList([
        ["Who it is for", who],
        (data.free === true || data.free === false || data.fees || costs.length) && ["Cost", cost],
        (routes.length || data.application_process) && ["How to get it", how],
        ["Contact", contact],
        places.length && [places.length === 1 ? "Address" : "Addresses", address],
        list(data.schedules).length && ["Opening times", times],
        venues.length && ["Venue accessibility", venue],
        ["From", sourceList(fields, data)],
        ["Last checked", dateWords(data.assured_date)],
      ], "app-entry__facts"),
      el("h2", "govuk-heading-l", `About this ${kind.noun || "service"}`),
      markdown("description"),
      school,
    );
  }

  function Entry(props) {
    const ask = props.entry.getIn(["data", "ask"]);
    return named(props, ask ? [ask] : [], entryCollections, ([route]) => entryPage(props, route));
  }

  function Feedback(props) {
    const { entry, fields } = props;
    const data = entry.get("data").toJS();
    const label = (name) => labels(fields, [name]);
    const status = label("status")(data.status);
    const related = list(data.related);
    const actions = data.status === "we-cant"
      ? [[`${status}, because`, paragraphs(data.reason)], ["Our response", paragraphs(data.response)]]
      : [[status, paragraphs(data.response)]];
    const terms = [...list(data.categories).map(label("categories")), ...list(data.needs).map(label("needs"))];
    const title = [label("source")(data.source), dateWords(data.received, true)].filter(Boolean).join(", ");
    const links = (found) => el("ul", "govuk-list", found.map((item, index) => h("li", { key: related[index] },
      h("a", { className: "govuk-link", href: `/${related[index]}/` }, item.name || item.title))));
    return page(props,
      h("div", { className: "govuk-summary-card app-feedback-item", "data-topic": data.topic, "data-status": data.status },
        el("div", "govuk-summary-card__title-wrapper",
          el("h3", "govuk-summary-card__title", `${title} `,
            el("strong", `govuk-tag app-feedback-item__status ${TAG_CLASSES[data.status] || ""}`, status))),
        el("div", "govuk-summary-card__content", summaryList([
          ["You said", paragraphs(data.you_said)],
          ...actions,
          ["When we heard it", data.received ? dateWords(data.received, true) : "Not recorded"],
          ["Date of our response", dateWords(data.response_date, true)],
          ["Source", sourceList(fields, data)],
          ["About", [h("a", { className: "govuk-link", href: `/you-said-we-did/topic/${data.topic}/`, key: "topic" },
            label("topic")(data.topic)), ...terms.map((term) => `, ${term}`)]],
          related.length && ["Pages it concerns", named(props, related, [...entryCollections, settings.pages], links)],
        ]))));
  }

  // The page's "## " headings, as the theme lists them above the text.
  function contents(markdown) {
    const headings = [...String(markdown || "").matchAll(/^## +(.+?)\s*#*$/gm)].map((match) => match[1]);
    const anchor = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const alphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    if (headings.length && headings.every((text) => alphabet.includes(text))) {
      return h("nav", { "aria-label": "Jump to a letter" }, el("ul", "app-letter-index", alphabet.map((letter) =>
        h("li", { key: letter }, headings.includes(letter)
          ? h("a", { className: "govuk-link app-letter-index__link", href: `#letter-${letter.toLowerCase()}` }, letter)
          : el("span", "app-letter-index__letter--empty", letter)))));
    }
    if (headings.length < 2) return null;
    return h("nav", { className: "app-contents-list", "aria-labelledby": "app-contents-list-title" },
      h("h2", { className: "app-contents-list__title", id: "app-contents-list-title" }, "Contents"),
      el("ol", "app-contents-list__list", headings.map((text, index) => h("li", { className: "app-contents-list__item",
        key: index }, h("a", { className: "govuk-link", href: `#${anchor(text)}` }, text)))));
  }

  function InformationPage(props) {
    const { entry, widgetFor, fields } = props;
    const data = entry.get("data").toJS();
    const related = list(data.related);
    const entries = (found) => el("ul", "govuk-list app-related__list", found.map((item, index) =>
      h("li", { key: related[index] },
        h("a", { className: "govuk-link govuk-!-font-weight-bold", href: `/services/${related[index]}/` }, item.name),
        el("p", "app-related__summary", item.summary))));
    return page(props,
      el("h1", "govuk-heading-xl", data.title),
      el("p", "govuk-body-s app-page-updated", `Last updated ${dateWords(data.modified, true)}`),
      contents(data.body),
      el("div", "app-prose", widgetFor("body")),
      el("div", "app-page-sources",
        el("h2", "govuk-heading-m", "Where this information comes from"),
        sourceList(fields, data)),
      related.length > 0 && el("div", "app-related",
        el("h2", "govuk-heading-l", "Services and support for this"),
        named(props, related, entryCollections, entries)));
  }

  for (const name of entryCollections) CMS.registerPreviewTemplate(name, Entry);
  CMS.registerPreviewTemplate(settings.feedback, Feedback);
  CMS.registerPreviewTemplate(settings.pages, InformationPage);
}
