//! Form building blocks bound to the case by JSON pointer: text, number and money fields,
//! selects, the error summary, the step's Back / Continue actions and keyboard
//! reordering. A field shows its label, hint and (after the user tried to continue) its
//! problem, linked for assistive technology with `aria-describedby`; the error summary
//! links to the fields.

use super::app::{use_app, Screen};
use super::workspace::{reference, use_case, CaseCtx, Step};
use crate::draft::{field_id, text_of, value_from_text, FieldKind};
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::ui::prelude::*;

/// The words of a problem in a language (the message alone; a list names the field with
/// [`problem_line`]).
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    crate::field_names::problem_message(lang, problem)
}

/// A problem as an error list shows it: "Step: field — message"
/// ([`crate::field_names::problem_line`]) for the case `case`.
pub fn problem_line(lang: Lang, case: &serde_json::Value, problem: &Problem) -> String {
    crate::field_names::problem_line(lang, case, reference().ok(), problem)
}

/// A problem as a field's inline error shows it: "Field — message".
pub fn field_problem(lang: Lang, case: &serde_json::Value, problem: &Problem) -> String {
    crate::field_names::field_problem(lang, case, reference().ok(), problem)
}

/// The first problem exactly at `path`, if errors are being shown.
pub fn problem_at(ctx: CaseCtx, path: &str) -> Option<Problem> {
    if !ctx.show_errors.get() {
        return None;
    }
    ctx.problems
        .with(|all| all.iter().find(|p| p.path == path).cloned())
}

/// What every bound field shares: its ids and its problem. (The error summary names the
/// field from the problem's pointer, [`crate::field_names`].)
struct Bound {
    ctx: CaseCtx,
    id: String,
    hint_id: String,
    error_id: String,
    problem: Memo<Option<Problem>>,
}

impl Bound {
    fn new(path: &str) -> Bound {
        let ctx = use_case();
        let id = field_id(path);
        let path_for_problem = path.to_string();
        Bound {
            ctx,
            hint_id: format!("{id}-hint"),
            error_id: format!("{id}-error"),
            id,
            problem: Memo::new(move |_| problem_at(ctx, &path_for_problem)),
        }
    }

    /// `aria-invalid` while a problem shows.
    fn invalid(&self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        let problem = self.problem;
        move || problem.with(Option::is_some).then_some("true")
    }

    /// `aria-describedby`: the hint, if any, and the error when shown.
    fn described_by(&self, has_hint: bool) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let hint_id = self.hint_id.clone();
        let error_id = self.error_id.clone();
        let problem = self.problem;
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.as_str());
            }
            if problem.with(Option::is_some) {
                ids.push(error_id.as_str());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// The form group: the label, the hint and the error message in the GOV.UK order,
    /// then the control.
    fn group(
        self,
        label: &'static str,
        detail: Option<Signal<String>>,
        hint: Option<&'static str>,
        control: AnyView,
    ) -> AnyView {
        let lang = use_app().lang;
        let Bound {
            id,
            hint_id,
            error_id,
            problem,
            ..
        } = self;
        view! {
            <div class="form-group" class:form-group-error=move || problem.with(Option::is_some)>
                <label class="label" for=id>
                    {tr(label)}
                    {detail.map(|d| view! { <span class="visually-hidden">{move || d.get()}</span> })}
                </label>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
                {problem_error(lang, error_id, problem)}
                {control}
            </div>
        }
        .into_any()
    }
}

/// A field's inline error while `problem` shows: the paragraph with the id `error_id`
/// that the control's `aria-describedby` names. It names the field, as the error
/// summary does ("Field — message").
pub fn problem_error(
    lang: RwSignal<Lang>,
    error_id: String,
    problem: Memo<Option<Problem>>,
) -> AnyView {
    let ctx = use_case();
    (move || {
        problem.get().map(|p| {
            let lang = lang.get();
            let text = ctx.case.with_untracked(|c| field_problem(lang, c, &p));
            view! {
                <p class="error-message" id=error_id.clone()>
                    {error_text(lang, &text)}
                </p>
            }
        })
    })
    .into_any()
}

