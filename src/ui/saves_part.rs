//! The start screen's case files and backups (chunk `saves`, see [`super::parts`]): how
//! much storage is used and about how much is left, with a warning before it is full; a
//! reminder when no backup was made for 30 days of edits; a backup of every case on this
//! device to one file and its restore; and "Import a case file" (the failed-save
//! download, or an unreadable entry's raw download that still holds a case). Every
//! import or restore shows first what it will add or replace, and replacing a different
//! version of a case is a separate, explicit choice.
//!
//! The formats and the planning are [`crate::backup`]'s; this only reads and writes the
//! device through `storage` and shows the outcome.

use super::app::use_app;
use super::browser;
use super::saves::StartRefresh;
use crate::backup::{self, Backup, FileError, ImportPlan, IncomingCase, Newer};
use crate::draft::StoredCase;
use crate::i18n::{t_in, Lang, SAVES_PART};
use crate::storage::{self, CaseEntry};
use crate::ui::prelude::*;

/// A message of this part ([`SAVES_PART`], then the catalogue).
fn t(lang: Lang, key: &str) -> &'static str {
    t_in(SAVES_PART, lang, key)
}

/// A message of this part with its `{name}` placeholders filled.
fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A message of this part in the current language, as a reactive text.
fn tr(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || t(lang.get(), key)
}

/// What an import or restore would do, awaiting the user's choice.
#[derive(Clone)]
enum Preview {
    Case {
        incoming: IncomingCase,
        plan: ImportPlan,
        /// When the version on this device was saved, if there is one.
        here_updated: Option<String>,
    },
    Restore {
        backup: Backup,
        plans: Vec<(StoredCase, ImportPlan)>,
    },
}

/// The outcome of the last action, in words.
#[derive(Clone)]
struct Notice {
    error: bool,
    text: String,
}

fn file_error_text(lang: Lang, error: &FileError) -> String {
    let params = error.params();
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, error.key(), &params)
}

/// The estimated limit of this site's `localStorage`, in bytes as [`storage::usage`]
/// counts them (UTF-16): measured in Chromium, 5 242 880 characters of keys and values
/// (tests/e2e/saves.spec.mjs); Firefox allows the same.
const LIMIT_BYTES: u64 = 10_485_760;

