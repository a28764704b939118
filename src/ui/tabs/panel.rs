//! The choice between two tabs' values of the same fields (loaded on demand with the
//! chunk `intake`, through `parts::conflict_panel`): each field named in words by its
//! step and label (`crate::field_names`), this tab's value and the other tab's, a radio
//! choice per field; nothing is saved until every field has a choice.

use super::TabSync;
use crate::engine::problem::Problem;
use crate::field_names::{decapitalise, problem_place};
use crate::i18n::{t, tf, Lang};
use crate::merge::{self, Conflict, Side};
use crate::ui::browser;
use crate::ui::prelude::*;
use crate::ui::workspace::reference;
use serde_json::Value;

/// A conflict's field in words: "Step: field", the step alone for a whole part, or the
/// nearest named part above it.
fn conflict_place(lang: Lang, case: &Value, pointer: &str) -> String {
    let reference = reference().ok();
    let mut pointer = pointer;
    loop {
        let place = problem_place(lang, case, reference, &Problem::new(pointer, ""));
        match place.map(|p| (p.step, p.field)) {
            Some((Some(step), Some(field))) => {
                return tf(
                    lang,
                    "tabs.conflict.place",
                    &[("step", t(lang, step)), ("field", &decapitalise(&field))],
                )
            }
            Some((Some(step), None)) => return t(lang, step).to_string(),
            Some((None, _)) => return t(lang, "tabs.conflict.whole_case").to_string(),
            None => match pointer.rsplit_once('/') {
                Some((parent, _)) => pointer = parent,
                None => return t(lang, "tabs.conflict.whole_case").to_string(),
            },
        }
    }
}

/// A conflicting value as the user reads it: text as it is, "(empty)" for nothing, a
/// list or group of fields as indented JSON.
fn shown_value(lang: Lang, value: Option<&Value>) -> (String, bool) {
    match value {
        None | Some(Value::Null) => (t(lang, "tabs.conflict.empty").to_string(), false),
        Some(Value::String(s)) if s.trim().is_empty() => {
            (t(lang, "tabs.conflict.empty").to_string(), false)
        }
        Some(Value::String(s)) => (s.clone(), false),
        Some(v @ (Value::Array(_) | Value::Object(_))) => {
            (serde_json::to_string_pretty(v).unwrap_or_default(), true)
        }
        Some(other) => (other.to_string(), false),
    }
}

/// One side's choice for conflict `index`.
fn choice_view(
    choices: RwSignal<Vec<(String, Side)>>,
    choose_error: RwSignal<bool>,
    lang: Lang,
    index: usize,
    conflict: &Conflict,
    side: Side,
) -> AnyView {
    let (label_key, value, suffix) = match side {
        Side::Mine => ("tabs.conflict.mine", conflict.mine.as_ref(), "mine"),
        Side::Theirs => ("tabs.conflict.theirs", conflict.theirs.as_ref(), "theirs"),
    };
    let id = format!("tab-conflict-{index}-{suffix}");
    let pointer = conflict.pointer.clone();
    let checked = {
        let pointer = pointer.clone();
        move || choices.with(|c| c.iter().any(|(p, s)| *p == pointer && *s == side))
    };
    let (text, block) = shown_value(lang, value);
    let value_view = if block {
        view! { <pre class="tab-conflict-value">{text}</pre> }.into_any()
    } else {
        view! { <span class="tab-conflict-value">{text}</span> }.into_any()
    };
    view! {
        <div class="team-choice">
            <input
                type="radio"
                class="team-radio"
                id=id.clone()
                name=format!("tab-conflict-{index}")
                prop:checked=checked
                on:change=move |_| {
                    choose_error.set(false);
                    choices.update(|c| {
                        c.retain(|(p, _)| *p != pointer);
                        c.push((pointer.clone(), side));
                    });
                }
            />
            <label for=id>
                <strong>{t(lang, label_key)}</strong>
                " "
                {value_view}
            </label>
        </div>
    }
    .into_any()
}

/// The panel for the pending conflict of the open case; focus moves to its heading.
pub(crate) fn conflict_panel() -> AnyView {
    let lang = crate::ui::app::use_app().lang;
    let Some(sync) = use_context::<TabSync>() else {
        return ().into_any();
    };
    let choices = RwSignal::new(Vec::<(String, Side)>::new());
    let choose_error = RwSignal::new(false);
    let save = move |_| {
        let Some(pending) = sync.pending.get_untracked() else {
            return;
        };
        let chosen = choices.get_untracked();
        let side = |c: &Conflict| {
            chosen
                .iter()
                .find(|(p, _)| *p == c.pointer)
                .map(|(_, s)| *s)
        };
        if pending.merged.conflicts.iter().any(|c| side(c).is_none()) {
            choose_error.set(true);
            browser::focus_id_later("tab-conflict-error");
            return;
        }
        let value = merge::resolve(&pending.merged, |c| side(c).unwrap_or(Side::Mine));
        sync.settle(pending, value);
    };
    let fields = move || {
        let lang = lang.get();
        let case = sync.ctx.case.get_untracked();
        sync.pending.with(|pending| {
            pending
                .iter()
                .flat_map(|p| p.merged.conflicts.iter().enumerate())
                .map(|(index, conflict)| {
                    view! {
                        <fieldset class="tab-conflict-field">
                            <legend>{conflict_place(lang, &case, &conflict.pointer)}</legend>
                            {choice_view(choices, choose_error, lang, index, conflict, Side::Mine)}
                            {choice_view(choices, choose_error, lang, index, conflict, Side::Theirs)}
                        </fieldset>
                    }
                })
                .collect_view()
        })
    };
    let error = move || {
        choose_error.get().then(|| {
            view! {
                <p class="alert alert-error" id="tab-conflict-error" role="alert" tabindex="-1">
                    {tr("tabs.conflict.choose_all")}
                </p>
            }
        })
    };
    browser::focus_id_later("tab-conflict-title");
    view! {
        <section class="tab-conflict" aria-labelledby="tab-conflict-title">
            <h2 id="tab-conflict-title" tabindex="-1">{tr("tabs.conflict.title")}</h2>
            <p>{tr("tabs.conflict.lead")}</p>
            {fields}
            {error}
            <button type="button" class="button" id="tab-conflict-apply" on:click=save>
                {tr("tabs.conflict.apply")}
            </button>
        </section>
    }
    .into_any()
}
