//! The person's own signing key on this device (issue 13, item 1; chunk `keys`, route
//! `#/keys`): create one (name, role, municipality, a passphrase typed twice), unlock it
//! for this page, show its fingerprint and did:key (with a copy button) to hand to the
//! municipality, export it as the encrypted key file, import one, lock it again, remove
//! it. The key is only ever stored sealed with its passphrase
//! ([`crate::personal_key`], [`crate::seal`]); unlocked, it lives in
//! [`super::personal`] in memory only. Argon2id runs on the page's thread after the
//! progress line has been painted.

use super::app::use_app;
use super::browser::{self, focus_id, focus_id_later};
use super::form::{error_summary_box, error_text};
use super::personal::{self, tp, tpf, trust_role_name};
use super::workspace::BackToCases;
use crate::files::FileKind;
use crate::i18n::Lang;
use crate::personal_key::{
    form_problems, looks_like_key_file, open_key, seal_key, KeyFileError, PersonalKey,
    MIN_PASSPHRASE_CHARS, ROLES,
};
use crate::seal::{KdfParams, NONCE_LEN, SALT_LEN};
use crate::storage;
use crate::ui::prelude::*;
use wasm_bindgen::JsCast;

/// A fixed message of the trust screens that follows the language.
fn trp(key: &'static str) -> impl Fn() -> &'static str + Copy + 'static {
    let lang = use_app().lang;
    move || tp(lang.get(), key)
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

fn random<const N: usize>() -> Result<[u8; N], KeyFileError> {
    let mut bytes = [0u8; N];
    browser::random_bytes(&mut bytes).map_err(|_| KeyFileError::NoRandomness)?;
    Ok(bytes)
}

/// What the screen last did: the words, and whether it was an error.
type Outcome = RwSignal<Option<(String, bool)>>;

fn outcome_view(lang: RwSignal<Lang>, outcome: Outcome) -> impl IntoView {
    move || {
        outcome.get().map(|(text, is_error)| {
            let _ = lang.get();
            let (class, role) = if is_error {
                ("alert alert-error", "alert")
            } else {
                ("alert alert-success", "status")
            };
            view! {
                <div class=class id="keys-outcome" role=role tabindex="-1">
                    <p>{text}</p>
                </div>
            }
        })
    }
}

/// A text or password field with its label, optional hint and inline error (the error
/// is a message key of this chunk's rows).
#[allow(clippy::too_many_arguments)]
fn field(
    lang: Lang,
    id: &'static str,
    label: &'static str,
    hint: Option<String>,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<&'static str>>,
) -> AnyView {
    let error = Signal::derive(move || error.get().map(|key| message(lang, key)));
    super::form::plain_field(
        lang,
        id,
        tp(lang, label).to_string(),
        hint,
        kind,
        "keys-input",
        autocomplete,
        value,
        error,
    )
}

/// A form problem's words (the passphrase length has a parameter).
fn message(lang: Lang, key: &str) -> String {
    tpf(lang, key, &[("min", &MIN_PASSPHRASE_CHARS.to_string())])
}

/// The error summary of a form: links to its fields.
fn summary(lang: Lang, problems: &[(&'static str, &'static str)]) -> Option<AnyView> {
    (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|&(id, key)| {
                view! {
                    <li>
                        <a
                            href=format!("#{id}")
                            on:click=move |ev| {
                                ev.prevent_default();
                                focus_id(id);
                            }
                        >
                            {message(lang, key)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        error_summary_box(lang, view! { <ul>{items}</ul> }.into_any())
    })
}

fn problem_for(
    problems: RwSignal<Vec<(&'static str, &'static str)>>,
    id: &'static str,
) -> Signal<Option<&'static str>> {
    Signal::derive(move || {
        problems.with(|list| list.iter().find(|(f, _)| *f == id).map(|(_, m)| *m))
    })
}

/// The screen's shared state: the stored key's version (bumped on every change).
#[derive(Clone, Copy)]
struct Keys {
    version: RwSignal<u32>,
    outcome: Outcome,
}

impl Keys {
    fn changed(&self) {
        let _ = self.version.try_update(|v| *v += 1);
    }

    fn tell(&self, text: String, is_error: bool) {
        if self.outcome.try_set(Some((text, is_error))).is_none() {
            focus_id_later("keys-outcome");
        }
    }
}

/// The personal key screen.
#[component]
pub fn KeysScreen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let keys = Keys {
        version: RwSignal::new(0),
        outcome: RwSignal::new(None),
    };
    let body = move || {
        keys.version.track();
        match storage::load_personal_key() {
            Err(error) => view! {
                <p class="alert alert-error" role="alert">
                    {crate::i18n::t(lang.get(), error.key())}
                </p>
            }
            .into_any(),
            Ok(None) => view! {
                <CreateForm keys />
                <ImportForm keys replaces=false />
            }
            .into_any(),
            Ok(Some(text)) => match personal::unlocked() {
                Some(_) => view! { <KeyDetails keys text /> }.into_any(),
                None => view! {
                    <UnlockForm keys text />
                    <ImportForm keys replaces=true />
                    <RemoveKey keys />
                }
                .into_any(),
            },
        }
    };
    view! {
        <section aria-labelledby="keys-title" class="keys-screen">
            <h1 id="keys-title">{trp("keys.title")}</h1>
            <p class="lead">{trp("keys.lead")}</p>
            {outcome_view(lang, keys.outcome)}
            {body}
            <p>
                <a
                    href="#/verify"
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(super::app::Screen::Verify);
                    }
                >
                    {tr("start.open_plan")}
                </a>
            </p>
            <div class="step-actions">
                <BackToCases />
            </div>
        </section>
    }
}

