//! The personal signing key unlocked on this page (issue 13): kept in memory only, for as
//! long as the page, never stored unsealed. The keys screen (chunk `keys`) puts it here
//! after its passphrase opened it; the sign step (chunk `sign`) signs with it. Also the
//! chunks' shared text lookup for the trust screens.

use crate::i18n::{t_in, Lang, TRUST_PART};
use crate::personal_key::PersonalKey;
use crate::signing::Participant;
use crate::ui::app::{use_app, Screen};
use crate::ui::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static UNLOCKED: RefCell<Option<Rc<PersonalKey>>> = const { RefCell::new(None) };
}

/// The unlocked personal key, if this page has one.
pub fn unlocked() -> Option<Rc<PersonalKey>> {
    UNLOCKED.with(|k| k.borrow().clone())
}

/// Keeps `key` unlocked for this page (or forgets it with `None`).
pub fn set_unlocked(key: Option<PersonalKey>) {
    UNLOCKED.with(|k| *k.borrow_mut() = key.map(Rc::new));
}

/// A message of the trust screens ([`TRUST_PART`], then the catalogue).
pub fn tp(lang: Lang, key: &str) -> &'static str {
    t_in(TRUST_PART, lang, key)
}

/// [`tp`] with its `{name}` placeholders filled.
pub fn tpf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    crate::trust_view::tf(lang, key, args)
}

/// The name of a role code: the catalogue's for the parent (legal representative) and the
/// head of the social service, the reference data's for the team's roles.
pub fn trust_role_name(lang: Lang, code: &str) -> String {
    let key = format!("keys.role.{code}");
    if TRUST_PART.iter().any(|(k, _, _)| *k == key) {
        tp(lang, &key).to_string()
    } else {
        super::verify::role_name(lang, code)
    }
}

/// The sign step's line about the personal key: whose key is unlocked, or a link to the
/// keys screen to create or unlock one (chunk `sign`).
pub fn sign_step_note() -> AnyView {
    let app = use_app();
    let lang = app.lang;
    let key = unlocked().map(|k| (k.name.clone(), k.role.clone(), k.fingerprint()));
    view! {
        <p class="notice personal-key-note" id="personal-key-note">
            {move || {
                let l = lang.get();
                match &key {
                    Some((name, role, fingerprint)) => tpf(
                        l,
                        "keys.sign.unlocked",
                        &[
                            ("name", name),
                            ("role", &trust_role_name(l, role)),
                            ("fingerprint", fingerprint),
                        ],
                    ),
                    None => tp(l, "keys.sign.locked").to_string(),
                }
            }}
            " "
            <a
                href="#/keys"
                on:click=move |ev| {
                    ev.prevent_default();
                    app.navigate(Screen::Keys);
                }
            >
                {move || tp(lang.get(), "keys.sign.link")}
            </a>
        </p>
    }
    .into_any()
}

/// A participant's "sign with my personal key" button, when a personal key is unlocked
/// (chunk `sign`).
pub fn sign_button(
    label: impl Fn() -> String + Copy + Send + Sync + 'static,
    sign: Callback<Participant>,
    participant: StoredValue<Participant>,
) -> AnyView {
    let lang = use_app().lang;
    if unlocked().is_none() {
        return ().into_any();
    }
    view! {
        <button
            type="button"
            class="button button-secondary sign-button sign-personal"
            on:click=move |_| sign.run(participant.get_value())
        >
            {move || tpf(lang.get(), "keys.sign.as", &[("who", &label())])}
        </button>
    }
    .into_any()
}
