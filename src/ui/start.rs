//! The start screen: the ways to begin (a new case, the example case, opening a plan
//! file) and the cases kept on this device, with open, duplicate and delete.

use super::app::{use_app, Screen};
use super::browser;
use super::workspace::Step;
use crate::draft::{new_case, StoredCase};
use crate::i18n::{format_date, t, tf, Lang};
use crate::storage::{self, CaseEntry};
use leptos::prelude::*;
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
#[component]
pub fn StartScreen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let error = RwSignal::new(None::<&'static str>);
    let refresh = RwSignal::new(0u32);
    let entries = Memo::new(move |_| {
        refresh.track();
        storage::list_cases()
    });

    let on_new = move |_| create_and_open(new_case(&browser::today_iso()), Step::Child, error);
    let on_example = move |_| {
        create_and_open(
            crate::engine::example::example_case_json(),
            Step::Result,
            error,
        )
    };

    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{crate::ui::app::tr("start.title")}</h1>
            <p class="lead">{crate::ui::app::tr("start.lead")}</p>
            {move || error.get().map(|key| view! {
                <div class="alert alert-error" role="alert"><p>{t(lang.get(), key)}</p></div>
            })}
            <div class="start-actions">
                <div class="action-card">
                    <button type="button" class="button button-primary" id="new-case" on:click=on_new>
                        {crate::ui::app::tr("start.new_case")}
                    </button>
                    <p class="hint">{crate::ui::app::tr("start.new_case.hint")}</p>
                </div>
                <div class="action-card">
                    <button type="button" class="button button-secondary" id="example-case" on:click=on_example>
                        {crate::ui::app::tr("start.example_case")}
                    </button>
                    <p class="hint">{crate::ui::app::tr("start.example_case.hint")}</p>
                </div>
            </div>
            <p>
                <a href="#/verify" id="open-plan-file" on:click=move |ev| {
                    ev.prevent_default();
                    app.navigate(Screen::Verify);
                }>{crate::ui::app::tr("start.open_plan")}</a>
            </p>
            <h2 id="cases-title">{crate::ui::app::tr("cases.title")}</h2>
            {move || match entries.get() {
                Err(e) => view! {
                    <div class="alert alert-warning" role="alert"><p>{t(lang.get(), e.key())}</p></div>
                }.into_any(),
                Ok(list) if list.is_empty() => view! {
                    <p class="empty">{t(lang.get(), "cases.none")}</p>
                }.into_any(),
                Ok(list) => view! {
                    <ul class="case-list" aria-labelledby="cases-title">
                        {list.into_iter().map(|entry| view! { <CaseRow entry=entry refresh=refresh/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <p class="privacy">{crate::ui::app::tr("start.privacy")}</p>
        </section>
    }
}

/// One case on the list, with its actions; delete asks for confirmation in place.
#[component]
fn CaseRow(entry: CaseEntry, refresh: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let confirming = RwSignal::new(false);
    let row_error = RwSignal::new(None::<&'static str>);
    match entry {
        CaseEntry::Case(stored) => {
            let id = StoredValue::new(stored.id.clone());
            let label = stored.label();
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
                    .clone()
                    .unwrap_or_else(|| t(lang.get(), "cases.untitled").to_string())
            };
            let title_for_confirm = title.clone();
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
            view! {
                <li class="case-row">
                    <div class="case-summary">
                        <strong class="case-title">{title.clone()}</strong>
                        <span class="case-meta">
                            {municipality}
                            " · "
                            {move || tf(lang.get(), "cases.updated", &[("when", &local_date_time(lang.get(), &updated))])}
                        </span>
                    </div>
                    {move || row_error.get().map(|key| view! { <p class="error-message" role="alert">{t(lang.get(), key)}</p> })}
                    {move || if confirming.get() {
                        view! {
                            <div class="confirm" role="group" aria-label=crate::ui::app::tr("cases.delete.confirm_label")>
                                <p>{tf(lang.get(), "cases.delete.confirm", &[("case", &title_for_confirm())])}</p>
                                <button type="button" class="button button-warning" on:click=on_delete>
                                    {t(lang.get(), "cases.delete.yes")}
                                </button>
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                                    {t(lang.get(), "cases.delete.no")}
                                </button>
                            </div>
                        }.into_any()
                    } else {
                        let title_a = title.clone();
                        let title_b = title.clone();
                        let title_c = title.clone();
                        view! {
                            <div class="case-actions">
                                <button type="button" class="button button-secondary"
                                    aria-label=move || tf(lang.get(), "cases.open.label", &[("case", &title_a())])
                                    on:click=move |_| app.navigate(Screen::Case { id: id.get_value(), step: Step::Child })>
                                    {t(lang.get(), "cases.open")}
                                </button>
                                <button type="button" class="button button-secondary"
                                    aria-label=move || tf(lang.get(), "cases.duplicate.label", &[("case", &title_b())])
                                    on:click=on_duplicate>
                                    {t(lang.get(), "cases.duplicate")}
                                </button>
                                <button type="button" class="button button-secondary"
                                    aria-label=move || tf(lang.get(), "cases.delete.label", &[("case", &title_c())])
                                    on:click=move |_| confirming.set(true)>
                                    {t(lang.get(), "cases.delete")}
                                </button>
                            </div>
                        }.into_any()
                    }}
                </li>
            }
            .into_any()
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
            view! {
                <li class="case-row case-row-unreadable">
                    <div class="case-summary">
                        <strong>{crate::ui::app::tr("cases.unreadable.title")}</strong>
                        <span class="case-meta">{move || t(lang.get(), error.key())}</span>
                    </div>
                    {move || row_error.get().map(|key| view! { <p class="error-message" role="alert">{t(lang.get(), key)}</p> })}
                    <div class="case-actions">
                        <button type="button" class="button button-secondary" on:click=on_download>
                            {crate::ui::app::tr("cases.unreadable.download")}
                        </button>
                        {move || if confirming.get() {
                            view! {
                                <button type="button" class="button button-warning" on:click=on_delete>
                                    {t(lang.get(), "cases.delete.yes")}
                                </button>
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                                    {t(lang.get(), "cases.delete.no")}
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(true)>
                                    {t(lang.get(), "cases.delete")}
                                </button>
                            }.into_any()
                        }}
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