/// The new-key form.
#[component]
fn CreateForm(keys: Keys) -> impl IntoView {
    let lang = use_app().lang;
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let municipality = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let working = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let (n, r, m, p) = (
            name.get_untracked(),
            role.get_untracked(),
            municipality.get_untracked(),
            passphrase.get_untracked(),
        );
        let found = form_problems(&n, &r, &m, &p, &confirm.get_untracked());
        let has_problems = !found.is_empty();
        problems.set(found);
        if has_problems {
            focus_id_later("error-summary");
            return;
        }
        working.set(true);
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = random::<32>().and_then(|seed| {
                let key = PersonalKey {
                    name: n.trim().to_string(),
                    role: r,
                    municipality: m.trim().to_string(),
                    created: browser::now_iso(),
                    key: crate::engine::integrity::KeyPair::from_seed(&seed),
                };
                let params = KdfParams::recommended(random::<SALT_LEN>()?);
                let sealed = seal_key(&key, &p, &params, random::<NONCE_LEN>()?)?;
                Ok((key, sealed))
            });
            let _ = working.try_set(false);
            let lang = lang.get_untracked();
            match result {
                Ok((key, sealed)) => match storage::save_personal_key(&sealed) {
                    Ok(()) => {
                        personal::set_unlocked(Some(key));
                        keys.tell(tp(lang, "keys.created").to_string(), false);
                        keys.changed();
                    }
                    Err(error) => keys.tell(crate::i18n::t(lang, error.key()).to_string(), true),
                },
                Err(error) => keys.tell(tp(lang, error.key()).to_string(), true),
            }
        });
    };
    let roles = move || {
        let l = lang.get();
        ROLES
            .iter()
            .map(|code| {
                view! { <option value=*code>{trust_role_name(l, code)}</option> }
            })
            .collect_view()
    };
    view! {
        <form class="keys-form" novalidate on:submit=on_submit aria-labelledby="key-create-title">
            <h2 id="key-create-title">{trp("keys.create.title")}</h2>
            <p>{trp("keys.create.explain")}</p>
            {move || summary(lang.get(), &problems.get())}
            {move || {
                let l = lang.get();
                view! {
                    {field(l, "key-name", "keys.name", None, "text", "name", name, problem_for(problems, "key-name"))}
                    <div
                        class="form-group"
                        class:form-group-error=move || problem_for(problems, "key-role").with(Option::is_some)
                    >
                        <label class="label" for="key-role">{tp(l, "keys.role")}</label>
                        {move || {
                            problem_for(problems, "key-role")
                                .get()
                                .map(|key| {
                                    view! {
                                        <p class="error-message" id="key-role-error">
                                            {error_text(l, &message(l, key))}
                                        </p>
                                    }
                                })
                        }}
                        <select
                            id="key-role"
                            name="key-role"
                            class="select"
                            aria-describedby=move || {
                                problem_for(problems, "key-role")
                                    .with(Option::is_some)
                                    .then_some("key-role-error")
                            }
                            on:change=move |ev| role.set(event_target_value(&ev))
                            prop:value=move || role.get()
                        >
                            <option value="">{tp(l, "keys.role.choose")}</option>
                            {roles}
                        </select>
                    </div>
                    {field(
                        l,
                        "key-municipality",
                        "keys.municipality",
                        Some(tp(l, "keys.municipality.hint").to_string()),
                        "text",
                        "organization",
                        municipality,
                        problem_for(problems, "key-municipality"),
                    )}
                    <div class="alert alert-warning">
                        <p><strong>{tp(l, "keys.forgotten")}</strong></p>
                    </div>
                    {field(
                        l,
                        "key-passphrase",
                        "keys.passphrase.new",
                        Some(message(l, "keys.passphrase.hint")),
                        "password",
                        "new-password",
                        passphrase,
                        problem_for(problems, "key-passphrase"),
                    )}
                    {field(
                        l,
                        "key-confirm",
                        "keys.passphrase.confirm",
                        None,
                        "password",
                        "new-password",
                        confirm,
                        problem_for(problems, "key-confirm"),
                    )}
                }
                .into_any()
            }}
            <button
                type="submit"
                class="button button-primary"
                id="key-create"
                aria-disabled=move || working.get().then_some("true")
            >
                {trp("keys.create.submit")}
            </button>
            <p class="keys-progress" role="status">
                {move || working.get().then(|| tp(lang.get(), "keys.working"))}
            </p>
        </form>
    }
}

