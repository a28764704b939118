//! The settings step: plan start and length, the budget, the weights of the experts' and
//! the parents' rankings (one control, shown in words: "experts 60 %, parents 40 %"), and
//! the funding and cap policies, each explained in plain words. The defaults are
//! assumptions; the values used are written into the plan.

use crate::draft::{field_id, set_at, text_of, FieldKind};
use crate::engine::money::parse_money;
use crate::engine::problem::Problem;
use crate::i18n::{format_money, t, tf, Lang};
use crate::plan_view;
use crate::ui::app::use_app;
use crate::ui::form::{error_summary, error_text, problem_text, step_actions, Field};
use crate::ui::prelude::*;
use crate::ui::workspace::{use_case, Step};
use rust_decimal::Decimal;
use serde_json::Value;

/// Problems at or inside `path`, once errors are being shown.
fn problems_within(path: &'static str) -> Memo<Vec<Problem>> {
    let ctx = use_case();
    Memo::new(move |_| {
        if !ctx.show_errors.get() {
            return Vec::new();
        }
        ctx.problems_within(&[path])
    })
}

/// The error message of a group: every problem in `list`, after a hidden "Error:".
fn error_message(lang: Lang, id: &str, list: &[Problem]) -> El {
    error_text(
        el("p").class("error-message").id(id),
        lang,
        &list
            .iter()
            .map(|p| problem_text(lang, p))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The settings step's screen.
pub fn settings_step() -> View {
    component(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let budget_shown = move || {
            let text = ctx.case.with(|c| text_of(c.pointer("/settings/budget")));
            parse_money(text.trim())
                .ok()
                .map(|b| {
                    tf(
                        lang.get(),
                        "settings.budget.shown",
                        &[("amount", &format_money(lang.get(), b))],
                    )
                })
                .unwrap_or_default()
        };
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("settings-step")
            .view(error_summary(Step::Settings.scope()))
            .child(el("h1").id("step-title").tr("step.settings"))
            .child(el("p").class("lead").tr("settings.lead"))
            .child(el("p").class("notice").tr("settings.assumptions"))
            .child(
                Field::new("/settings/startDate", "settings.start_date")
                    .hint("settings.start_date.hint")
                    .input_type("date")
                    .narrow()
                    .view(),
            )
            .child(
                Field::new("/settings/periodMonths", "settings.period")
                    .hint("settings.period.hint")
                    .kind(FieldKind::Integer)
                    .inputmode("numeric")
                    .narrow()
                    .view(),
            )
            .child(
                Field::new("/settings/budget", "settings.budget")
                    .hint("settings.budget.hint")
                    .kind(FieldKind::Decimal)
                    .inputmode("decimal")
                    .narrow()
                    .view(),
            )
            .child(
                el("p")
                    .class("budget-shown")
                    .attr("aria-live", "polite")
                    .text_dyn(budget_shown),
            )
            .child(weights_control())
            .child(radio_group(
                "/settings/policy",
                "settings.policy.legend",
                "fill",
                &[
                    ("fill", "settings.policy.fill", "settings.policy.fill.hint"),
                    (
                        "strict",
                        "settings.policy.strict",
                        "settings.policy.strict.hint",
                    ),
                ],
            ))
            .child(radio_group(
                "/settings/caps",
                "settings.caps.legend",
                "trim",
                &[
                    ("trim", "settings.caps.trim", "settings.caps.trim.hint"),
                    (
                        "reject",
                        "settings.caps.reject",
                        "settings.caps.reject.hint",
                    ),
                ],
            ))
            .view(step_actions(Step::Settings))
            .into()
    })
}

/// The experts' share as one select (0–100 % in 5 % steps), each option in words; the
/// parents' share follows. Writes both weights so they always sum to 1.
fn weights_control() -> El {
    untrack(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let id = field_id("/settings/weights");
        let problems = problems_within("/settings/weights");
        let current = Memo::new(move |_| {
            ctx.case.with(|c| {
                let expert = text_of(c.pointer("/settings/weights/expert"));
                let parent = text_of(c.pointer("/settings/weights/parent"));
                let e = plan_view::expert_percent(&expert)?;
                let p = plan_view::expert_percent(&parent)?;
                (e + p == Decimal::ONE_HUNDRED).then_some(e)
            })
        });
        let missing = Memo::new(move |_| {
            ctx.case
                .with(|c| matches!(c.pointer("/settings/weights"), None | Some(Value::Null)))
        });
        // The engine reads missing weights as the default 60 / 40.
        let shown = move || {
            current
                .get()
                .or_else(|| missing.get().then(|| Decimal::from(60)))
        };
        let on_change = move |ev: web_sys::Event| {
            let Ok(percent) = target_value(&ev).parse::<Decimal>() else {
                return;
            };
            if let Some((expert, parent)) = plan_view::weights_for_percent(percent) {
                ctx.update(|c| {
                    set_at(c, "/settings/weights/expert", Value::String(expert));
                    set_at(c, "/settings/weights/parent", Value::String(parent));
                });
            }
        };
        let error_id = format!("{id}-error");
        let described_by = {
            let error_id = error_id.clone();
            move || {
                Some(if problems.get().is_empty() {
                    "settings-weights-hint settings-weights-now".to_string()
                } else {
                    format!("settings-weights-hint settings-weights-now {error_id}")
                })
            }
        };
        let select = el("select")
            .id(&id)
            .attr("name", &id)
            .class("select")
            .attr_dyn("aria-invalid", move || {
                (!problems.get().is_empty()).then(|| "true".to_string())
            })
            .attr_dyn("aria-describedby", described_by)
            .on("change", on_change)
            .dyn_view(move || {
                shown()
                    .is_none()
                    .then(|| {
                        el("option")
                            .attr("value", "")
                            .attr("selected", "")
                            .text(t(lang.get(), "form.choose"))
                    })
                    .into()
            })
            .dyn_view(move || {
                let l = lang.get();
                let selected = shown();
                plan_view::percent_options(selected)
                    .into_iter()
                    .map(|p| {
                        el("option")
                            .attr("value", &p.to_string())
                            .attr_opt("selected", (Some(p) == selected).then_some(""))
                            .text(&plan_view::weights_in_words(l, p))
                    })
                    .collect()
            });
        el("div")
            .class("form-group")
            .class_when("form-group-error", move || !problems.get().is_empty())
            .child(
                el("h2")
                    .class("settings-subtitle")
                    .tr("settings.weights.legend"),
            )
            .child(
                el("label")
                    .class("label")
                    .attr("for", &id)
                    .tr("settings.weights.label"),
            )
            .child(
                el("p")
                    .class("hint")
                    .id("settings-weights-hint")
                    .tr("settings.weights.hint"),
            )
            .dyn_view(move || {
                let list = problems.get();
                (!list.is_empty())
                    .then(|| error_message(lang.get(), &error_id, &list))
                    .into()
            })
            .child(select)
            .child(
                el("p")
                    .class("weights-now")
                    .id("settings-weights-now")
                    .text_dyn(move || match shown() {
                        Some(p) => tf(
                            lang.get(),
                            "settings.weights.current",
                            &[("words", &plan_view::weights_in_words(lang.get(), p))],
                        ),
                        None => t(lang.get(), "settings.weights.unreadable").to_string(),
                    }),
            )
    })
}

