//! The start screen: the ways to begin (a new case, the example case, opening a plan
//! file) and the cases kept on this device, with open, duplicate and delete.

use super::app::{use_app, Screen};
use super::browser;
use super::workspace::Step;
use crate::draft::{new_case, StoredCase};
use crate::i18n::{format_date, t, tf, Lang};
use crate::storage::{self, CaseEntry};
use crate::ui::prelude::*;
use serde_json::Value;

/// Stores `case` as a new case on this device and opens it at `step`. A failed write is
/// reported in `error` (the user stays on the start screen with the message).
fn create_and_open(case: Value, step: Step, error: RwSignal<Option<&'static str>>) {
    let app = use_app();
    let record = StoredCase {
        id: browser::new_id(),
        updated: browser::now_iso(),
        case,
    };
    match storage::save_case(&record) {
        Ok(()) => app.navigate(Screen::Case {
            id: record.id,
            step,
        }),
        Err(e) => error.set(Some(e.key())),
    }
}

/// A local date and time for a stored ISO timestamp, in the user's language.
fn local_date_time(lang: Lang, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{} {:02}:{:02}",
        format_date(
            lang,
            date.get_full_year() as i32,
            date.get_month() + 1,
            date.get_date()
        ),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The first screen.
pub fn start_screen() -> View {
    component(|| {
        let app = use_app();
        let lang = app.lang;
        let error = RwSignal::new(None::<&'static str>);
        let refresh = RwSignal::new(0u32);
        let entries = Memo::new(move |_| {
            refresh.track();
            storage::list_cases()
        });
        let action = |id: &str,
                      class: &str,
                      label: &'static str,
                      hint: &'static str,
                      on_click: Box<dyn Fn()>| {
            el("div")
                .class("action-card")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class(class)
                        .id(id)
                        .on("click", move |_| on_click())
                        .tr(label),
                )
                .child(el("p").class("hint").tr(hint))
        };
        let new_case_card = action(
            "new-case",
            "button button-primary",
            "start.new_case",
            "start.new_case.hint",
            Box::new(move || create_and_open(new_case(&browser::today_iso()), Step::Child, error)),
        );
        let example_card = action(
            "example-case",
            "button button-secondary",
            "start.example_case",
            "start.example_case.hint",
            Box::new(move || {
                create_and_open(
                    crate::engine::example::example_case_json(),
                    Step::Result,
                    error,
                )
            }),
        );
        el("section")
            .class("start")
            .attr("aria-labelledby", "start-title")
            .child(el("h1").id("start-title").tr("start.title"))
            .child(el("p").class("lead").tr("start.lead"))
            .dyn_view(move || {
                error
                    .get()
                    .map(|key| {
                        el("div")
                            .class("alert alert-error")
                            .attr("role", "alert")
                            .child(el("p").text(t(lang.get(), key)))
                    })
                    .into()
            })
            .child(
                el("div")
                    .class("start-actions")
                    .child(new_case_card)
                    .child(example_card),
            )
            .child(
                el("p").child(
                    el("a")
                        .attr("href", "#/verify")
                        .id("open-plan-file")
                        .on("click", move |ev| {
                            ev.prevent_default();
                            app.navigate(Screen::Verify);
                        })
                        .tr("start.open_plan"),
                ),
            )
            .child(el("h2").id("cases-title").tr("cases.title"))
            .dyn_view(move || {
                let lang = lang.get();
                match entries.get() {
                    Err(e) => el("div")
                        .class("alert alert-warning")
                        .attr("role", "alert")
                        .child(el("p").text(t(lang, e.key()))),
                    Ok(list) if list.is_empty() => {
                        el("p").class("empty").text(t(lang, "cases.none"))
                    }
                    Ok(list) => el("ul")
                        .class("case-list")
                        .attr("aria-labelledby", "cases-title")
                        .children(list.into_iter().map(|entry| case_row(entry, refresh))),
                }
                .into()
            })
            .child(el("p").class("privacy").tr("start.privacy"))
            .into()
    })
}

/// A small button (`type="button"`) with a class and a handler.
fn button(class: &str, on_click: impl FnMut(web_sys::Event) + 'static) -> El {
    crate::ui::dom::button(class).on("click", on_click)
}

/// One case on the list, with its actions; delete asks for confirmation in place.
fn case_row(entry: CaseEntry, refresh: RwSignal<u32>) -> El {
    let app = use_app();
    let lang = app.lang;
    let confirming = RwSignal::new(false);
    let row_error = RwSignal::new(None::<&'static str>);
    let error_region = move || {
        row_error
            .get()
            .map(|key| {
                el("p")
                    .class("error-message")
                    .attr("role", "alert")
                    .text(t(lang.get(), key))
            })
            .into()
    };
    match entry {
        CaseEntry::Case(stored) => {
            let id = StoredValue::new(stored.id.clone());
            let label = StoredValue::new(stored.label());
            let municipality = stored
                .case
                .pointer("/child/municipality")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_default();
            let updated = stored.updated.clone();
            let record = StoredValue::new(stored);
            let title = move || {
                label
                    .get_value()
                    .unwrap_or_else(|| t(lang.get(), "cases.untitled").to_string())
            };
            let on_duplicate = move |_| {
                let mut copy = record.get_value();
                copy.id = browser::new_id();
                copy.updated = browser::now_iso();
                match storage::save_case(&copy) {
                    Ok(()) => refresh.update(|n| *n += 1),
                    Err(e) => row_error.set(Some(e.key())),
                }
            };
            let on_delete = move |_| match storage::delete_case(&id.get_value()) {
                Ok(()) => refresh.update(|n| *n += 1),
                Err(e) => row_error.set(Some(e.key())),
            };
            let labelled =
                move |key: &'static str| move || Some(tf(lang.get(), key, &[("case", &title())]));
            el("li")
                .class("case-row")
                .child(
                    el("div")
                        .class("case-summary")
                        .child(el("strong").class("case-title").text_dyn(title))
                        .child(
                            el("span")
                                .class("case-meta")
                                .text(&municipality)
                                .text(" · ")
                                .text_dyn(move || {
                                    let lang = lang.get();
                                    tf(
                                        lang,
                                        "cases.updated",
                                        &[("when", &local_date_time(lang, &updated))],
                                    )
                                }),
                        ),
                )
                .dyn_view(error_region)
                .dyn_view(move || {
                    let lang = lang.get();
                    if confirming.get() {
                        el("div")
                            .class("confirm")
                            .attr("role", "group")
                            .attr("aria-label", t(lang, "cases.delete.confirm_label"))
                            .child(el("p").text(&tf(
                                lang,
                                "cases.delete.confirm",
                                &[("case", &title())],
                            )))
                            .child(
                                button("button button-warning", on_delete)
                                    .text(t(lang, "cases.delete.yes")),
                            )
                            .child(
                                button("button button-secondary", move |_| confirming.set(false))
                                    .text(t(lang, "cases.delete.no")),
                            )
                    } else {
                        el("div")
                            .class("case-actions")
                            .child(
                                button("button button-secondary", move |_| {
                                    app.navigate(Screen::Case {
                                        id: id.get_value(),
                                        step: Step::Child,
                                    })
                                })
                                .attr_dyn("aria-label", labelled("cases.open.label"))
                                .text(t(lang, "cases.open")),
                            )
                            .child(
                                button("button button-secondary", on_duplicate)
                                    .attr_dyn("aria-label", labelled("cases.duplicate.label"))
                                    .text(t(lang, "cases.duplicate")),
                            )
                            .child(
                                button("button button-secondary", move |_| confirming.set(true))
                                    .attr_dyn("aria-label", labelled("cases.delete.label"))
                                    .text(t(lang, "cases.delete")),
                            )
                    }
                    .into()
                })
        }
        CaseEntry::Unreadable { key, raw, error } => {
            let key = StoredValue::new(key);
            let raw = StoredValue::new(raw);
            let on_download = move |_| {
                let name = format!(
                    "unreadable-{}.txt",
                    key.get_value().rsplit('/').next().unwrap_or("case")
                );
                let _ = browser::download_text(&name, "text/plain", &raw.get_value());
            };
            let on_delete = move |_| match storage::delete_key(&key.get_value()) {
                Ok(()) => refresh.update(|n| *n += 1),
                Err(e) => row_error.set(Some(e.key())),
            };
            el("li")
                .class("case-row case-row-unreadable")
                .child(
                    el("div")
                        .class("case-summary")
                        .child(el("strong").tr("cases.unreadable.title"))
                        .child(
                            el("span")
                                .class("case-meta")
                                .text_dyn(move || t(lang.get(), error.key()).to_string()),
                        ),
                )
                .dyn_view(error_region)
                .child(
                    el("div")
                        .class("case-actions")
                        .child(
                            button("button button-secondary", on_download)
                                .tr("cases.unreadable.download"),
                        )
                        .dyn_view(move || {
                            let lang = lang.get();
                            if confirming.get() {
                                View::empty()
                                    .and(
                                        button("button button-warning", on_delete)
                                            .text(t(lang, "cases.delete.yes")),
                                    )
                                    .and(
                                        button("button button-secondary", move |_| {
                                            confirming.set(false)
                                        })
                                        .text(t(lang, "cases.delete.no")),
                                    )
                            } else {
                                button("button button-secondary", move |_| confirming.set(true))
                                    .text(t(lang, "cases.delete"))
                                    .into()
                            }
                        }),
                )
        }
    }
}