/// Bytes in words: "840 kB", "1.2 MB" (a decimal comma in Latvian).
fn size_text(lang: Lang, bytes: u64) -> String {
    let text = if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        // Tenths of a MB in integers: float formatting would add kilobytes of code.
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    };
    match lang {
        Lang::Lv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A case's name on the list: its pseudonym, or "untitled".
fn case_label(lang: Lang, case: &serde_json::Value) -> String {
    case.pointer("/child/id")
        .and_then(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| t(lang, "cases.untitled").to_string())
}

/// A stored time in words, or "at an unknown time".
fn when(lang: Lang, iso: Option<&str>) -> String {
    match iso.filter(|s| !s.is_empty()) {
        Some(iso) => super::start::local_date_time(lang, iso),
        None => t(lang, "saves.time_unknown").to_string(),
    }
}

/// The readable cases and the unreadable entries (key, raw text) on this device.
fn device_entries() -> (Vec<StoredCase>, Vec<(String, String)>) {
    let mut cases = Vec::new();
    let mut unreadable = Vec::new();
    for entry in storage::list_cases().unwrap_or_default() {
        match entry {
            CaseEntry::Case(c) => cases.push(c),
            // An entry naming another case is kept as it is stored, like an unreadable one.
            CaseEntry::Unreadable { key, raw, .. } | CaseEntry::Mismatch { key, raw, .. } => {
                unreadable.push((key, raw))
            }
        }
    }
    (cases, unreadable)
}

/// The start screen's section on case files and backups: storage used and left (a
/// warning from [`backup::WARN_PERCENT`]), the backup reminder, the backup of all cases
/// and its restore, and the import of a case file.
#[component]
pub fn SavesPart() -> impl IntoView {
    let lang = use_app().lang;
    let refresh = use_context::<StartRefresh>()
        .map(|r| r.0)
        .unwrap_or_else(|| RwSignal::new(0));
    let notice = RwSignal::new(None::<(bool, String)>);
    let preview = RwSignal::new(None::<Preview>);
    let import_notice_state = RwSignal::new(None::<Notice>);
    let say = move |error: bool, text: String| {
        import_notice_state.set(Some(Notice { error, text }));
        browser::focus_id_later("saves-notice");
    };
    let changed = move || refresh.update(|n| *n += 1);

    // Reads a chosen file (after its size check) and hands its text to `then`.
    let read_then = move |ev: web_sys::Event, then: fn(&str) -> Result<Preview, FileError>| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        import_notice_state.set(None);
        preview.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let text = match browser::read_file_text(&file, crate::files::FileKind::Backup).await {
                Ok(text) => text,
                // Refused for its size before it was read, with both sizes in words.
                Err(browser::ReadError::TooLarge(too_large)) => {
                    let problem = too_large.problem();
                    let params: Vec<(&str, &str)> = problem
                        .params
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    say(true, tf(lang.get_untracked(), &problem.key, &params));
                    return;
                }
                Err(browser::ReadError::Unreadable) => {
                    say(
                        true,
                        file_error_text(lang.get_untracked(), &FileError::NotJson),
                    );
                    return;
                }
            };
            match then(&text) {
                Ok(p) => {
                    let _ = preview.try_set(Some(p));
                    browser::focus_id_later("saves-preview");
                }
                Err(e) => say(true, file_error_text(lang.get_untracked(), &e)),
            }
        });
    };
    let on_import = move |ev: web_sys::Event| read_then(ev, plan_case_file);
    let on_restore = move |ev: web_sys::Event| read_then(ev, plan_backup);

    // Carries out the preview: `replace` also replaces different versions; `as_copy`
    // adds an imported case under a new id instead.
    let apply = move |replace: bool, as_copy: bool| {
        let lang = lang.get_untracked();
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match p {
            Preview::Case { incoming, plan, .. } => {
                let same_id = match plan {
                    ImportPlan::Add => true,
                    ImportPlan::Differs(_) => replace && !as_copy,
                    ImportPlan::Identical => false,
                };
                let id = incoming
                    .id
                    .clone()
                    .filter(|_| same_id)
                    .map(keep_unreadable)
                    .unwrap_or_else(browser::new_id);
                // Replacing a stored case writes its next revision, so a tab that has it
                // open sees a newer version (compare-and-set, `ui::tabs`).
                let rev = match storage::load_case(&id) {
                    Ok(Some(Ok(current))) => current.rev + 1,
                    _ => 0,
                };
                let record = StoredCase {
                    id,
                    updated: incoming.updated.clone().unwrap_or_else(browser::now_iso),
                    case: incoming.case.clone(),
                    rev,
                };
                match storage::save_case(&record) {
                    Ok(()) => {
                        preview.set(None);
                        changed();
                        let label = case_label(lang, &record.case);
                        say(false, tf(lang, "saves.import.done", &[("case", &label)]));
                    }
                    Err(e) => say(true, t(lang, e.key()).to_string()),
                }
            }
            Preview::Restore { backup, plans } => {
                let (mut stored, mut failed) = (0usize, 0usize);
                for (case, plan) in &plans {
                    let wanted = match plan {
                        ImportPlan::Add => true,
                        ImportPlan::Differs(_) => replace,
                        ImportPlan::Identical => false,
                    };
                    if wanted {
                        let case = &StoredCase {
                            id: keep_unreadable(case.id.clone()),
                            ..case.clone()
                        };
                        match storage::save_case(case) {
                            Ok(()) => stored += 1,
                            Err(_) => failed += 1,
                        }
                    }
                }
                for (key, text) in &backup.unreadable {
                    match storage::restore_raw(key, text) {
                        Ok(true) => stored += 1,
                        Ok(false) => {}
                        Err(_) => failed += 1,
                    }
                }
                preview.set(None);
                changed();
                let counts = [
                    ("count", stored.to_string()),
                    ("failed", failed.to_string()),
                ];
                let counts: Vec<(&str, &str)> =
                    counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
                if failed > 0 {
                    say(true, tf(lang, "saves.restore.partly", &counts));
                } else {
                    say(false, tf(lang, "saves.restore.done", &counts));
                }
            }
        }
    };

    let import_notice = move || {
        import_notice_state.get().map(|n| {
            view! {
                <div
                    class=if n.error { "alert alert-error" } else { "alert alert-success" }
                    id="saves-notice"
                    role=if n.error { "alert" } else { "status" }
                    tabindex="-1"
                >
                    <p>{n.text}</p>
                </div>
            }
        })
    };

    let preview_view = move || {
        let lang = lang.get();
        preview
            .get()
            .map(|p| preview_panel(lang, p, apply, move || preview.set(None)))
    };

    // Back up every case (and unreadable entry) to one file, and remember when.
    let back_up = move || {
        let lang = lang.get_untracked();
        let (cases, unreadable) = device_entries();
        let now = browser::now_iso();
        let text = backup::backup_text(&now, &cases, &unreadable);
        let name = format!("ib-planner-backup-{}.json", now.get(..10).unwrap_or("all"));
        let outcome = if browser::download_text(&name, "application/json", &text).is_ok() {
            storage::save_last_backup(&now);
            refresh.update(|n| *n += 1);
            let count = cases.len().to_string();
            (
                false,
                tf(
                    lang,
                    "saves.backup.done",
                    &[("count", &count), ("file", &name)],
                ),
            )
        } else {
            (true, t(lang, "saves.backup.failed").to_string())
        };
        notice.set(Some(outcome));
        browser::focus_id_later("backup-notice");
    };

    let meter = move || {
        refresh.track();
        let lang = lang.get();
        let (app_bytes, all_bytes, cases) = storage::usage().ok()?;
        let use_ = backup::storage_use(app_bytes, all_bytes, LIMIT_BYTES, cases);
        let percent = use_.percent.to_string();
        let summary = tf(
            lang,
            "saves.storage.used",
            &[
                ("used", &size_text(lang, use_.app_bytes)),
                ("limit", &size_text(lang, use_.limit_bytes)),
                ("percent", &percent),
                ("left", &size_text(lang, use_.left_bytes)),
            ],
        );
        let fit = use_
            .cases_fit
            .map(|n| tf(lang, "saves.storage.fit", &[("count", &n.to_string())]));
        let warning = use_.warn.then(|| {
            view! {
                <div class="alert alert-warning storage-warning" role="alert">
                    <p>
                        <strong>{t(lang, "saves.storage.warn_title")}</strong>
                        " "
                        {tf(lang, "saves.storage.warn", &[("percent", &percent)])}
                    </p>
                </div>
            }
        });
        Some(view! {
            <div class="storage-use" id="storage-use">
                <h3 id="storage-title">{t(lang, "saves.storage.title")}</h3>
                <p id="storage-summary">{summary} " " {fit}</p>
                <meter
                    class="storage-meter"
                    min="0"
                    max="100"
                    high=backup::WARN_PERCENT.to_string()
                    value=percent.clone()
                    aria-labelledby="storage-title"
                    aria-describedby="storage-summary"
                >
                    {format!("{percent} %")}
                </meter>
                {warning}
            </div>
        })
    };

    let reminder = move || {
        refresh.track();
        let lang = lang.get();
        let (cases, _) = device_entries();
        let updates: Vec<&str> = cases.iter().map(|c| c.updated.as_str()).collect();
        let last = storage::last_backup();
        if !backup::backup_due(last.as_deref(), &updates, &browser::now_iso()) {
            return None;
        }
        let body = match last {
            Some(at) => tf(
                lang,
                "saves.reminder.since",
                &[("when", &when(lang, Some(&at)))],
            ),
            None => t(lang, "saves.reminder.never").to_string(),
        };
        Some(view! {
            <div class="alert alert-warning backup-reminder" role="status">
                <p>
                    <strong>{t(lang, "saves.reminder.title")}</strong>
                    " "
                    {body}
                </p>
                <button
                    type="button"
                    class="button button-primary"
                    id="backup-now"
                    on:click=move |_| back_up()
                >
                    {t(lang, "saves.reminder.now")}
                </button>
            </div>
        })
    };

    let backup_notice = move || {
        notice.get().map(|(error, text)| {
            view! {
                <div
                    class=if error { "alert alert-error" } else { "alert alert-success" }
                    id="backup-notice"
                    role=if error { "alert" } else { "status" }
                    tabindex="-1"
                >
                    <p>{text}</p>
                </div>
            }
        })
    };

    view! {
        <section class="saves" aria-labelledby="saves-title">
            <h2 id="saves-title">{tr("saves.title")}</h2>
            {reminder}
            {meter}
            <div class="start-actions">
                <div class="action-card">
                    <button
                        type="button"
                        class="button button-secondary"
                        id="backup-all"
                        aria-describedby="backup-all-hint"
                        on:click=move |_| back_up()
                    >
                        {tr("saves.backup")}
                    </button>
                    <p class="hint" id="backup-all-hint">{tr("saves.backup.hint")}</p>
                </div>
                <div class="action-card">
                    <label class="label" for="restore-backup-file">{tr("saves.restore")}</label>
                    <input
                        type="file"
                        id="restore-backup-file"
                        name="restore-backup-file"
                        class="saves-file-input"
                        accept=".json,application/json"
                        on:change=on_restore
                    />
                </div>
                <div class="action-card">
                    <label class="label" for="import-case-file">{tr("saves.import")}</label>
                    <p class="hint" id="import-case-file-hint">{tr("saves.import.hint")}</p>
                    <input
                        type="file"
                        id="import-case-file"
                        name="import-case-file"
                        class="saves-file-input"
                        accept=".json,.txt,application/json,text/plain"
                        aria-describedby="import-case-file-hint"
                        on:change=on_import
                    />
                </div>
            </div>
            {backup_notice}
            {import_notice}
            {preview_view}
        </section>
    }
}