/// The passphrase form that unlocks the stored key for this page.
#[component]
fn UnlockForm(keys: Keys, text: String) -> impl IntoView {
    let lang = use_app().lang;
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let working = RwSignal::new(false);
    let text = StoredValue::new(text);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("keys.error.empty"));
            focus_id("key-unlock-passphrase");
            return;
        }
        error.set(None);
        working.set(true);
        let sealed = text.get_value();
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = open_key(&sealed, &typed);
            let _ = working.try_set(false);
            match result {
                Ok(key) => {
                    personal::set_unlocked(Some(key));
                    keys.changed();
                    focus_id_later("key-details-title");
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.key()));
                    focus_id_later("key-unlock-passphrase");
                }
            }
        });
    };
    view! {
        <form class="keys-form" novalidate on:submit=on_submit aria-labelledby="key-unlock-title">
            <h2 id="key-unlock-title">{trp("keys.unlock.title")}</h2>
            <p>{trp("keys.unlock.explain")}</p>
            {move || {
                field(
                    lang.get(),
                    "key-unlock-passphrase",
                    "keys.passphrase",
                    None,
                    "password",
                    "current-password",
                    passphrase,
                    error.into(),
                )
            }}
            <button
                type="submit"
                class="button button-primary"
                id="key-unlock"
                aria-disabled=move || working.get().then_some("true")
            >
                {trp("keys.unlock.submit")}
            </button>
            <p class="keys-progress" role="status">
                {move || working.get().then(|| tp(lang.get(), "keys.working"))}
            </p>
        </form>
    }
}

