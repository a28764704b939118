//! A failed save is never lost silently: while the open case's last save failed, leaving
//! it (the header, *Back to cases*, another case, the browser's Back) asks first, closing
//! the tab asks through `beforeunload`, and saving is retried on its own — every
//! [`RETRY_MS`] and whenever another tab changes storage (the `storage` event) — so the
//! edit is stored as soon as space frees up, without a new keystroke.
//!
//! One case is open at a time: [`CaseCtx::save_on_change`] registers it here (and its
//! owner's cleanup unregisters it); [`AppState::navigate`] and the `hashchange` handler
//! ask [`blocks_leaving`] first. The question itself is [`leave_panel`], shown under the
//! save status.

use super::app::{AppState, Screen};
use super::browser;
use super::tabs::TabSync;
use super::workspace::{CaseCtx, SaveState};
use crate::i18n::t;
use crate::storage::StorageError;
use crate::ui::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// How often a failed save is tried again, in milliseconds.
pub const RETRY_MS: i32 = 1500;

struct Guard {
    token: u64,
    ctx: CaseCtx,
    /// The case's link to its stored entry: a retry writes compare-and-set through it, so
    /// it never recreates a case deleted in another tab nor replaces a newer version.
    sync: TabSync,
    /// Where the user asked to go while the edit was unsaved, awaiting the answer
    /// (owned by the case's view, like `ctx`).
    pending: RwSignal<Option<Screen>>,
}

thread_local! {
    static GUARD: RefCell<Option<Guard>> = const { RefCell::new(None) };
    static NEXT_TOKEN: Cell<u64> = const { Cell::new(1) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The open case's pending destination, if a case is open.
fn pending() -> Option<RwSignal<Option<Screen>>> {
    GUARD.with(|g| g.borrow().as_ref().map(|guard| guard.pending))
}

/// Registers `ctx` as the open case (under its view's owner); returns the token for
/// [`unregister`].
pub(crate) fn register(ctx: CaseCtx, sync: TabSync) -> u64 {
    let pending = RwSignal::new(None);
    let token = NEXT_TOKEN.with(|n| {
        let token = n.get();
        n.set(token + 1);
        token
    });
    GUARD.with(|g| {
        *g.borrow_mut() = Some(Guard {
            token,
            ctx,
            sync,
            pending,
        })
    });
    listen_once();
    token
}

/// Forgets the open case registered with `token` (a newer registration stays).
pub(crate) fn unregister(token: u64) {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if g.as_ref().is_some_and(|guard| guard.token == token) {
            *g = None;
        }
    });
}

/// The open case, when its last save failed.
fn unsaved() -> Option<(CaseCtx, TabSync)> {
    GUARD.with(|g| {
        g.borrow().as_ref().and_then(|guard| {
            // A case deleted in another tab is not an unsaved edit to ask about: its
            // notice already says so and offers this tab's copy, and nothing can be
            // saved any more (the deletion is final).
            let failed = matches!(
                guard.ctx.save_state.try_get_untracked(),
                Some(SaveState::Failed(error)) if error != StorageError::DeletedElsewhere
            );
            failed.then_some((guard.ctx, guard.sync))
        })
    })
}

/// Whether going to `target` must wait for the user's answer: the open case has an
/// unsaved edit and `target` is not that case. If so the question is shown (and
/// focused) and `true` returned.
pub(crate) fn blocks_leaving(target: &Screen) -> bool {
    let Some((ctx, _)) = unsaved() else {
        return false;
    };
    let id = ctx.id.try_get_value().unwrap_or_default();
    let same_case = matches!(target,
        Screen::Case { id: other, .. } | Screen::Parent { id: other, .. } if *other == id);
    if same_case {
        return false;
    }
    if let Some(pending) = pending() {
        let _ = pending.try_set(Some(target.clone()));
    }
    browser::focus_id_later("leave-confirm");
    true
}

/// Tries the failed save again, if there is one: the case as it is in memory now.
pub(crate) fn retry() {
    if let Some((ctx, sync)) = unsaved() {
        sync.sync();
        if !matches!(ctx.save_state.get_untracked(), SaveState::Failed(_)) {
            // The question is moot now: close it, and keep focus on the page.
            if let Some(pending) = pending().filter(|p| p.get_untracked().is_some()) {
                let _ = pending.try_set(None);
                super::app::focus_main_heading();
            }
        }
    }
}

/// The window listeners, added once: the retry timer, the `storage` event (another tab
/// freed or used space) and `beforeunload` (the browser asks before closing the tab).
fn listen_once() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let tick = Closure::<dyn Fn()>::new(retry);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        RETRY_MS,
    );
    let _ = window.add_event_listener_with_callback("storage", tick.as_ref().unchecked_ref());
    tick.forget();
    let before_unload = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // One last try: space may have been freed in the meantime.
        retry();
        if unsaved().is_some() {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    let _ = window
        .add_event_listener_with_callback("beforeunload", before_unload.as_ref().unchecked_ref());
    before_unload.forget();
}

/// The question asked when the user tries to leave a case whose edit is not saved: stay
/// (the default, first) or leave and lose the edit. `app` goes on where they asked.
pub(crate) fn leave_panel(app: AppState) -> AnyView {
    let lang = app.lang;
    let Some(pending) = pending() else {
        return ().into_any();
    };
    let stay = move |_| {
        pending.set(None);
        browser::focus_id_later("download-case-after-failure");
    };
    let leave = move |_| {
        if let Some(target) = pending.get_untracked() {
            pending.set(None);
            GUARD.with(|g| *g.borrow_mut() = None);
            app.navigate(target);
        }
    };
    (move || {
        pending.get().map(|_| {
            let lang = lang.get();
            view! {
                <div
                    class="confirm leave-confirm"
                    id="leave-confirm"
                    role="group"
                    tabindex="-1"
                    aria-labelledby="leave-confirm-title"
                >
                    <h2 id="leave-confirm-title">{t(lang, "saves.leave.title")}</h2>
                    <p>{t(lang, "saves.leave.body")}</p>
                    <button type="button" class="button button-primary" on:click=stay>
                        {t(lang, "saves.leave.stay")}
                    </button>
                    <button type="button" class="button button-warning" on:click=leave>
                        {t(lang, "saves.leave.go")}
                    </button>
                </div>
            }
        })
    })
    .into_any()
}

/// The start screen's list refresh counter, handed to its case-files part (chunk
/// `saves`) so an import or restore shows in the list at once.
#[derive(Clone, Copy)]
pub(crate) struct StartRefresh(pub RwSignal<u32>);
