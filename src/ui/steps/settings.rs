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
use crate::ui::form::{error_text, field_problem, ErrorSummary, Field, StepActions};
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
fn error_message(lang: Lang, id: &str, list: &[Problem]) -> AnyView {
    let ctx = use_case();
    let text = list
        .iter()
        .map(|p| ctx.case.with_untracked(|c| field_problem(lang, c, p)))
        .collect::<Vec<_>>()
        .join(" ");
    view! { <p class="error-message" id=id.to_string()>{error_text(lang, &text)}</p> }.into_any()
}

/// The settings step's screen.
#[component]
pub fn SettingsStep() -> impl IntoView {
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
    view! {
        <section aria-labelledby="step-title" class="settings-step">
            <ErrorSummary scope=Step::Settings.scope() />
            <h1 id="step-title">{tr("step.settings")}</h1>
            <p class="lead">{tr("settings.lead")}</p>
            <p class="notice">{tr("settings.assumptions")}</p>
            {Field::new("/settings/startDate", "settings.start_date")
                .hint("settings.start_date.hint")
                .input_type("date")
                .narrow()
                .view()}
            {Field::new("/settings/periodMonths", "settings.period")
                .hint("settings.period.hint")
                .kind(FieldKind::Integer)
                .inputmode("numeric")
                .narrow()
                .view()}
            {Field::new("/settings/budget", "settings.budget")
                .hint("forms.money.hint")
                .kind(FieldKind::Decimal)
                .inputmode("decimal")
                .narrow()
                .view()}
            <p class="budget-shown" aria-live="polite">{budget_shown}</p>
            <WeightsControl />
            <RadioGroup
                path="/settings/policy"
                legend="settings.policy.legend"
                default_value="fill"
                options=&[
                    ("fill", "settings.policy.fill", "settings.policy.fill.hint"),
                    ("strict", "settings.policy.strict", "settings.policy.strict.hint"),
                ]
            />
            <RadioGroup
                path="/settings/caps"
                legend="settings.caps.legend"
                default_value="trim"
                options=&[
                    ("trim", "settings.caps.trim", "settings.caps.trim.hint"),
                    ("reject", "settings.caps.reject", "settings.caps.reject.hint"),
                ]
            />
            <StepActions step=Step::Settings />
        </section>
    }
}

/// The experts' share as one select (0–100 % in 5 % steps), each option in words; the
/// parents' share follows. Writes both weights so they always sum to 1.
#[component]
fn WeightsControl() -> impl IntoView {
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
    let on_change = move |ev: leptos::ev::Event| {
        let Ok(percent) = event_target_value(&ev).parse::<Decimal>() else {
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
            if problems.with(Vec::is_empty) {
                "settings-weights-hint settings-weights-now".to_string()
            } else {
                format!("settings-weights-hint settings-weights-now {error_id}")
            }
        }
    };
    let select = view! {
        <select
            id=id.clone()
            name=id.clone()
            class="select"
            aria-invalid=move || (!problems.with(Vec::is_empty)).then_some("true")
            aria-describedby=described_by
            on:change=on_change
        >
            {move || {
                shown()
                    .is_none()
                    .then(|| {
                        view! {
                            <option value="" selected="">
                                {t(lang.get(), "form.choose")}
                            </option>
                        }
                    })
            }}
            {move || {
                let l = lang.get();
                let selected = shown();
                plan_view::percent_options(selected)
                    .into_iter()
                    .map(|p| {
                        let is_selected = Some(p) == selected;
                        view! {
                            <option
                                value=p.to_string()
                                selected=is_selected
                                prop:selected=is_selected
                            >
                                {plan_view::weights_in_words(l, p)}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
    .into_any();
    view! {
        <div class="form-group" class:form-group-error=move || !problems.with(Vec::is_empty)>
            <h2 class="settings-subtitle">{tr("settings.weights.legend")}</h2>
            <label class="label" for=id>
                {tr("settings.weights.label")}
            </label>
            <p class="hint" id="settings-weights-hint">
                {tr("settings.weights.hint")}
            </p>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| error_message(lang.get(), &error_id, &list))
            }}
            {select}
            <p class="weights-now" id="settings-weights-now">
                {move || match shown() {
                    Some(p) => {
                        tf(
                            lang.get(),
                            "settings.weights.current",
                            &[("words", &plan_view::weights_in_words(lang.get(), p))],
                        )
                    }
                    None => t(lang.get(), "settings.weights.unreadable").to_string(),
                }}
            </p>
        </div>
    }
}

/// A group of radios bound to a text value of the case at `path`, each option with a
/// plain explanation (value, label key, hint key). The first radio carries the field id
/// the error summary links to.
#[component]
fn RadioGroup(
    path: &'static str,
    legend: &'static str,
    default_value: &'static str,
    options: &'static [(&'static str, &'static str, &'static str)],
) -> impl IntoView {
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
            view! {
                <div class="svc-radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=base.clone()
                        value=value
                        aria-describedby=hint_id.clone()
                        prop:checked=move || current.get() == value
                        on:change=move |_| {
                            ctx.set_at(path, Value::String(value.to_string()))
                        }
                    />
                    <label for=id>{tr(label)}</label>
                    <p class="hint" id=hint_id>{tr(hint)}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="form-group svc-radios"
            class:form-group-error=move || !problems.with(Vec::is_empty)
            aria-describedby=move || (!problems.with(Vec::is_empty)).then(|| error_id.clone())
        >
            <legend>{tr(legend)}</legend>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| error_message(lang.get(), &error_id_for_message, &list))
            }}
            {radios}
        </fieldset>
    }
}
