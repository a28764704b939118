//! Form building blocks bound to the case by JSON pointer: text, number and money fields,
//! selects, the error summary, the step's Back / Continue actions and keyboard
//! reordering. A field shows its label, hint and (after the user tried to continue) its
//! problem, linked for assistive technology with `aria-describedby`; the error summary
//! links to the fields.

use super::app::{use_app, Screen};
use super::workspace::{use_case, CaseCtx, Step};
use crate::draft::{field_id, set_at, text_of, value_from_text, FieldKind};
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::ui::prelude::*;

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
fn problem_at(ctx: CaseCtx, path: &str) -> Option<Problem> {
    if !ctx.show_errors.get() {
        return None;
    }
    ctx.problems
        .with(|all| all.iter().find(|p| p.path == path).cloned())
}

/// What every bound field shares: its ids, its problem, and the label registration that
/// lets the error summary name it.
struct Bound {
    ctx: CaseCtx,
    id: String,
    hint_id: String,
    error_id: String,
    problem: Memo<Option<Problem>>,
}

impl Bound {
    fn new(path: &str, label: &'static str) -> Bound {
        let ctx = use_case();
        // Only a new or changed label notifies (the error summary, which is built before
        // the fields below it, then names them).
        if ctx
            .labels
            .with_untracked(|labels| labels.get(path) != Some(&label))
        {
            ctx.labels.update(|labels| {
                labels.insert(path.to_string(), label);
            });
        }
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

    /// Sets the control's id, name, `aria-invalid` and `aria-describedby` (the hint, if
    /// any, and the error when shown).
    fn control(&self, control: El, has_hint: bool) -> El {
        let hint_id = self.hint_id.clone();
        let error_id = self.error_id.clone();
        let problem = self.problem;
        control
            .id(&self.id)
            .attr("name", &self.id)
            .attr_dyn("aria-invalid", move || {
                problem.get().is_some().then(|| "true".to_string())
            })
            .attr_dyn("aria-describedby", move || {
                let mut ids = Vec::new();
                if has_hint {
                    ids.push(hint_id.as_str());
                }
                if problem.get().is_some() {
                    ids.push(error_id.as_str());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            })
    }

    /// The form group: the label, the hint and the error message in the GOV.UK order,
    /// then the control.
    fn group(&self, label: &'static str, hint: Option<&'static str>, control: El) -> El {
        let lang = use_app().lang;
        let problem = self.problem;
        let error_id = self.error_id.clone();
        el("div")
            .class("form-group")
            .class_when("form-group-error", move || problem.get().is_some())
            .child(el("label").class("label").attr("for", &self.id).tr(label))
            .child_opt(hint.map(|h| el("p").class("hint").id(&self.hint_id).tr(h)))
            .dyn_view(move || {
                problem
                    .get()
                    .map(|p| {
                        let lang = lang.get();
                        error_text(
                            el("p").class("error-message").id(&error_id),
                            lang,
                            &problem_text(lang, &p),
                        )
                    })
                    .into()
            })
            .child(control)
    }
}

/// Appends an error's words to `element`, after a visually hidden "Error:" for screen
/// readers (the inline error of a field or a list).
pub fn error_text(element: El, lang: Lang, text: &str) -> El {
    element
        .child(
            el("span")
                .class("visually-hidden")
                .text(t(lang, "form.error_prefix"))
                .text(" "),
        )
        .text(text)
}

/// The GOV.UK error summary box around `list` (the links to the problems); focused by
/// its id `error-summary` when the user tries to go on.
pub fn error_summary_box(lang: Lang, list: El) -> El {
    el("div")
        .class("error-summary")
        .id("error-summary")
        .attr("role", "alert")
        .attr("tabindex", "-1")
        .attr("aria-labelledby", "error-summary-title")
        .child(
            el("h2")
                .id("error-summary-title")
                .text(t(lang, "form.error_summary_title")),
        )
        .child(list)
}

/// Writes `text`, stored as `kind`, at `path` in the case (autosaved).
fn write_at(ctx: CaseCtx, path: &str, kind: FieldKind, text: &str) {
    let new_value = value_from_text(kind, text);
    ctx.update(|c| {
        set_at(c, path, new_value);
    });
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

    /// The HTML `autocomplete` value; "off" by default (no personal data to fill).
    pub fn autocomplete(mut self, autocomplete: &'static str) -> Field {
        self.autocomplete = autocomplete;
        self
    }

    /// The form group with its label, hint, error and input.
    pub fn view(self) -> El {
        let bound = Bound::new(&self.path, self.label);
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
        } = self;
        let input = if multiline {
            el("textarea").attr("rows", "3")
        } else {
            let input = el("input")
                .attr("type", input_type)
                .attr_opt("inputmode", inputmode)
                .attr("autocomplete", autocomplete);
            if narrow {
                input.class("input input-narrow")
            } else {
                input.class("input")
            }
        };
        let path_for_value = path.clone();
        let input = bound
            .control(input, hint.is_some())
            .class_when("input-error", move || problem.get().is_some())
            .prop_value(move || ctx.case.with(|c| text_of(c.pointer(&path_for_value))))
            .on("input", move |ev| {
                write_at(ctx, &path, kind, &super::dom::target_value(&ev))
            });
        bound.group(label, hint, input)
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
    pub fn view(self) -> El {
        let bound = Bound::new(&self.path, self.label);
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
        let select = bound
            .control(el("select").class("select"), hint.is_some())
            .on("change", move |ev| {
                write_at(ctx, &path, kind, &super::dom::target_value(&ev))
            })
            .dyn_view(move || {
                let selected = ctx.case.with(|c| text_of(c.pointer(&path_for_value)));
                let mut view = View::empty().and(
                    el("option")
                        .attr("value", "")
                        .prop_bool("selected", {
                            let empty = selected.is_empty();
                            move || empty
                        })
                        .text(t(lang.get(), "form.choose")),
                );
                for (value, text) in options.get() {
                    let is_selected = value == selected;
                    view.push(
                        el("option")
                            .attr("value", &value)
                            .prop_bool("selected", move || is_selected)
                            .text(&text),
                    );
                }
                view
            });
        bound.group(label, hint, select)
    }
}

/// The GOV.UK-style error summary for the current step: a focused box at the top listing
/// each problem as a link to its field. Shown only after the user tried to continue.
/// `scope` lists the pointers whose problems belong to this screen.
pub fn error_summary(scope: &'static [&'static str]) -> View {
    component(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let problems = Memo::new(move |_| {
            if ctx.show_errors.get() {
                ctx.problems_within(scope)
            } else {
                Vec::new()
            }
        });
        super::dom::dyn_view(move || {
            let list = problems.get();
            if list.is_empty() {
                return View::empty();
            }
            let lang = lang.get();
            let items = list.into_iter().map(|p| {
                let target = field_id(&p.path);
                // Name the field, so "cannot be empty" says which one.
                let label = ctx.labels.with(|labels| labels.get(&p.path).copied());
                let text = match label {
                    Some(key) => format!("{}: {}", t(lang, key), problem_text(lang, &p)),
                    None => problem_text(lang, &p),
                };
                el("li").child(
                    el("a")
                        .attr("href", &format!("#{target}"))
                        .on("click", move |ev| {
                            ev.prevent_default();
                            super::browser::focus_id(&target);
                        })
                        .text(&text),
                )
            });
            error_summary_box(lang, el("ul").children(items)).into()
        })
    })
}