/// Copies `text` to the clipboard; false when the browser refuses.
async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined())
    else {
        return false;
    };
    let Some(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The unlocked key: who it is for, its fingerprint and did:key, export, lock, remove.
#[component]
fn KeyDetails(keys: Keys, text: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let Some(key) = personal::unlocked() else {
        return ().into_any();
    };
    let did = key.did_key();
    let fingerprint = key.fingerprint();
    let file_name = key.file_name();
    let (name, role, municipality) = (key.name.clone(), key.role.clone(), key.municipality.clone());
    let text = StoredValue::new(text);
    let copied = RwSignal::new(None::<bool>);
    let did_copy = did.clone();
    let copy = move |_| {
        let did = did_copy.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&did).await;
            let _ = copied.try_set(Some(ok));
        });
    };
    let export = move |_| {
        let ok = browser::download_text(&file_name, "application/json", &text.get_value()).is_ok();
        if !ok {
            keys.tell(
                tp(lang.get_untracked(), "keys.export.failed").to_string(),
                true,
            );
        }
    };
    let lock = move |_| {
        personal::set_unlocked(None);
        keys.tell(tp(lang.get_untracked(), "keys.locked").to_string(), false);
        keys.changed();
    };
    view! {
        <section class="key-details" aria-labelledby="key-details-title">
            <h2 id="key-details-title" tabindex="-1">{trp("keys.details.title")}</h2>
            <p class="status status-valid">
                <span class="status-icon" aria-hidden="true">"✓"</span>
                {trp("keys.details.unlocked")}
            </p>
            <dl class="plan-facts key-facts">
                <div>
                    <dt>{trp("keys.name")}</dt>
                    <dd id="key-name-value">{name}</dd>
                </div>
                <div>
                    <dt>{trp("keys.role")}</dt>
                    <dd>{move || trust_role_name(lang.get(), &role)}</dd>
                </div>
                <div>
                    <dt>{trp("keys.municipality")}</dt>
                    <dd>{municipality}</dd>
                </div>
                <div>
                    <dt>{trp("keys.fingerprint")}</dt>
                    <dd class="fingerprint" id="key-fingerprint">{fingerprint}</dd>
                </div>
                <div>
                    <dt>{trp("keys.did")}</dt>
                    <dd>
                        <code class="did-key" id="key-did">{did}</code>
                    </dd>
                </div>
            </dl>
            <p class="hint">{trp("keys.did.hint")}</p>
            <div class="keys-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    id="key-copy"
                    aria-describedby="key-copy-status"
                    on:click=copy
                >
                    {trp("keys.copy")}
                </button>
                <button type="button" class="button button-secondary" id="key-export" on:click=export>
                    {trp("keys.export")}
                </button>
                <button type="button" class="button button-secondary" id="key-lock" on:click=lock>
                    {trp("keys.lock")}
                </button>
            </div>
            <p class="keys-copy-status" id="key-copy-status" role="status">
                {move || {
                    copied
                        .get()
                        .map(|ok| {
                            tp(lang.get(), if ok { "keys.copied" } else { "keys.copy_failed" })
                        })
                }}
            </p>
            <p class="hint">{trp("keys.export.hint")}</p>
        </section>
        <ImportForm keys replaces=true />
        <RemoveKey keys />
    }
    .into_any()
}