/// A group of radios bound to a text value of the case at `path`, each option with a
/// plain explanation (value, label key, hint key). The first radio carries the field id
/// the error summary links to.
fn radio_group(
    path: &'static str,
    legend: &'static str,
    default_value: &'static str,
    options: &[(&'static str, &'static str, &'static str)],
) -> El {
    untrack(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let base = field_id(path);
        let problems = problems_within(path);
        let current = Memo::new(move |_| {
            ctx.case.with(|c| match c.pointer(path) {
                None | Some(Value::Null) => default_value.to_string(),
                Some(v) => text_of(Some(v)),
            })
        });
        let error_id = format!("{base}-error");
        let error_id_for_message = error_id.clone();
        let radios = options
            .iter()
            .enumerate()
            .map(|(i, &(value, label, hint))| {
                let id = if i == 0 {
                    base.clone()
                } else {
                    format!("{base}-{value}")
                };
                let hint_id = format!("{id}-hint");
                el("div")
                    .class("svc-radio")
                    .child(
                        el("input")
                            .attr("type", "radio")
                            .id(&id)
                            .attr("name", &base)
                            .attr("value", value)
                            .attr("aria-describedby", &hint_id)
                            .prop_bool("checked", move || current.get() == value)
                            .on("change", move |_| {
                                ctx.update(|c| {
                                    set_at(c, path, Value::String(value.to_string()));
                                })
                            }),
                    )
                    .child(el("label").attr("for", &id).tr(label))
                    .child(el("p").class("hint").id(&hint_id).tr(hint))
            });
        el("fieldset")
            .class("form-group svc-radios")
            .class_when("form-group-error", move || !problems.get().is_empty())
            .attr_dyn("aria-describedby", move || {
                (!problems.get().is_empty()).then(|| error_id.clone())
            })
            .child(el("legend").tr(legend))
            .dyn_view(move || {
                let list = problems.get();
                (!list.is_empty())
                    .then(|| error_message(lang.get(), &error_id_for_message, &list))
                    .into()
            })
            .children(radios)
    })
}
