//! The device lock's screens in the split chunk `lock` (see `super::lock`): the unlock
//! form and the settings that turn the lock on (passphrase twice, the warning that a
//! forgotten passphrase cannot be recovered) and off (passphrase again). Argon2id runs
//! here, on the page's thread, after the progress line has been painted.

use super::app::{focus_main_heading, use_app, Screen};
use super::browser::{focus_id, focus_id_later};
use super::form::error_summary_box;
use super::lock::{ask_persistence, use_lock};
use crate::i18n::{t, tf, Lang};
use crate::seal::{self, KdfParams, LockRecord, SealKey, NONCE_LEN, SALT_LEN};
use crate::storage::device_lock::{self, lock_record_text, random, Session};
use crate::storage::{self, LockError, LockState, LOCK_KEY};
use crate::ui::prelude::*;
use std::rc::Rc;

/// The shortest passphrase the lock accepts, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// The message key for a lock error.
fn error_key(error: LockError) -> &'static str {
    match error {
        LockError::Storage => "lock.error.storage",
        LockError::WrongPassphrase => "lock.error.wrong",
        LockError::BadRecord => "lock.error.record",
        LockError::Unchanged => "lock.error.changed",
        LockError::NoRandomness => "lock.error.random",
    }
}

/// Lets the browser paint (the progress line) before the page's thread is busy.
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Derives the key with `params`, logging how long Argon2id took (the figure the notes
/// give for a device).
fn derive_timed(passphrase: &str, params: &KdfParams) -> Result<SealKey, LockError> {
    let start = js_sys::Date::now();
    let key = seal::derive_key(passphrase, params).map_err(|_| LockError::BadRecord);
    leptos::logging::log!(
        "IB plānotājs: Argon2id (m = {} KiB, t = {}, p = {}) took {} ms",
        params.memory_kib,
        params.iterations,
        params.parallelism,
        js_sys::Date::now() - start
    );
    key
}

/// The key `passphrase` derives under the stored lock record, if the record accepts it.
fn checked_key(passphrase: &str) -> Result<SealKey, LockError> {
    let text = lock_record_text().ok_or(LockError::Unchanged)?;
    let record = LockRecord::from_text(&text).map_err(|_| LockError::BadRecord)?;
    let key = derive_timed(passphrase, &record.kdf)?;
    if record.accepts(&key, LOCK_KEY) {
        Ok(key)
    } else {
        Err(LockError::WrongPassphrase)
    }
}

/// The page's key with the cipher, handed to storage: the cipher's code stays in this
/// chunk, which an unlocked page has always loaded.
struct KeySession(SealKey);

impl Session for KeySession {
    fn seal(&self, associated: &str, text: &str) -> Option<String> {
        let nonce = random::<NONCE_LEN>().ok()?;
        Some(seal::seal(&self.0, nonce, associated, text))
    }

    fn open(&self, associated: &str, sealed: &str) -> Option<String> {
        seal::open(&self.0, associated, sealed).ok()
    }
}

fn session(key: SealKey) -> Rc<dyn Session> {
    Rc::new(KeySession(key))
}

/// A password field with its label, optional hint and inline error.
fn passphrase_field(
    lang: Lang,
    id: &'static str,
    label: &'static str,
    hint: Option<String>,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> AnyView {
    super::form::plain_field(
        lang,
        id,
        t(lang, label).to_string(),
        hint,
        "password",
        "lock-input",
        autocomplete,
        value,
        error,
    )
}

/// The form that unlocks this page: one passphrase, checked against the lock record.
#[component]
pub fn UnlockForm() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_lock();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let working = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("lock.error.empty"));
            focus_id("unlock-passphrase");
            return;
        }
        error.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = checked_key(&typed).and_then(|key| device_lock::unlock(session(key)));
            let _ = working.try_set(false);
            match result {
                Ok(_) => {
                    ctx.unlocked.update(|n| *n += 1);
                    focus_main_heading();
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_key(e)));
                    focus_id_later("unlock-passphrase");
                }
            }
        });
    };
    let field_error = Signal::derive(move || error.get().map(|key| t(lang.get(), key).to_string()));
    view! {
        <section class="lock-unlock" aria-labelledby="unlock-title">
            <h1 id="unlock-title">{tr("lock.unlock.title")}</h1>
            <p class="lead">{tr("lock.unlock.lead")}</p>
            <p>{tr("lock.unlock.session")}</p>
            <form class="lock-form" novalidate on:submit=on_submit>
                {move || {
                    passphrase_field(
                        lang.get(),
                        "unlock-passphrase",
                        "lock.passphrase",
                        None,
                        "current-password",
                        passphrase,
                        field_error,
                    )
                }}
                <button
                    type="submit"
                    class="button button-primary"
                    id="unlock-submit"
                    aria-disabled=move || working.get().then_some("true")
                >
                    {tr("lock.unlock.submit")}
                </button>
                <p class="lock-progress" role="status">
                    {move || working.get().then(|| t(lang.get(), "lock.unlock.working"))}
                </p>
            </form>
            <p class="notice">{tr("lock.unlock.forgotten")}</p>
            <p>
                <a
                    href="#/verify"
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(Screen::Verify);
                    }
                >
                    {tr("start.open_plan")}
                </a>
            </p>
        </section>
    }
}