/// An error's words after a visually hidden "Error:" for screen readers: the content of
/// a field's or a list's inline error.
pub fn error_text(lang: Lang, text: &str) -> AnyView {
    view! {
        <span class="visually-hidden">{t(lang, "form.error_prefix")} " "</span>
        {text.to_string()}
    }
    .into_any()
}

/// A single-line field of a form that is not bound to the case (the device lock's
/// passphrases, the personal key's name and passphrases): its label, an optional hint and
/// the inline error `error` gives, linked with `aria-describedby`. `kind` is the input's
/// type, `class` its own class beside `input`.
#[allow(clippy::too_many_arguments)]
pub fn plain_field(
    lang: Lang,
    id: &'static str,
    label: String,
    hint: Option<String>,
    kind: &'static str,
    class: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> AnyView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some);
    view! {
        <div class="form-group" class:form-group-error=invalid>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || {
                error
                    .get()
                    .map(|text| {
                        view! {
                            <p class="error-message" id=error_id.clone()>
                                {error_text(lang, &text)}
                            </p>
                        }
                    })
            }}
            <input
                type=kind
                class=format!("input {class}")
                id=id
                name=id
                autocomplete=autocomplete
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
                class:input-error=invalid
                bind:value=value
            />
        </div>
    }
    .into_any()
}

/// The GOV.UK error summary box around `list` (the links to the problems); focused by
/// its id `error-summary` when the user tries to go on.
pub fn error_summary_box(lang: Lang, list: AnyView) -> AnyView {
    view! {
        <div
            class="error-summary"
            id="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="error-summary-title"
        >
            <h2 id="error-summary-title">{t(lang, "form.error_summary_title")}</h2>
            {list}
        </div>
    }
    .into_any()
}

/// Writes `text`, stored as `kind`, at `path` in the case (autosaved).
fn write_at(ctx: CaseCtx, path: &str, kind: FieldKind, text: &str) {
    let new_value = value_from_text(kind, text);
    ctx.set_at(path, new_value);
}

/// A labelled input bound to the case at a JSON pointer. Build it with [`Field::new`],
/// set what differs from the defaults, then call [`Field::view`].
pub struct Field {
    path: String,
    label: &'static str,
    hint: Option<&'static str>,
    kind: FieldKind,
    input_type: &'static str,
    inputmode: Option<&'static str>,
    multiline: bool,
    narrow: bool,
    autocomplete: &'static str,
    detail: Option<Signal<String>>,
}

impl Field {
    /// A one-line text input for the value at `path`, labelled by the message `label`.
    pub fn new(path: impl Into<String>, label: &'static str) -> Field {
        Field {
            path: path.into(),
            label,
            hint: None,
            kind: FieldKind::Text,
            input_type: "text",
            inputmode: None,
            multiline: false,
            narrow: false,
            autocomplete: "off",
            detail: None,
        }
    }

    /// A hint (message key) under the label.
    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// How typed text is stored (text by default).
    pub fn kind(mut self, kind: FieldKind) -> Field {
        self.kind = kind;
        self
    }

    /// The input's `type` (text, number, date, month, …).
    pub fn input_type(mut self, input_type: &'static str) -> Field {
        self.input_type = input_type;
        self
    }

    /// `inputmode` for phone keyboards (numeric, decimal, …).
    pub fn inputmode(mut self, inputmode: &'static str) -> Field {
        self.inputmode = Some(inputmode);
        self
    }

    /// A multi-line text area instead of a one-line input.
    pub fn multiline(mut self) -> Field {
        self.multiline = true;
        self
    }

    /// A narrower input for short values.
    pub fn narrow(mut self) -> Field {
        self.narrow = true;
        self
    }

    /// Words after the label for assistive technology only (visually hidden), where many
    /// fields share a label: the assessment's notes say which domain and member
    /// (", mobility (d4), physiotherapist").
    pub fn label_detail(mut self, detail: Signal<String>) -> Field {
        self.detail = Some(detail);
        self
    }

    /// The HTML `autocomplete` value; "off" by default (no personal data to fill).
    pub fn autocomplete(mut self, autocomplete: &'static str) -> Field {
        self.autocomplete = autocomplete;
        self
    }