/// `id`, or a new id when an unreadable entry is stored under it: an import never
/// overwrites data that could not be read (it stays listed, with its download).
fn keep_unreadable(id: String) -> String {
    match storage::load_case(&id) {
        Ok(Some(Err(_))) => browser::new_id(),
        _ => id,
    }
}

/// Reads a case file and plans its import against this device.
fn plan_case_file(text: &str) -> Result<Preview, FileError> {
    let incoming = backup::read_case_file(text)?;
    let here = incoming
        .id
        .as_deref()
        .and_then(|id| storage::load_case(id).ok().flatten())
        .and_then(Result::ok);
    let plan = backup::plan_import(&incoming.case, incoming.updated.as_deref(), here.as_ref());
    Ok(Preview::Case {
        incoming,
        plan,
        here_updated: here.map(|h| h.updated),
    })
}

/// Reads a backup and plans its restore against this device.
fn plan_backup(text: &str) -> Result<Preview, FileError> {
    let backup = backup::read_backup(text)?;
    let (here, _) = device_entries();
    let plans = backup::plan_restore(&backup, &here);
    Ok(Preview::Restore { backup, plans })
}

/// What an import or restore will do, with its buttons.
fn preview_panel(
    lang: Lang,
    preview: Preview,
    apply: impl Fn(bool, bool) + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
) -> AnyView {
    let cancel_button = move |key: &'static str| {
        view! {
            <button type="button" class="button button-secondary" on:click=move |_| cancel()>
                {t(lang, key)}
            </button>
        }
    };
    let newer_text = |newer: Newer| match newer {
        Newer::Incoming => t(lang, "saves.newer.file"),
        Newer::Existing => t(lang, "saves.newer.here"),
        Newer::Unknown => t(lang, "saves.newer.unknown"),
    };
    let body = match preview {
        Preview::Case {
            incoming,
            plan,
            here_updated,
        } => {
            let label = case_label(lang, &incoming.case);
            let file_time = when(lang, incoming.updated.as_deref());
            let facts = tf(
                lang,
                "saves.import.preview",
                &[("case", &label), ("when", &file_time)],
            );
            match plan {
                ImportPlan::Add => view! {
                    <p>{facts}</p>
                    <p>{t(lang, "saves.import.new")}</p>
                    <button type="button" class="button button-primary" on:click=move |_| apply(false, false)>
                        {t(lang, "saves.import.add")}
                    </button>
                    {cancel_button("saves.cancel")}
                }
                .into_any(),
                ImportPlan::Identical => view! {
                    <p>{facts}</p>
                    <p>{t(lang, "saves.import.identical")}</p>
                    {cancel_button("saves.close")}
                }
                .into_any(),
                ImportPlan::Differs(newer) => view! {
                    <p>{facts}</p>
                    <p>
                        <strong>{t(lang, "saves.import.differs")}</strong>
                        " "
                        {tf(lang, "saves.import.here", &[("when", &when(lang, here_updated.as_deref()))])}
                        " "
                        {newer_text(newer)}
                    </p>
                    <button type="button" class="button button-warning" on:click=move |_| apply(true, false)>
                        {t(lang, "saves.import.replace")}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| apply(false, true)>
                        {t(lang, "saves.import.copy")}
                    </button>
                    {cancel_button("saves.cancel")}
                }
                .into_any(),
            }
        }
        Preview::Restore { backup, plans } => {
            let count =
                |wanted: fn(&ImportPlan) -> bool| plans.iter().filter(|p| wanted(&p.1)).count();
            let added = count(|p| *p == ImportPlan::Add) + backup.unreadable.len();
            let same = count(|p| *p == ImportPlan::Identical);
            let differs = count(|p| matches!(p, ImportPlan::Differs(_)));
            let facts = tf(
                lang,
                "saves.restore.preview",
                &[
                    ("when", &when(lang, Some(&backup.made_at))),
                    ("total", &plans.len().to_string()),
                    ("new", &added.to_string()),
                    ("same", &same.to_string()),
                    ("differs", &differs.to_string()),
                ],
            );
            let list = plans
                .iter()
                .filter_map(|(case, plan)| {
                    let key = match plan {
                        ImportPlan::Add => "saves.restore.item_new",
                        ImportPlan::Differs(_) => "saves.restore.item_differs",
                        ImportPlan::Identical => return None,
                    };
                    let newer = match plan {
                        ImportPlan::Differs(newer) => format!(" {}", newer_text(*newer)),
                        _ => String::new(),
                    };
                    let line = tf(lang, key, &[("case", &case_label(lang, &case.case))]);
                    Some(view! { <li>{line}{newer}</li> })
                })
                .collect_view();
            let add = (added > 0).then(|| {
                view! {
                    <button type="button" class="button button-primary" on:click=move |_| apply(false, false)>
                        {tf(lang, "saves.restore.add", &[("count", &added.to_string())])}
                    </button>
                }
            });
            let replace = (differs > 0).then(|| {
                view! {
                    <button type="button" class="button button-warning" on:click=move |_| apply(true, false)>
                        {tf(lang, "saves.restore.replace", &[("count", &differs.to_string())])}
                    </button>
                }
            });
            view! {
                <p>{facts}</p>
                <ul class="restore-list">{list}</ul>
                {add}
                {replace}
                {cancel_button("saves.cancel")}
            }
            .into_any()
        }
    };
    view! {
        <div
            class="confirm saves-preview"
            id="saves-preview"
            role="group"
            tabindex="-1"
            aria-labelledby="saves-preview-title"
        >
            <h3 id="saves-preview-title">{t(lang, "saves.preview.title")}</h3>
            {body}
        </div>
    }
    .into_any()
}
