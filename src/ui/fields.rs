//! Form building blocks bound to the case by JSON pointer: text, number and money fields,
//! selects, radios, the error summary and the step's Back / Continue actions. A field
//! shows its label, hint and (after the user tried to continue) its problem, linked for
//! assistive technology with `aria-describedby`; the error summary links to the fields.

use super::app::{use_app, Screen};
use super::workspace::{use_case, CaseCtx, Step};
use crate::draft::{field_id, set_at, text_of, value_from_text, FieldKind};
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use leptos::prelude::*;

/// The words of a problem in a language.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    tf(lang, &problem.key, &params)
}

/// The first problem exactly at `path`, if errors are being shown.
fn problem_at(path: &str) -> Option<Problem> {
    let ctx = use_case();
    if !ctx.show_errors.get() {
        return None;
    }
    ctx.problems
        .with(|all| all.iter().find(|p| p.path == path).cloned())
}

/// What every bound field shares: its ids, its problem, and the label registration that
/// lets the error summary name it.
struct Bound {
    id: String,
    hint_id: String,
    error_id: String,
    problem: Memo<Option<Problem>>,
}

impl Bound {
    fn new(path: &str, label: &'static str) -> Bound {
        let ctx = use_case();
        ctx.labels.update_value(|labels| {
            labels.insert(path.to_string(), label);
        });
        let id = field_id(path);
        let path_for_problem = path.to_string();
        Bound {
            hint_id: format!("{id}-hint"),
            error_id: format!("{id}-error"),
            id,
            problem: Memo::new(move |_| problem_at(&path_for_problem)),
        }
    }

    /// `aria-describedby`: the hint (if any) and the error (when shown).
    fn described_by(&self, has_hint: bool) -> impl Fn() -> Option<String> + Clone + 'static {
        let hint_id = self.hint_id.clone();
        let error_id = self.error_id.clone();
        let problem = self.problem;
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// The label, the hint and the error message, in the GOV.UK order.
    fn header(&self, label: &'static str, hint: Option<&'static str>) -> impl IntoView {
        let lang = use_app().lang;
        let problem = self.problem;
        let hint_id = self.hint_id.clone();
        let error_id = self.error_id.clone();
        view! {
            <label class="label" for=self.id.clone()>{move || t(lang.get(), label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || t(lang.get(), h)}</p> })}
            {move || problem.get().map(|p| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{t(lang.get(), "form.error_prefix")}" "</span>
                    {problem_text(lang.get(), &p)}
                </p>
            })}
        }
    }
}

/// Writes `text`, stored as `kind`, at `path` in the case (autosaved). The context is
/// passed in because event handlers run outside the component's reactive owner.
fn write_at(ctx: CaseCtx, path: &str, kind: FieldKind, text: &str) {
    let new_value = value_from_text(kind, text);
    ctx.update(|c| {
        set_at(c, path, new_value);
    });
}

/// A labelled input bound to the case at `path`.
#[component]
pub fn Field(
    /// JSON pointer of the value in the case.
    #[prop(into)]
    path: String,
    /// Message key of the label.
    label: &'static str,
    /// Message key of a hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// How typed text is stored.
    #[prop(default = FieldKind::Text)]
    kind: FieldKind,
    /// The input's `type` (text, number, date, month, …).
    #[prop(default = "text")]
    input_type: &'static str,
    /// `inputmode` for phone keyboards (numeric, decimal, …).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A multi-line text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// A narrower input for short values.
    #[prop(optional)]
    narrow: bool,
    /// The HTML `autocomplete` value; "off" by default (no personal data to fill).
    #[prop(default = "off")]
    autocomplete: &'static str,
) -> impl IntoView {
    let ctx = use_case();
    let bound = Bound::new(&path, label);
    let id = bound.id.clone();
    let problem = bound.problem;
    let path_for_value = path.clone();
    let value = move || ctx.case.with(|c| text_of(c.pointer(&path_for_value)));
    let on_input =
        move |ev: leptos::ev::Event| write_at(ctx, &path, kind, &event_target_value(&ev));
    let described_by = bound.described_by(hint.is_some());
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=id.clone() rows="3"
                class="input" class:input-error=move || problem.get().is_some()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by.clone()
                prop:value=value.clone()
                on:input=on_input.clone()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=id.clone() type=input_type inputmode=inputmode autocomplete=autocomplete
                class="input" class:input-narrow=narrow class:input-error=move || problem.get().is_some()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=value
                on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            {bound.header(label, hint)}
            {input}
        </div>
    }
}

