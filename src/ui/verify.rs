//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/verify.rs`.
#![allow(dead_code, unused_variables, unused_imports)]
//! Opening a plan file and verifying it: a file picker and a drop zone; then each
//! signature (valid / invalid / unsupported, with the reason), whether recomputing the
//! plan gives the same result, and a readable summary of the plan. The logic is in
//! [`crate::signing`]; this screen only reads the file and shows what it found.
//!
//! Also home of [`plan_view`] (the readable plan, shared with the sign step's print view)
//! and the small formatting helpers both screens use.

use crate::engine::integrity::ProofStatus;
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::signing::{
    date_text, money_text, open_plan_text, percent_text, too_large, LineSummary, PlanSummary,
    ProofLine, Recompute, Verified, MAX_FILE_BYTES,
};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::problem_text;
use crate::ui::prelude::*;
use crate::ui::workspace::reference;
use wasm_bindgen::JsCast;

/// A `created` time (`2025-09-01T10:00:00Z`) as local date and time in a language; text
/// that is not a time is shown as it is.
pub(crate) fn local_date_time(lang: Lang, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let day = crate::i18n::format_date(
        lang,
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    let separator = match lang {
        Lang::Lv => " ",
        Lang::En => ", ",
    };
    format!(
        "{day}{separator}{:02}:{:02}",
        date.get_hours(),
        date.get_minutes()
    )
}

/// The name of a role code in a language (the reference data's names).
pub(crate) fn role_name(lang: Lang, code: &str) -> String {
    if code == crate::signing::PARENT {
        return t(lang, "sign.role.parent").to_string();
    }
    reference()
        .ok()
        .and_then(|r| r.roles.roles.iter().find(|role| role.code == code))
        .map(|role| match lang {
            Lang::Lv => role.name.lv.clone(),
            Lang::En => role.name.en.clone(),
        })
        .unwrap_or_else(|| t(lang, "sign.role.unknown").to_string())
}

fn municipality_name(code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.regions.municipality(code).map(|(_, m)| m.name.clone()))
        .unwrap_or_else(|| code.to_string())
}

fn unit_name(lang: Lang, unit: &str) -> String {
    let key = format!("plan_doc.unit.{unit}");
    if crate::i18n::has(&key) {
        t(lang, &key).to_string()
    } else {
        unit.to_string()
    }
}

/// The status of a proof as an icon (hidden from screen readers) and words.
pub(crate) fn status_icon(status: ProofStatus) -> &'static str {
    match status {
        ProofStatus::Valid => "✓",
        ProofStatus::Invalid => "✗",
        ProofStatus::Unsupported => "?",
    }
}

/// A plan document, readable (stub).
pub(crate) fn plan_view(summary: PlanSummary, id_prefix: &str) -> AnyView {
    ().into_any()
}

#[component]
pub fn VerifyScreen() -> impl IntoView {
    view! { <section><h1>"VerifyScreen"</h1></section> }
}
