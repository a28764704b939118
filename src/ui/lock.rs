//! The device lock on the start screen (issue 12): the gate that shows the unlock form
//! instead of the start screen while the lock is on and this page has no key, and the
//! "Device lock" section with the lock's state, whether storage is persistent, and the
//! button that opens the settings. The unlock form and the settings (with Argon2id) are
//! the split chunk `lock` (`super::lock_settings`), so the first load of an unlocked
//! device carries only this file.

use super::lazy::{split_view, Lazy};
use crate::i18n::t;
use crate::storage::{self, LockState};
use crate::ui::prelude::*;

/// Shared with the lock chunk: signals its screens bump when the lock changes.
#[derive(Clone, Copy)]
pub struct LockCtx {
    /// Bumped when this page was unlocked: the gate shows the start screen.
    pub unlocked: RwSignal<u32>,
    /// Bumped when the lock was turned on or off: the section's state line follows.
    pub changed: RwSignal<u32>,
    /// Whether storage is persistent: `None` while the browser is asked.
    pub persistent: RwSignal<Option<Option<bool>>>,
}

/// The lock's context; every component below [`LockGate`] has it.
pub fn use_lock() -> LockCtx {
    use_context::<LockCtx>().unwrap_or_else(|| LockCtx {
        unlocked: RwSignal::new(0),
        changed: RwSignal::new(0),
        persistent: RwSignal::new(None),
    })
}

split_view! {
    /// The unlock form (chunk `lock`).
    pub(crate) fn unlock_part in lock {
        view! { <super::lock_settings::UnlockForm /> }.into_any()
    }
}

split_view! {
    /// The lock's settings: turning it on or off (chunk `lock`).
    pub(crate) fn lock_settings_part in lock {
        view! { <super::lock_settings::LockSettings /> }.into_any()
    }
}

/// Shows `children` (the start screen) unless the lock is on and this page has no key,
/// and the unlock form then: nothing stored is read before the passphrase.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let ctx = LockCtx {
        unlocked: RwSignal::new(0),
        changed: RwSignal::new(0),
        persistent: RwSignal::new(None),
    };
    provide_context(ctx);
    move || {
        ctx.unlocked.track();
        if storage::lock_state() == LockState::Locked {
            view! { <Lazy load=unlock_part /> }.into_any()
        } else {
            children().into_any()
        }
    }
}

/// The start screen's "Device lock" section.
#[component]
pub fn LockSection() -> impl IntoView {
    let lang = super::app::use_app().lang;
    let ctx = use_lock();
    let open = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let answer = storage::persisted().await;
        let _ = ctx.persistent.try_set(Some(answer));
    });
    let state_text = move || {
        ctx.changed.track();
        match storage::lock_state() {
            LockState::Off => t(lang.get(), "lock.status.off"),
            LockState::Locked | LockState::Unlocked => t(lang.get(), "lock.status.on"),
        }
    };
    let persist_text = move || {
        let key = match ctx.persistent.get() {
            None => "persist.checking",
            Some(Some(true)) => "persist.granted",
            Some(Some(false)) => "persist.denied",
            Some(None) => "persist.unknown",
        };
        t(lang.get(), key)
    };
    view! {
        <section class="lock-section" aria-labelledby="lock-title">
            <h2 id="lock-title">{tr("lock.title")}</h2>
            <p id="lock-status">{state_text}</p>
            <p id="persist-status">{persist_text}</p>
            <button
                type="button"
                class="button button-secondary"
                id="lock-settings"
                aria-expanded=move || open.get().to_string()
                aria-controls="lock-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr("lock.settings.open")}
            </button>
            <div id="lock-panel" class="lock-panel">
                {move || open.get().then(|| view! { <Lazy load=lock_settings_part /> })}
            </div>
        </section>
    }
}

/// Asks the browser, once per page, to keep storage persistent, and shows its answer in
/// the section (called when a case is first saved from the start screen and when the
/// lock is set).
pub fn ask_persistence() {
    let ctx = use_context::<LockCtx>();
    leptos::task::spawn_local(async move {
        let answer = storage::request_persistence().await;
        if let Some(ctx) = ctx {
            let _ = ctx.persistent.try_set(Some(answer));
        }
    });
}
