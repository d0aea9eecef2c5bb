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
const PLACE_WORDS = { special_school: "school", arp: "provision" };

// The theme's filters (plugins/govuk_theme/filters.py), for the preview.
export function ages(low, high) {
  const given = (age) => age !== undefined && age !== null && age !== "";
  if (!given(low) && !given(high)) return "";
  if (!given(low)) return `Up to age ${high}`;
  if (!given(high)) return `Age ${low} and over`;
  return Number(low) === Number(high) ? `Age ${low}` : `Ages ${low} to ${high}`;
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

// "2026-03-31" or "2026-03" as "March 2026"; with ``day``, "31 March 2026".
export function dateWords(value, day = false) {
  const [year, month, date] = String(value || "").split("-").map(Number);
  if (!year || !month) return "";
  return `${day && date ? `${date} ` : ""}${MONTHS[month - 1]} ${year}`;
}

const mapUrl = (place) =>
  place.latitude != null && place.longitude != null
    ? `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.postal_code || "")}`;

export function registerPreviews(CMS, h, createClass, collections) {
  const el = (tag, className, ...children) => h(tag, className ? { className } : null, ...children);
  const list = (value) => (Array.isArray(value) ? value.filter((item) => item !== null && item !== "") : []);

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

  function Entry(props) {
    const { entry, fields, collection, widgetFor, widgetsFor } = props;
    const data = entry.get("data").toJS();
    const label = (...path) => labels(fields, path);
    const isSchool = data.kind in PLACE_WORDS;
    const isOpen = !data.status || data.status === "active";
    const needs = list(isSchool ? data.designated_needs : data.needs);
    const needsField = isSchool ? "designated_needs" : "needs";
    const markdown = (name) => el("div", "app-prose", widgetFor(name));

    const who = [
      ages(data.minimum_age, data.maximum_age) && el("p", "govuk-body", ages(data.minimum_age, data.maximum_age)),
      needs.length
        ? [el("p", "govuk-body", isSchool ? "Designated for:" : "For children and young people with:"),
          el("ul", "govuk-list govuk-list--bullet", needs.map((id) => h("li", { key: id }, label(needsField)(id))))]
        : !isSchool && el("p", "govuk-body", "Any special educational need or disability"),
      data.eligibility_description && markdown("eligibility_description"),
    ];
    const costs = list(data.cost_options);
    const cost = [
      data.free === true && el("p", "govuk-body", "Free"),
      data.fees && el("p", "govuk-body", data.fees),
      costs.length
        ? el("ul", "govuk-list", costs.map((option, index) => h("li", { key: index },
          option.option,
          option.amount != null && option.amount !== "" ? `: ${pounds(option.amount)}` : "",
          option.amount_description ? ` (${option.amount_description})` : "")))
        : data.free === false && !data.fees && el("p", "govuk-body", "There is a charge. Contact them to ask how much."),
    ];
    const routes = list(data.access_routes);
    const how = [
      routes.length > 0 && el("ul", "govuk-list app-entry__plain-list",
        routes.map((id) => h("li", { key: id }, el("strong", null, label("access_routes")(id))))),
      data.application_process && markdown("application_process"),
    ];
    const phones = list(data.phones);
    const contact = [
      el("ul", "govuk-list app-entry__plain-list",
        phones.map((phone, index) => h("li", { key: index }, phone.description ? `${phone.description}: ` : "Phone: ",
          h("a", { className: "govuk-link", href: `tel:${String(phone.number || "").replace(/ /g, "")}` }, phone.number))),
        data.email && el("li", null, "Email: ", h("a", { className: "govuk-link", href: `mailto:${data.email}` }, data.email)),
        data.url && el("li", null, h("a", { className: "govuk-link", href: data.url }, `${data.name} website`))),
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
    const given = (value) => value !== undefined && value !== null && value !== "";

    const admissions = data.admissions || {};
    const school = isSchool && [
      el("h2", "govuk-heading-l", "Places and admissions"),
      summaryList([
        ["Phases", list(data.phases).map(label("phases")).join(", ")],
        ["Designated needs", needs.map(label(needsField)).join(", ")],
        given(data.places) && ["Places", String(data.places)],
        ["Needs an EHC plan", admissions.ehc_plan_required
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
      summaryList([
        ["Who it is for", who],
        (data.free === true || data.free === false || data.fees || costs.length) && ["Cost", cost],
        (routes.length || data.application_process) && ["How to get it", how],
        (phones.length || data.email || data.url || data.organization) && ["Contact", contact],
        places.length && [places.length === 1 ? "Address" : "Addresses", address],
        list(data.schedules).length && ["Opening times", times],
        venues.length && ["Venue accessibility", venue],
        ["Last checked", dateWords(data.assured_date)],
      ], "app-entry__facts"),
      el("h2", "govuk-heading-l", `About this ${PLACE_WORDS[data.kind] || "service"}`),
      markdown("description"),
      school,
    );
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
    return page(props,
      h("div", { className: "govuk-summary-card app-feedback-item", "data-topic": data.topic, "data-status": data.status },
        el("div", "govuk-summary-card__title-wrapper",
          el("h3", "govuk-summary-card__title", `${dateWords(data.received)}: ${label("source")(data.source)} `,
            el("strong", `govuk-tag app-feedback-item__status ${TAG_CLASSES[data.status] || ""}`, status))),
        el("div", "govuk-summary-card__content", summaryList([
          ["You said", paragraphs(data.you_said)],
          ...actions,
          ["Date of our response", dateWords(data.response_date, true)],
          ["About", [h("a", { className: "govuk-link", href: `/you-said-we-did/topic/${data.topic}/`, key: "topic" },
            label("topic")(data.topic)), ...terms.map((term) => `, ${term}`)]],
          related.length && ["Pages it concerns", el("ul", "govuk-list",
            related.map((slug) => h("li", { key: slug }, h("a", { className: "govuk-link", href: `/${slug}/` }, slug))))],
        ]))));
  }

  // The directory entries a page lists beside it, looked up by slug in
  // each entry collection, with their names and summaries as on the site.
  const RelatedEntries = createClass({
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
        const tries = collections.entries.map((name) =>
          this.props.getCollection(name, slug).then((entry) => entry.get("data"), () => null));
        Promise.all(tries).then((results) => {
          // A collection without the file gives an entry with no data.
          const data = results.find((found) => found && found.name) || { name: slug, summary: "" };
          this.setState((state) => ({ found: { ...state.found, [slug]: data } }));
        });
      }
    },
    render() {
      return el("ul", "govuk-list app-related__list", this.props.slugs.map((slug) => {
        const data = this.state.found[slug] || { name: slug, summary: "" };
        return h("li", { key: slug },
          h("a", { className: "govuk-link govuk-!-font-weight-bold", href: `/services/${slug}/` }, data.name),
          el("p", "app-related__summary", data.summary));
      }));
    },
  });

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
    const { entry, widgetFor, getCollection } = props;
    const data = entry.get("data").toJS();
    const related = list(data.related);
    return page(props,
      el("h1", "govuk-heading-xl", data.title),
      contents(data.body),
      el("div", "app-prose", widgetFor("body")),
      related.length > 0 && el("div", "app-related",
        el("h2", "govuk-heading-l", "Services and support for this"),
        h(RelatedEntries, { slugs: related, getCollection })));
  }

  for (const name of collections.entries) CMS.registerPreviewTemplate(name, Entry);
  CMS.registerPreviewTemplate(collections.feedback, Feedback);
  CMS.registerPreviewTemplate(collections.pages, InformationPage);
}