/// The problems of the turn-on form: (field id, message), in the fields' order.
fn turn_on_problems(lang: Lang, new: &str, confirm: &str) -> Vec<(&'static str, String)> {
    let min = MIN_PASSPHRASE_CHARS.to_string();
    let mut problems = Vec::new();
    if new.chars().count() < MIN_PASSPHRASE_CHARS {
        problems.push((
            "lock-new",
            tf(lang, "lock.error.too_short", &[("min", &min)]),
        ));
    } else if new != confirm {
        problems.push(("lock-confirm", t(lang, "lock.error.mismatch").to_string()));
    }
    problems
}

/// The lock's settings: turn it on when off, off when on (this page is unlocked then).
#[component]
pub fn LockSettings() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_lock();
    // The last outcome: (message, is an error).
    let outcome = RwSignal::new(None::<(String, bool)>);
    let outcome_view = move || {
        outcome.get().map(|(text, is_error)| {
            let class = if is_error {
                "alert alert-error"
            } else {
                "alert alert-success"
            };
            let role = if is_error { "alert" } else { "status" };
            view! {
                <div class=class id="lock-outcome" role=role tabindex="-1">
                    <p>{text}</p>
                </div>
            }
        })
    };
    let form = move || {
        ctx.changed.track();
        match storage::lock_state() {
            LockState::Off => view! { <TurnOnForm outcome /> }.into_any(),
            LockState::Unlocked => view! { <TurnOffForm outcome /> }.into_any(),
            // Locked by another tab meanwhile: the unlock form on reload.
            LockState::Locked => view! { <p>{t(lang.get(), "lock.error.changed")}</p> }.into_any(),
        }
    };
    view! {
        <div class="lock-settings">
            {outcome_view}
            {form}
        </div>
    }
}