/// Importing an encrypted key file: the file, then its passphrase. The stored key (if
/// any) is replaced only once the file opened; a wrong passphrase changes nothing.
#[component]
fn ImportForm(keys: Keys, replaces: bool) -> impl IntoView {
    let lang = use_app().lang;
    let pending = RwSignal::new(None::<String>);
    let file_error = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let working = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        pending.set(None);
        file_error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let l = lang.get_untracked();
            match browser::read_file_text(&file, FileKind::Key).await {
                Err(e) => {
                    let text = match e {
                        browser::ReadError::TooLarge(too_large) => {
                            crate::ui::form::problem_text(l, &too_large.problem())
                        }
                        browser::ReadError::Unreadable => tp(l, "keys.error.read").to_string(),
                    };
                    let _ = file_error.try_set(Some(text));
                    focus_id_later("key-file");
                }
                Ok(text) if !looks_like_key_file(&text) => {
                    let _ = file_error.try_set(Some(tp(l, "keys.error.not_key_file").to_string()));
                    focus_id_later("key-file");
                }
                Ok(text) => {
                    let _ = pending.try_set(Some(text));
                    focus_id_later("key-import-passphrase");
                }
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let Some(text) = pending.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("keys.error.empty"));
            focus_id("key-import-passphrase");
            return;
        }
        error.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            after_paint().await;
            let result = open_key(&text, &typed);
            let _ = working.try_set(false);
            let l = lang.get_untracked();
            match result {
                Ok(key) => match storage::save_personal_key(&text) {
                    Ok(()) => {
                        let words = tpf(l, "keys.imported", &[("fingerprint", &key.fingerprint())]);
                        personal::set_unlocked(Some(key));
                        keys.tell(words, false);
                        keys.changed();
                    }
                    Err(e) => keys.tell(crate::i18n::t(l, e.key()).to_string(), true),
                },
                Err(e) => {
                    let _ = error.try_set(Some(e.key()));
                    focus_id_later("key-import-passphrase");
                }
            }
        });
    };
    view! {
        <section class="keys-import" aria-labelledby="key-import-title">
            <h2 id="key-import-title">{trp("keys.import.title")}</h2>
            <p>{trp("keys.import.explain")}</p>
            {replaces.then(|| view! { <p class="notice">{trp("keys.import.replaces")}</p> })}
            <div class="form-group" class:form-group-error=move || file_error.with(Option::is_some)>
                <label class="label" for="key-file">{trp("keys.import.file")}</label>
                {move || {
                    file_error
                        .get()
                        .map(|text| {
                            view! {
                                <p class="error-message" id="key-file-error">
                                    {error_text(lang.get(), &text)}
                                </p>
                            }
                        })
                }}
                <input
                    type="file"
                    id="key-file"
                    class="file-input"
                    accept=".json,application/json"
                    aria-describedby=move || file_error.with(Option::is_some).then_some("key-file-error")
                    on:change=on_file
                />
            </div>
            {move || {
                pending
                    .with(Option::is_some)
                    .then(|| {
                        view! {
                            <form class="keys-form" novalidate on:submit=on_submit>
                                {field(
                                    lang.get(),
                                    "key-import-passphrase",
                                    "keys.import.passphrase",
                                    None,
                                    "password",
                                    "current-password",
                                    passphrase,
                                    error.into(),
                                )}
                                <button
                                    type="submit"
                                    class="button button-primary"
                                    id="key-import"
                                    aria-disabled=move || working.get().then_some("true")
                                >
                                    {move || {
                                        tp(
                                            lang.get(),
                                            if replaces { "keys.import.submit_replace" } else { "keys.import.submit" },
                                        )
                                    }}
                                </button>
                                <p class="keys-progress" role="status">
                                    {move || working.get().then(|| tp(lang.get(), "keys.working"))}
                                </p>
                            </form>
                        }
                    })
            }}
        </section>
    }
}

/// Removing the key from this device, after an in-page confirmation.
#[component]
fn RemoveKey(keys: Keys) -> impl IntoView {
    let lang = use_app().lang;
    let asking = RwSignal::new(false);
    let remove = move |_| {
        let l = lang.get_untracked();
        match storage::delete_personal_key() {
            Ok(()) => {
                personal::set_unlocked(None);
                asking.set(false);
                keys.tell(tp(l, "keys.removed").to_string(), false);
                keys.changed();
            }
            Err(e) => keys.tell(crate::i18n::t(l, e.key()).to_string(), true),
        }
    };
    view! {
        <section class="keys-remove" aria-labelledby="key-remove-title">
            <h2 id="key-remove-title">{trp("keys.remove.title")}</h2>
            {move || {
                if asking.get() {
                    view! {
                        <div class="confirm-panel" role="alertdialog" aria-labelledby="key-remove-question" id="key-remove-panel" tabindex="-1">
                            <p id="key-remove-question"><strong>{tp(lang.get(), "keys.remove.question")}</strong></p>
                            <div class="keys-actions">
                                <button type="button" class="button button-warning" id="key-remove-yes" on:click=remove>
                                    {tp(lang.get(), "keys.remove.yes")}
                                </button>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| {
                                        asking.set(false);
                                        focus_id_later("key-remove");
                                    }
                                >
                                    {tp(lang.get(), "keys.remove.no")}
                                </button>
                            </div>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button-secondary"
                            id="key-remove"
                            on:click=move |_| {
                                asking.set(true);
                                focus_id_later("key-remove-yes");
                            }
                        >
                            {tp(lang.get(), "keys.remove")}
                        </button>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
