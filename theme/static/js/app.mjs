// Enhances the page once it has loaded; everything works without it.
//
// GOV.UK's page template adds these classes with an inline script, which the
// site's Content-Security-Policy forbids, so this external module does it.
// Only browsers that run ES modules get here, which is the same test GOV.UK
// uses to decide that its components are supported.
import { createAll, ServiceNavigation, SkipLink } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

createAll(ServiceNavigation);
createAll(SkipLink);
