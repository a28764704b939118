//! The start screen: the ways to begin (the parents' own way in — the questionnaire, or
//! the team's ranking file opened with the picker or dropped on the screen —, a new case,
//! the example case, opening a plan file) and the records kept on this device (the team's
//! cases and the parents' own), with open, duplicate and delete.

use super::app::{use_app, AppState, Screen};
use super::browser;
use super::lazy::Lazy;
use super::start_file::StartFile;
use super::workspace::Step;
use crate::draft::{new_case, StoredCase};
use crate::i18n::{format_date, t, tf, Lang};
use crate::storage::{self, CaseEntry};
use crate::ui::prelude::*;
use crate::way_in::{self, ListedRecord};
use serde_json::Value;

/// Stores `case` as a new record on this device and opens it at `screen(id)`. A failed
/// write is reported in `error` (the user stays on the start screen with the message).
/// Also used by the start screen's file reading (`super::start_file`).
pub(super) fn create_and_open(
    app: AppState,
    case: Value,
    screen: impl FnOnce(String) -> Screen,
    error: RwSignal<Option<&'static str>>,
) {
    let record = StoredCase {
        id: browser::new_id(),
        updated: browser::now_iso(),
        case,
        rev: 0,
    };
    match storage::save_case(&record) {
        Ok(()) => {
            // The first case saved is the moment to ask the browser to keep storage.
            super::lock::ask_persistence();
            app.navigate(screen(record.id))
        }
        Err(e) => error.set(Some(e.key())),
    }
}

/// A case screen at `step`, for [`create_and_open`].
fn at_step(step: Step) -> impl FnOnce(String) -> Screen {
    move |id| Screen::Case { id, step }
}

/// Where a stored record opens: a parents' own at its first page, a case at the child.
fn open_screen(record: &StoredCase) -> Screen {
    if way_in::is_parents_own(&record.case) {
        Screen::Parent {
            id: record.id.clone(),
            page: Some(way_in::first_page(&record.case)),
        }
    } else {
        Screen::Case {
            id: record.id.clone(),
            step: Step::Child,
        }
    }
}

