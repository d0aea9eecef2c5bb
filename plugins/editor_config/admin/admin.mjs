// The web editor's own code, loaded after Decap CMS (admin/index.html):
// the file formats that keep what editors did not change, the site's
// stylesheet in the preview pane and a preview for each collection. The
// build fills in the meta elements it reads from the content model.

import * as YAML from "./yaml/index.js";
import { pelicanPage } from "./pelican-page.mjs";
import { registerPreviews } from "./previews.mjs";
import { inPlaceYaml } from "./yaml-format.mjs";

const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
const { CMS, h, createClass } = window;

CMS.registerCustomFormat("yaml-in-place", "yaml", inPlaceYaml(YAML));
CMS.registerCustomFormat("pelican-page", "md", pelicanPage(new Set(meta("app-page-list-fields").split(",").filter(Boolean))));
CMS.registerPreviewStyle(meta("app-preview-style"));
registerPreviews(CMS, h, createClass, JSON.parse(meta("app-collections")));
