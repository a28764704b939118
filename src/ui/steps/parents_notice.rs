//! The parents' order on the plan and sign screens: when the parents have not ranked
//! (or their order needs a look after the experts' list changed, or the decision to
//! follow the experts has no reason) the plan is provisional and cannot be signed, and
//! this says so, names the changed services and links to the ranking step. On the plan
//! screen it also shows the provisional outcome in the experts' order alone
//! ([`crate::engine::validate::provisional_case`]). A recorded follow-the-experts
//! decision is shown with its reason. The logic is in [`crate::exchange::order_status`].

use crate::engine::allocate::allocate;
use crate::engine::validate::provisional_case;
use crate::exchange::{self, OrderStatus};
use crate::i18n::{t, tf, Lang};
use crate::plan_view;
use crate::ui::app::{use_app, Screen};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, Step};
use serde_json::Value;

/// A service's name in a language, or its code when the catalogue does not know it.
fn name_of(lang: Lang, code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.catalogue.service(code))
        .map(|s| plan_view::service_name(lang, s).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The provisional outcome in the experts' order alone: "1. Name: reason" per line, or
/// nothing when the case is not complete otherwise (the plan screen lists what is missing).
fn provisional_lines(lang: Lang, case: &Value) -> Option<Vec<String>> {
    let reference = reference().ok()?;
    let valid = provisional_case(case, reference).ok()?;
    let allocation = allocate(&valid, &reference.catalogue).ok()?;
    Some(
        allocation
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let service = reference.catalogue.service(&line.code);
                let name = service
                    .map(|s| plan_view::service_name(lang, s).to_string())
                    .unwrap_or_else(|| line.code.clone());
                tf(
                    lang,
                    "parents_notice.preview.line",
                    &[
                        ("n", &line.position.to_string()),
                        ("name", &name),
                        (
                            "status",
                            // The one wording of a reason (plan, verify, print).
                            &plan_view::line_explanation(
                                lang,
                                &valid,
                                &reference.catalogue,
                                &allocation.lines,
                                index,
                            )
                            .map(|words| words.reason)
                            .unwrap_or_default(),
                        ),
                    ],
                )
            })
            .collect(),
    )
}

/// The notice; `preview` adds the provisional outcome (the plan screen).
#[component]
pub fn ParentsNotice(#[prop(optional)] preview: bool) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let status = Memo::new(move |_| {
        ctx.case
            .with(|c| ctx.problems.with(|p| exchange::order_status(c, p)))
    });
    move || {
        let l = lang.get();
        let (title, body) = match status.get() {
            OrderStatus::NoServices | OrderStatus::Ranked => return None,
            OrderStatus::FollowExperts(true) => {
                let reason = ctx.case.with(exchange::follow_experts).unwrap_or_default();
                return Some(
                    view! {
                        <p class="notice parents-follow-note">
                            {tf(l, "parents_notice.follow", &[("reason", reason.trim())])}
                        </p>
                    }
                    .into_any(),
                );
            }
            OrderStatus::FollowExperts(false) => (
                "parents_notice.follow_missing.title",
                "parents_notice.follow_missing.body",
            ),
            OrderStatus::NotRanked => (
                "parents_notice.not_ranked.title",
                "parents_notice.not_ranked.body",
            ),
            OrderStatus::NeedsLook(_) => (
                "parents_notice.needs_look.title",
                "parents_notice.needs_look.body",
            ),
        };
        let changes = match status.get() {
            OrderStatus::NeedsLook(changes) => changes,
            _ => Vec::new(),
        };
        let changes = (!changes.is_empty()).then(|| {
            let items = changes
                .into_iter()
                .map(|(code, change)| {
                    view! { <li>{tf(l, change.key(), &[("name", &name_of(l, &code))])}</li> }
                })
                .collect_view();
            view! { <ul class="parents-changes">{items}</ul> }
        });
        let lines = if preview {
            ctx.case.with(|c| provisional_lines(l, c))
        } else {
            None
        };
        let preview = lines.map(|lines| {
            let items = lines
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            view! {
                <h3>{t(l, "parents_notice.preview.title")}</h3>
                <ul class="provisional-lines">{items}</ul>
            }
        });
        let ranking = Screen::Case {
            id: ctx.id.get_value(),
            step: Step::Ranking,
        };
        let href = ranking.hash();
        Some(
            view! {
                <div
                    class="alert alert-warning parents-plan-notice"
                    id="parents-plan-notice"
                    tabindex="-1"
                    role="region"
                    aria-labelledby="parents-plan-notice-title"
                >
                    <h2 id="parents-plan-notice-title">{t(l, title)}</h2>
                    <p>{t(l, body)}</p>
                    {changes}
                    {preview}
                    <p>
                        <a
                            href=href
                            on:click=move |ev| {
                                ev.prevent_default();
                                app.navigate(ranking.clone());
                            }
                        >
                            {t(l, "parents_notice.go")}
                        </a>
                    </p>
                </div>
            }
            .into_any(),
        )
    }
}
