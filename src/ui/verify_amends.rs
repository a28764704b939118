//! The verify screen's lines for an amended plan (issue 14, item 5): a plan document whose
//! case names its earlier versions (`/case/amends/planDigests`, oldest first) shows one
//! line per earlier version with its digest; an unamended plan shows nothing.

use serde_json::Value;

use crate::engine::provision::amended_versions;
use crate::i18n::{t_in, PROVISION_VERIFY_PART};
use crate::ui::app::use_app;
use crate::ui::prelude::*;

/// "This plan amends version … (digest …)", one line per earlier version; nothing for a
/// plan that is not an amendment.
pub(crate) fn amends_lines(document: &Value) -> Option<AnyView> {
    let digests: Vec<String> = amended_versions(document)
        .into_iter()
        .map(str::to_string)
        .collect();
    if digests.is_empty() {
        return None;
    }
    let lang = use_app().lang;
    let items = digests
        .into_iter()
        .enumerate()
        .map(|(i, digest)| {
            let n = (i + 1).to_string();
            view! {
                <li class="digest-text">
                    {move || {
                        t_in(PROVISION_VERIFY_PART, lang.get(), "verify.amends.version")
                            .replace("{n}", &n)
                            .replace("{digest}", &digest)
                    }}
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <div class="verify-amends" id="verify-amends">
                <p>
                    {move || t_in(PROVISION_VERIFY_PART, lang.get(), "verify.amends.title")}
                </p>
                <ol class="verify-amends-list">{items}</ol>
            </div>
        }
        .into_any(),
    )
}