/// A labelled `<select>` bound to the case at `path`; `options` gives (value, label) pairs
/// in the current language. An empty first option asks the user to choose.
#[component]
pub fn Select(
    /// JSON pointer of the value in the case.
    #[prop(into)]
    path: String,
    /// Message key of the label.
    label: &'static str,
    /// Message key of a hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The options as (stored value, visible label), recomputed when the language changes.
    options: Signal<Vec<(String, String)>>,
    /// Whether the stored value is a number (e.g. an ICF qualifier) rather than text.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let ctx = use_case();
    let bound = Bound::new(&path, label);
    let id = bound.id.clone();
    let problem = bound.problem;
    let path_for_value = StoredValue::new(path.clone());
    let current = move || path_for_value.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p))));
    let kind = if numeric {
        FieldKind::Integer
    } else {
        FieldKind::Text
    };
    let on_change =
        move |ev: leptos::ev::Event| write_at(ctx, &path, kind, &event_target_value(&ev));
    let described_by = bound.described_by(hint.is_some());
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            {bound.header(label, hint)}
            <select id=id.clone() name=id.clone() class="select"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by
                on:change=on_change>
                <option value="" selected=move || current().is_empty()>{crate::ui::app::tr("form.choose")}</option>
                {move || {
                    let selected = current();
                    options.get().into_iter().map(|(value, text)| {
                        let is_selected = value == selected;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

/// The GOV.UK-style error summary for the current step: a focused box at the top listing
/// each problem as a link to its field. Shown only after the user tried to continue.
#[component]
pub fn ErrorSummary(
    /// The pointers whose problems belong to this screen.
    scope: &'static [&'static str],
) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let problems = Memo::new(move |_| {
        if ctx.show_errors.get() {
            ctx.problems_within(scope)
        } else {
            Vec::new()
        }
    });
    view! {
        {move || {
            let list = problems.get();
            (!list.is_empty()).then(|| view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">{t(lang.get(), "form.error_summary_title")}</h2>
                    <ul>
                        {list.into_iter().map(|p| {
                            let target = field_id(&p.path);
                            let href = format!("#{target}");
                            // Name the field, so "cannot be empty" says which one.
                            let label = ctx.labels.with_value(|labels| labels.get(&p.path).copied());
                            let text = match label {
                                Some(key) => format!("{}: {}", t(lang.get(), key), problem_text(lang.get(), &p)),
                                None => problem_text(lang.get(), &p),
                            };
                            view! {
                                <li><a href=href on:click=move |ev| {
                                    ev.prevent_default();
                                    super::browser::focus_id(&target);
                                }>{text}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

/// Back and "Save and continue" for a step. Continue with problems in the step shows
/// the error summary (and focuses it) once; pressing it again moves on anyway, because a
/// draft may be finished later — nothing blocks the user, and the step nav marks it.
#[component]
pub fn StepActions(step: Step) -> impl IntoView {
    let app = use_app();
    let ctx = use_case();
    let lang = app.lang;
    let go = move |target: Step| {
        app.navigate(Screen::Case {
            id: ctx.id.get_value(),
            step: target,
        })
    };
    let on_continue = move |_| {
        let has_problems = !ctx.problems_within(step.scope()).is_empty();
        if has_problems && !ctx.show_errors.get_untracked() {
            ctx.show_errors.set(true);
            super::browser::focus_id_later("error-summary");
            return;
        }
        if let Some(next) = step.next() {
            go(next);
        }
    };
    view! {
        <div class="step-actions">
            {step.previous().map(|prev| view! {
                <button type="button" class="button button-secondary" on:click=move |_| go(prev)>
                    {crate::ui::app::tr("form.back")}
                </button>
            })}
            {step.next().map(|_| view! {
                <button type="button" class="button button-primary" id="continue" on:click=on_continue>
                    {move || if ctx.show_errors.get() && !ctx.problems_within(step.scope()).is_empty() {
                        t(lang.get(), "form.continue_anyway")
                    } else {
                        t(lang.get(), "form.continue")
                    }}
                </button>
            })}
        </div>
    }
}

/// "Move up" / "Move down" buttons for one item of an ordered list: keyboard-operable
/// reordering (no drag needed). `on_move` gets (from, to) indexes; focus follows the moved
/// item's button so a keyboard user can keep moving it.
#[component]
pub fn MoveButtons(
    /// The item's index in the list.
    index: usize,
    /// The list's length.
    len: usize,
    /// What the item is called, for the buttons' accessible names.
    #[prop(into)]
    item_label: Signal<String>,
    /// A prefix for the buttons' ids, unique per list (e.g. "svc").
    id_prefix: &'static str,
    /// Called with (from, to) when the user moves the item.
    on_move: Callback<(usize, usize)>,
) -> impl IntoView {
    let lang = use_app().lang;
    let up_id = format!("{id_prefix}-up-{index}");
    let down_id = format!("{id_prefix}-down-{index}");
    let move_to = move |to: usize, up: bool| {
        on_move.run((index, to));
        // After re-render the item sits at `to`; keep focus on the same kind of button,
        // or the other one when the item reached an end of the list.
        let target = if (up && to == 0) || (!up && to + 1 == len) {
            if up {
                format!("{id_prefix}-down-{to}")
            } else {
                format!("{id_prefix}-up-{to}")
            }
        } else if up {
            format!("{id_prefix}-up-{to}")
        } else {
            format!("{id_prefix}-down-{to}")
        };
        super::browser::focus_id_later(&target);
    };
    view! {
        <span class="move-buttons">
            {(index > 0).then(|| view! {
                <button type="button" class="button button-secondary button-small" id=up_id.clone()
                    aria-label=move || tf(lang.get(), "form.move_up", &[("item", &item_label.get())])
                    on:click=move |_| move_to(index - 1, true)>
                    "↑"<span class="visually-hidden">{crate::ui::app::tr("form.up")}</span>
                </button>
            })}
            {(index + 1 < len).then(|| view! {
                <button type="button" class="button button-secondary button-small" id=down_id.clone()
                    aria-label=move || tf(lang.get(), "form.move_down", &[("item", &item_label.get())])
                    on:click=move |_| move_to(index + 1, false)>
                    "↓"<span class="visually-hidden">{crate::ui::app::tr("form.down")}</span>
                </button>
            })}
        </span>
    }
}