#[component]
fn TurnOnForm(outcome: RwSignal<Option<(String, bool)>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_lock();
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<(&'static str, String)>::new());
    let working = RwSignal::new(false);
    let problem_for = move |id: &'static str| {
        Signal::derive(move || {
            problems.with(|list| list.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()))
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = new.get_untracked();
        let found = turn_on_problems(lang.get_untracked(), &typed, &confirm.get_untracked());
        let has_problems = !found.is_empty();
        problems.set(found);
        if has_problems {
            focus_id_later("error-summary");
            return;
        }
        outcome.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = random::<SALT_LEN>().and_then(|salt| {
                let kdf = KdfParams::recommended(salt);
                let key = derive_timed(&typed, &kdf)?;
                let record = LockRecord::new(kdf, &key, random::<NONCE_LEN>()?, LOCK_KEY);
                device_lock::turn_on(session(key), &record.to_text())
            });
            let _ = working.try_set(false);
            let lang = lang.get_untracked();
            let message = match result {
                Ok(count) => {
                    ask_persistence();
                    (
                        tf(lang, "lock.on.done", &[("count", &count.to_string())]),
                        false,
                    )
                }
                Err(e) => (t(lang, error_key(e)).to_string(), true),
            };
            let _ = outcome.try_set(Some(message));
            ctx.changed.update(|n| *n += 1);
            focus_id_later("lock-outcome");
        });
    };
    let summary = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(id, text)| {
                    view! {
                        <li>
                            <a
                                href=format!("#{id}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_id(id);
                                }
                            >
                                {text}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            error_summary_box(lang.get(), view! { <ul>{items}</ul> }.into_any())
        })
    };
    view! {
        <form class="lock-form" novalidate on:submit=on_submit aria-labelledby="lock-on-title">
            <h3 id="lock-on-title">{tr("lock.on.title")}</h3>
            <p>{tr("lock.on.explain")}</p>
            <div class="alert alert-warning">
                <p><strong>{tr("lock.on.warning")}</strong></p>
            </div>
            <p>{tr("lock.unlock.session")}</p>
            {summary}
            {move || {
                let lang = lang.get();
                let hint = tf(
                    lang,
                    "lock.new_passphrase.hint",
                    &[("min", &MIN_PASSPHRASE_CHARS.to_string())],
                );
                view! {
                    {passphrase_field(
                        lang,
                        "lock-new",
                        "lock.new_passphrase",
                        Some(hint),
                        "new-password",
                        new,
                        problem_for("lock-new"),
                    )}
                    {passphrase_field(
                        lang,
                        "lock-confirm",
                        "lock.confirm_passphrase",
                        None,
                        "new-password",
                        confirm,
                        problem_for("lock-confirm"),
                    )}
                }
            }}
            <button
                type="submit"
                class="button button-primary"
                id="lock-on-submit"
                aria-disabled=move || working.get().then_some("true")
            >
                {tr("lock.on.title")}
            </button>
            <p class="lock-progress" role="status">
                {move || working.get().then(|| t(lang.get(), "lock.on.working"))}
            </p>
        </form>
    }
}

#[component]
fn TurnOffForm(outcome: RwSignal<Option<(String, bool)>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_lock();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let working = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("lock.error.empty"));
            focus_id("lock-off-passphrase");
            return;
        }
        error.set(None);
        outcome.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = checked_key(&typed).and_then(|_| device_lock::turn_off());
            let _ = working.try_set(false);
            match result {
                Ok(count) => {
                    let text = tf(
                        lang.get_untracked(),
                        "lock.off.done",
                        &[("count", &count.to_string())],
                    );
                    let _ = outcome.try_set(Some((text, false)));
                    ctx.changed.update(|n| *n += 1);
                    focus_id_later("lock-outcome");
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_key(e)));
                    focus_id_later("lock-off-passphrase");
                }
            }
        });
    };
    let field_error = Signal::derive(move || error.get().map(|key| t(lang.get(), key).to_string()));
    view! {
        <form class="lock-form" novalidate on:submit=on_submit aria-labelledby="lock-off-title">
            <h3 id="lock-off-title">{tr("lock.off.title")}</h3>
            <p>{tr("lock.off.explain")}</p>
            {move || {
                passphrase_field(
                    lang.get(),
                    "lock-off-passphrase",
                    "lock.passphrase",
                    None,
                    "current-password",
                    passphrase,
                    field_error,
                )
            }}
            <button
                type="submit"
                class="button button-warning"
                id="lock-off-submit"
                aria-disabled=move || working.get().then_some("true")
            >
                {tr("lock.off.title")}
            </button>
            <p class="lock-progress" role="status">
                {move || working.get().then(|| t(lang.get(), "lock.off.working"))}
            </p>
        </form>
    }
}