/// A local date and time for a stored ISO timestamp, in the user's language.
pub(crate) fn local_date_time(lang: Lang, iso: &str) -> String {
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

/// The first screen, behind the device lock: while the lock is on and this page has no
/// key, the unlock form shows instead (`super::lock`).
#[component]
pub fn StartScreen() -> impl IntoView {
    view! {
        <super::lock::LockGate>
            <StartContent />
        </super::lock::LockGate>
    }
}

/// The start screen itself.
#[component]
fn StartContent() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let error = RwSignal::new(None::<&'static str>);
    let refresh = RwSignal::new(0u32);
    provide_context(super::saves::StartRefresh(refresh));
    let entries = Memo::new(move |_| {
        refresh.track();
        storage::list_cases()
    });
    // Cases added, changed or deleted in another tab show here at once.
    super::tabs::refresh_on_change_elsewhere(refresh);
    let on_new = move |_| {
        create_and_open(
            app,
            new_case(&browser::today_iso()),
            at_step(Step::Child),
            error,
        )
    };
    let on_example = move |_| {
        create_and_open(
            app,
            crate::engine::example::example_case_json(),
            at_step(Step::Result),
            error,
        )
    };
    // The parents' own way in: no pseudonym, no team steps, the questionnaire only.
    let on_parent = move |_| {
        create_and_open(
            app,
            way_in::new_answers_record(),
            |id| Screen::Parent {
                id,
                page: Some(way_in::ParentPage::Questionnaire),
            },
            error,
        )
    };
    // A ranking file from the team, chosen or dropped: straight to ranking it. It is read
    // by `super::start_file`, whose chunk loads the first time a file comes.
    let dragging = RwSignal::new(false);
    let start_file = StartFile::new(error);
    provide_context(start_file);
    let read_file = move |file: web_sys::File| start_file.open(file);
    let on_pick = move |ev: web_sys::Event| {
        if let Some(file) = browser::take_chosen_file(&ev) {
            read_file(file);
        }
    };
    let on_drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_drag_leave = move |_: web_sys::DragEvent| dragging.set(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = browser::dropped_file(&ev) {
            read_file(file);
        }
    };
    // The list is rebuilt whole when the cases or the language change (its rows' texts
    // are fixed in the language they were built in).
    let case_list = move || {
        let lang = lang.get();
        match entries.get() {
            Err(e) => view! {
                <div class="alert alert-warning" role="alert">
                    <p>{t(lang, e.key())}</p>
                </div>
            }
            .into_any(),
            Ok(list) if list.is_empty() => {
                view! { <p class="empty">{t(lang, "cases.none")}</p> }.into_any()
            }
            Ok(list) => view! {
                <ul class="case-list" aria-labelledby="cases-title">
                    {list
                        .into_iter()
                        .map(|entry| case_row(app, lang, entry, refresh))
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <section
            class="start"
            class:start-dragging=move || dragging.get()
            aria-labelledby="start-title"
            on:dragover=on_drag_over
            on:dragleave=on_drag_leave
            on:drop=on_drop
        >
            <h1 id="start-title">{tr("start.title")}</h1>
            <p class="lead">{tr("start.lead")}</p>
            {move || {
                error
                    .get()
                    .map(|key| {
                        view! {
                            <div class="alert alert-error" role="alert">
                                <p>{t(lang.get(), key)}</p>
                            </div>
                        }
                    })
            }}
            <section class="start-parents" aria-labelledby="start-parents-title">
                <h2 id="start-parents-title">{tr("start.parents.title")}</h2>
                <p>{tr("start.parents.lead")}</p>
                <div class="start-actions">
                    <div class="action-card">
                        <button
                            type="button"
                            class="button button-primary"
                            id="parent-way"
                            aria-describedby="parent-way-hint"
                            on:click=on_parent
                        >
                            {tr("start.parent_way")}
                        </button>
                        <p class="hint" id="parent-way-hint">{tr("start.parent_way.hint")}</p>
                    </div>
                    <div class="action-card start-drop" class:start-drop-active=move || dragging.get()>
                        <label class="label" for="open-ranking-file">{tr("start.open_ranking")}</label>
                        <p class="hint" id="open-ranking-file-hint">{tr("start.open_ranking.hint")}</p>
                        <input
                            type="file"
                            id="open-ranking-file"
                            name="open-ranking-file"
                            class="parents-file-input"
                            accept=".json,application/json"
                            aria-describedby="open-ranking-file-hint"
                            on:change=on_pick
                        />
                    </div>
                </div>
                {move || {
                    start_file.used().then(|| view! { <Lazy load=super::parts::start_file_open /> })
                }}
            </section>
            <h2 id="start-team-title">{tr("start.team.title")}</h2>
            <div class="start-actions">
                <div class="action-card">
                    <button
                        type="button"
                        class="button button-primary"
                        id="new-case"
                        on:click=on_new
                    >
                        {tr("start.new_case")}
                    </button>
                    <p class="hint">{tr("start.new_case.hint")}</p>
                </div>
                <div class="action-card">
                    <button
                        type="button"
                        class="button button-secondary"
                        id="example-case"
                        on:click=on_example
                    >
                        {tr("start.example_case")}
                    </button>
                    <p class="hint">{tr("start.example_case.hint")}</p>
                </div>
            </div>
            <p>
                <a
                    href="#/verify"
                    id="open-plan-file"
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(Screen::Verify);
                    }
                >
                    {tr("start.open_plan")}
                </a>
            </p>
            // Issue 13: the person's own signing key (chunk `keys`).
            <p>
                <a
                    href="#/keys"
                    id="open-keys"
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(Screen::Keys);
                    }
                >
                    {tr("keys.link")}
                </a>
            </p>
            <h2 id="cases-title">{tr("cases.title")}</h2>
            {case_list}
            // Storage use, backups and the import of case files (issue 12): chunk `saves`.
            <super::lazy::Lazy load=super::parts::saves_part keep_focus=true />
            <super::lock::LockSection />
            <p class="privacy">{tr("start.privacy")}</p>
        </section>
    }
}

/// One case on the list, in `lang`, with its actions; delete asks for confirmation in
/// place.
fn case_row(app: AppState, lang: Lang, entry: CaseEntry, refresh: RwSignal<u32>) -> AnyView {
    let confirming = RwSignal::new(false);
    let row_error = RwSignal::new(None::<&'static str>);
    let error_region = move || {
        row_error.get().map(|key| {
            view! { <p class="error-message" role="alert">{t(lang, key)}</p> }
        })
    };
    match entry {
        CaseEntry::Case(stored) => {
            let target = StoredValue::new(open_screen(&stored));
            let (title, meta) = match way_in::listed(&stored.case) {
                ListedRecord::Case { label } => (
                    label.unwrap_or_else(|| t(lang, "cases.untitled").to_string()),
                    stored
                        .case
                        .pointer("/child/municipality")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_default(),
                ),
                ListedRecord::ParentsAnswers { goals } => (
                    t(lang, "cases.parents_answers").to_string(),
                    tf(
                        lang,
                        "cases.parents_answers.meta",
                        &[("count", &goals.to_string())],
                    ),
                ),
                ListedRecord::ParentsRanking { services } => (
                    t(lang, "cases.parents_ranking").to_string(),
                    tf(
                        lang,
                        "cases.parents_ranking.meta",
                        &[("count", &services.to_string())],
                    ),
                ),
            };
            let id = StoredValue::new(stored.id.clone());
            // A case that may only be viewed says so here; it opens read-only
            // (crate::entries).
            let read_only = crate::entries::read_only(&stored.case).is_some();
            let updated = tf(
                lang,
                "cases.updated",
                &[("when", &local_date_time(lang, &stored.updated))],
            );
            let record = StoredValue::new(stored);
            let labels = StoredValue::new(
                [
                    "cases.open.label",
                    "cases.duplicate.label",
                    "cases.delete.label",
                    "cases.delete.confirm",
                ]
                .map(|key| tf(lang, key, &[("case", &title)])),
            );
            let on_duplicate = move |_| {
                let mut copy = record.get_value();
                copy.id = browser::new_id();
                copy.updated = browser::now_iso();
                copy.rev = 0;
                match storage::save_case(&copy) {
                    Ok(()) => refresh.update(|n| *n += 1),
                    Err(e) => row_error.set(Some(e.key())),
                }
            };
            let on_delete = move |_| match storage::delete_case(&id.get_value()) {
                Ok(()) => refresh.update(|n| *n += 1),
                Err(e) => row_error.set(Some(e.key())),
            };
            let actions = move || {
                let [open_label, duplicate_label, delete_label, confirm_text] = labels.get_value();
                if confirming.get() {
                    view! {
                        <div
                            class="confirm"
                            role="group"
                            aria-label=t(lang, "cases.delete.confirm_label")
                        >
                            <p>{confirm_text}</p>
                            <button
                                type="button"
                                class="button button-warning"
                                on:click=on_delete
                            >
                                {t(lang, "cases.delete.yes")}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| confirming.set(false)
                            >
                                {t(lang, "cases.delete.no")}
                            </button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="case-actions">
                            <button
                                type="button"
                                class="button button-secondary"
                                id=format!("open-{}", id.get_value())
                                aria-label=open_label
                                on:click=move |_| app.navigate(target.get_value())
                            >
                                {t(lang, "cases.open")}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                aria-label=duplicate_label
                                on:click=on_duplicate
                            >
                                {t(lang, "cases.duplicate")}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                aria-label=delete_label
                                on:click=move |_| confirming.set(true)
                            >
                                {t(lang, "cases.delete")}
                            </button>
                        </div>
                    }
                    .into_any()
                }
            };
            view! {
                <li class="case-row">
                    <div class="case-summary">
                        <strong class="case-title">{title}</strong>
                        <span class="case-meta">
                            {(!meta.is_empty()).then(|| format!("{meta} · "))}
                            {updated}
                            {read_only.then(|| format!(" · {}", t(lang, "entries.read_only.flag")))}
                        </span>
                    </div>
                    {error_region}
                    {actions}
                </li>
            }
            .into_any()
        }
        // Both are acted on by their storage key only: an entry whose inner id names
        // another case is never opened, saved or deleted as that case (crate::entries).
        entry @ (CaseEntry::Mismatch { .. } | CaseEntry::Unreadable { .. }) => {
            let (key, raw, title, meta, inner) = match entry {
                CaseEntry::Mismatch { key, raw, stored } => {
                    let id = storage::case_id_of_key(&key).unwrap_or_default();
                    let meta = tf(
                        lang,
                        "entries.mismatch.row",
                        &[("key", id), ("inner", &stored.id)],
                    );
                    let title = stored
                        .label()
                        .unwrap_or_else(|| t(lang, "entries.mismatch.title").to_string());
                    (key, raw, title, meta, Some(stored))
                }
                CaseEntry::Unreadable { key, raw, error } => {
                    let title = t(lang, "cases.unreadable.title").to_string();
                    (key, raw, title, error.text(lang), None)
                }
                CaseEntry::Case(_) => return ().into_any(),
            };
            let id = storage::case_id_of_key(&key)
                .unwrap_or_default()
                .to_string();
            // Repair: only a readable entry that may be edited (crate::entries::repaired).
            let repairable = inner
                .as_ref()
                .is_some_and(|s| crate::entries::read_only(&s.case).is_none());
            let download = super::entries::raw_download(&id, raw, inner.is_some());
            let on_repair = move |_| match super::entries::repair(&id) {
                Ok(()) => {
                    refresh.update(|n| *n += 1);
                    browser::focus_id_later(&format!("open-{id}"));
                }
                Err(e) => row_error.set(Some(e.key())),
            };
            let repair = repairable.then(|| {
                super::entries::button(
                    "button button-primary",
                    "entries.mismatch.repair",
                    Box::new(on_repair),
                )
            });
            let key = StoredValue::new(key);
            let on_delete = move |_| match storage::delete_key(&key.get_value()) {
                Ok(()) => refresh.update(|n| *n += 1),
                Err(e) => row_error.set(Some(e.key())),
            };
            let delete = move || {
                if confirming.get() {
                    view! {
                        <button type="button" class="button button-warning" on:click=on_delete>
                            {t(lang, "cases.delete.yes")}
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| confirming.set(false)
                        >
                            {t(lang, "cases.delete.no")}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| confirming.set(true)
                        >
                            {t(lang, "cases.delete")}
                        </button>
                    }
                    .into_any()
                }
            };
            view! {
                <li class="case-row case-row-unreadable">
                    <div class="case-summary">
                        <strong>{title}</strong>
                        <span class="case-meta">{meta}</span>
                    </div>
                    {error_region}
                    <div class="case-actions">
                        {repair}
                        {download}
                        {delete}
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