    /// The form group with its label, hint, error and input.
    pub fn view(self) -> AnyView {
        untrack(move || {
            let bound = Bound::new(&self.path);
            let ctx = bound.ctx;
            let problem = bound.problem;
            let Field {
                path,
                label,
                hint,
                kind,
                input_type,
                inputmode,
                multiline,
                narrow,
                autocomplete,
                detail,
            } = self;
            let id = bound.id.clone();
            let invalid = bound.invalid();
            let described_by = bound.described_by(hint.is_some());
            let path_for_value = path.clone();
            // What the user typed, while it still means what is stored: "1 234,50" is
            // stored as "1234.50" but stays on screen as typed (a space or a comma typed
            // into a money field is not taken away under the cursor).
            let typed = RwSignal::new(None::<String>);
            let value = move || {
                ctx.case.with(|c| {
                    let stored = c.pointer(&path_for_value);
                    typed
                        .get()
                        .filter(|t| stored == Some(&value_from_text(kind, t)))
                        .unwrap_or_else(|| text_of(stored))
                })
            };
            let on_input = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                typed.set(Some(text.clone()));
                write_at(ctx, &path, kind, &text);
            };
            let has_error = move || problem.with(Option::is_some);
            let control = if multiline {
                view! {
                    <textarea
                        rows="2"
                        class="input"
                        id=id.clone()
                        name=id
                        aria-invalid=invalid
                        aria-describedby=described_by
                        class:input-error=has_error
                        prop:value=value
                        on:input=on_input
                    ></textarea>
                }
                .into_any()
            } else {
                let class = if narrow {
                    "input input-narrow"
                } else {
                    "input"
                };
                view! {
                    <input
                        type=input_type
                        inputmode=inputmode
                        autocomplete=autocomplete
                        class=class
                        id=id.clone()
                        name=id
                        aria-invalid=invalid
                        aria-describedby=described_by
                        class:input-error=has_error
                        prop:value=value
                        on:input=on_input
                    />
                }
                .into_any()
            };
            bound.group(label, detail, hint, control)
        })
    }
}

/// A labelled `<select>` bound to the case at a JSON pointer; the options are (stored
/// value, visible label) pairs in the current language. An empty first option asks the
/// user to choose.
pub struct Select {
    path: String,
    label: &'static str,
    hint: Option<&'static str>,
    options: Signal<Vec<(String, String)>>,
    numeric: bool,
}

impl Select {
    /// A select for the value at `path`, labelled by the message `label`.
    pub fn new(
        path: impl Into<String>,
        label: &'static str,
        options: Signal<Vec<(String, String)>>,
    ) -> Select {
        Select {
            path: path.into(),
            label,
            hint: None,
            options,
            numeric: false,
        }
    }

    /// A hint (message key) under the label.
    pub fn hint(mut self, hint: &'static str) -> Select {
        self.hint = Some(hint);
        self
    }

    /// The stored value is a number (e.g. an ICF qualifier) rather than text.
    pub fn numeric(mut self) -> Select {
        self.numeric = true;
        self
    }