/// Back and "Save and continue" for a step. Continue with problems in the step shows
/// the error summary (and focuses it) once; pressing it again moves on anyway, because a
/// draft may be finished later — nothing blocks the user, and the step nav marks it.
pub fn step_actions(step: Step) -> View {
    component(move || {
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
            el("button")
                .attr("type", "button")
                .class("button button-secondary")
                .on("click", move |_| go(prev))
                .tr("form.back")
        });
        let next = step.next().map(|next| {
            el("button")
                .attr("type", "button")
                .class("button button-primary")
                .id("continue")
                .on("click", move |_| {
                    let has_problems = !ctx.problems_within(step.scope()).is_empty();
                    if has_problems && !ctx.show_errors.get_untracked() {
                        ctx.show_errors.set(true);
                        super::browser::focus_id_later("error-summary");
                        return;
                    }
                    go(next);
                })
                .text_dyn(move || {
                    let key =
                        if ctx.show_errors.get() && !ctx.problems_within(step.scope()).is_empty() {
                            "form.continue_anyway"
                        } else {
                            "form.continue"
                        };
                    t(lang.get(), key).to_string()
                })
        });
        el("div")
            .class("step-actions")
            .child_opt(back)
            .child_opt(next)
            .into()
    })
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
) -> El {
    let lang = use_app().lang;
    let move_to = move |to: usize, up: bool| {
        on_move.run((index, to));
        // After re-render the item sits at `to`; keep focus on the same kind of button,
        // or the other one when the item reached an end of the list.
        let at_end = (up && to == 0) || (!up && to + 1 == len);
        let kind = if up != at_end { "up" } else { "down" };
        super::browser::focus_id_later(&format!("{id_prefix}-{kind}-{to}"));
    };
    let button = |up: bool| {
        let (kind, key, arrow, hidden) = if up {
            ("up", "form.move_up", "↑", "form.up")
        } else {
            ("down", "form.move_down", "↓", "form.down")
        };
        let to = if up { index.wrapping_sub(1) } else { index + 1 };
        el("button")
            .attr("type", "button")
            .class("button button-secondary button-small")
            .id(&format!("{id_prefix}-{kind}-{index}"))
            .attr_dyn("aria-label", move || {
                Some(tf(lang.get(), key, &[("item", &item_label.get())]))
            })
            .on("click", move |_| move_to(to, up))
            .text(arrow)
            .child(el("span").class("visually-hidden").tr(hidden))
    };
    el("span")
        .class("move-buttons")
        .child_opt((index > 0).then(|| button(true)))
        .child_opt((index + 1 < len).then(|| button(false)))
}