    /// The form group with its label, hint, error and select.
    pub fn view(self) -> AnyView {
        untrack(move || {
            let bound = Bound::new(&self.path);
            let ctx = bound.ctx;
            let Select {
                path,
                label,
                hint,
                options,
                numeric,
            } = self;
            let kind = if numeric {
                FieldKind::Integer
            } else {
                FieldKind::Text
            };
            let path_for_value = path.clone();
            let lang = use_app().lang;
            let id = bound.id.clone();
            let select = view! {
                <select
                    class="select"
                    id=id.clone()
                    name=id
                    aria-invalid=bound.invalid()
                    aria-describedby=bound.described_by(hint.is_some())
                    on:change=move |ev| write_at(ctx, &path, kind, &event_target_value(&ev))
                >
                    {move || {
                        let selected = ctx.case.with(|c| text_of(c.pointer(&path_for_value)));
                        let empty = selected.is_empty();
                        let choices = options
                            .get()
                            .into_iter()
                            .map(|(value, text)| {
                                let is_selected = value == selected;
                                view! {
                                    <option value=value prop:selected=is_selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view();
                        view! {
                            <option value="" prop:selected=empty>
                                {t(lang.get(), "form.choose")}
                            </option>
                            {choices}
                        }
                    }}
                </select>
            }
            .into_any();
            bound.group(label, None, hint, select)
        })
    }
}

/// The GOV.UK-style error summary for the current step: a focused box at the top listing
/// each problem as a link to its field. Shown only after the user tried to continue.
/// `scope` lists the pointers whose problems belong to this screen.
#[component]
pub fn ErrorSummary(scope: &'static [&'static str]) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let problems = Memo::new(move |_| {
        if ctx.show_errors.get() {
            ctx.problems_within(scope)
        } else {
            Vec::new()
        }
    });
    move || {
        let list = problems.get();
        if list.is_empty() {
            return None;
        }
        let lang = lang.get();
        let items = list
            .into_iter()
            .map(|p| {
                let target = field_id(&p.path);
                // Name the step and the field, so "cannot be empty" says which one.
                let text = ctx.case.with_untracked(|c| problem_line(lang, c, &p));
                let href = format!("#{target}");
                view! {
                    <li>
                        <a
                            href=href
                            on:click=move |ev| {
                                ev.prevent_default();
                                super::browser::focus_id(&target);
                            }
                        >
                            {text}
                        </a>
                    </li>
                }
            })
            .collect_view();
        Some(error_summary_box(
            lang,
            view! { <ul>{items}</ul> }.into_any(),
        ))
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
    let back = step.previous().map(|prev| {
        view! {
            <button type="button" class="button button-secondary" on:click=move |_| go(prev)>
                {tr("form.back")}
            </button>
        }
    });
    let next = step.next().map(|next| {
        view! {
            <button
                type="button"
                class="button button-primary"
                id="continue"
                on:click=move |_| {
                    let has_problems = !ctx.problems_within(step.scope()).is_empty();
                    if has_problems && !ctx.show_errors.get_untracked() {
                        ctx.show_errors.set(true);
                        super::browser::focus_id_later("error-summary");
                        return;
                    }
                    go(next);
                }
            >
                {move || {
                    let key = if ctx.show_errors.get()
                        && !ctx.problems_within(step.scope()).is_empty()
                    {
                        "form.continue_anyway"
                    } else {
                        "form.continue"
                    };
                    t(lang.get(), key)
                }}
            </button>
        }
    });
    view! { <div class="step-actions">{back}{next}</div> }
}

/// "Move up" / "Move down" buttons for one item of an ordered list: keyboard-operable
/// reordering (no drag needed). `on_move` gets (from, to) indexes; focus follows the moved
/// item's button so a keyboard user can keep moving it. `id_prefix` makes the buttons'
/// ids unique per list (e.g. "svc"); `item_label` names the item for the buttons'
/// accessible names.
pub fn move_buttons(
    index: usize,
    len: usize,
    item_label: Signal<String>,
    id_prefix: &'static str,
    on_move: Callback<(usize, usize)>,
) -> AnyView {
    let lang = use_app().lang;
    let move_to = move |to: usize, up: bool| {
        on_move.run((index, to));
        // After re-render the item sits at `to`; keep focus on the same kind of button,
        // or the other one when the item reached an end of the list.
        let at_end = (up && to == 0) || (!up && to + 1 == len);
        let kind = if up != at_end { "up" } else { "down" };
        super::browser::focus_id_later(&format!("{id_prefix}-{kind}-{to}"));
    };
    let button = move |up: bool| {
        let (kind, key, arrow, hidden) = if up {
            ("up", "form.move_up", "↑", "form.up")
        } else {
            ("down", "form.move_down", "↓", "form.down")
        };
        let to = if up { index.wrapping_sub(1) } else { index + 1 };
        view! {
            <button
                type="button"
                class="button button-secondary button-small"
                id=format!("{id_prefix}-{kind}-{index}")
                aria-label=move || tf(lang.get(), key, &[("item", &item_label.get())])
                on:click=move |_| move_to(to, up)
            >
                {arrow}
                <span class="visually-hidden">{tr(hidden)}</span>
            </button>
        }
    };
    view! {
        <span class="move-buttons">
            {(index > 0).then(|| button(true))}{(index + 1 < len).then(|| button(false))}
        </span>
    }
    .into_any()
}
