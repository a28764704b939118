//! Two tabs on one case (issue 12, item 1). Every write of the open case is
//! compare-and-set on the stored record this tab's memory derives from
//! ([`storage::compare_and_set_case`]); when another tab stored a newer version first,
//! the two edits are merged ([`crate::merge`]): changes to different fields are both kept
//! and the other tab's appear here without a reload, and fields both tabs changed
//! differently are shown side by side for the user to choose ([`TabNotices`]), with
//! nothing written until then. A `storage` event for the case's entry syncs at once; a
//! deletion in another tab is final here: nothing is written any more and the save
//! status says why, with the download of this tab's copy. Tabs on the same case tell
//! each other over a `BroadcastChannel`, so each shows that the case is open elsewhere.

pub(crate) mod panel;

use super::browser;
use super::lazy::Lazy;
use super::workspace::{CaseCtx, SaveState};
use crate::draft::StoredCase;
use crate::i18n::t;
use crate::merge::{self, Merged};
use crate::storage::{self, CasOutcome, StorageError};
use crate::ui::prelude::*;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The name of the channel the tabs of this app announce their open case on.
const CHANNEL: &str = "ib-planner/tabs";

/// How many read-merge-write rounds one sync tries before it gives up for now (another
/// tab writing faster than this one can read); the next edit or event tries again.
const ROUNDS: usize = 8;

/// A change both tabs made differently, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    /// The record the other tab stored.
    theirs: StoredCase,
    /// The version both edits started from.
    ancestor: Value,
    /// The merge, with this tab's values where they conflict.
    merged: Merged,
}

/// The open case's link to its stored entry and to other tabs, in context below the
/// case's screens.
#[derive(Clone, Copy)]
pub struct TabSync {
    ctx: CaseCtx,
    /// The stored record this tab's memory derives from (last read or written here).
    base: StoredValue<StoredCase>,
    /// The case `base` was based on before this tab's last write: the common ancestor
    /// when another tab wrote the same revision at the same time.
    before: StoredValue<Value>,
    pending: RwSignal<Option<Pending>>,
    /// Deleted in another tab: nothing is written any more.
    gone: RwSignal<bool>,
    /// The other tabs that have this case open, by their tab id.
    others: RwSignal<Vec<String>>,
}

impl TabSync {
    fn fail(self, error: StorageError) {
        self.ctx.save_state.set(SaveState::Failed(error));
    }

    /// Brings memory and the stored entry together: writes this tab's changes
    /// compare-and-set, merging first when another tab stored a newer version; on a
    /// conflict it writes nothing and shows the choice; on a deletion it stops for good.
    pub fn sync(self) {
        if self.gone.get_untracked() {
            return self.fail(StorageError::DeletedElsewhere);
        }
        let id = self.ctx.id.get_value();
        for _ in 0..ROUNDS {
            let mine = self.ctx.case.get_untracked();
            let base = self.base.get_value();
            let theirs = match storage::load_case(&id) {
                Err(error) => return self.fail(error),
                Ok(None) => {
                    self.gone.set(true);
                    self.pending.set(None);
                    return self.fail(StorageError::DeletedElsewhere);
                }
                Ok(Some(Err(_))) => return self.fail(StorageError::UnreadableElsewhere),
                Ok(Some(Ok(theirs))) => theirs,
            };
            if theirs == base {
                if mine == base.case {
                    // Memory is what is stored: "Saved" is true (after a failure too).
                    if matches!(self.ctx.save_state.get_untracked(), SaveState::Failed(_)) {
                        self.ctx.save_state.set(SaveState::Saved(base.updated));
                    }
                    return;
                }
                let now = browser::now_iso();
                match storage::compare_and_set_case(&base, &mine, &now) {
                    Ok(CasOutcome::Written(record)) => {
                        self.before.set_value(base.case);
                        self.base.set_value(record);
                        self.ctx.save_state.set(SaveState::Saved(now));
                        return;
                    }
                    // Changed between the read above and the write: read again.
                    Ok(_) => continue,
                    Err(error) => return self.fail(error),
                }
            }
            // Another tab stored a newer version. Normally it derives from our base; at
            // the same or an older revision it was written beside our last write, from
            // what that write was based on.
            let ancestor = if theirs.rev > base.rev {
                base.case
            } else {
                self.before.get_value()
            };
            let merged = merge::merge3(&ancestor, &mine, &theirs.case);
            if !merged.conflicts.is_empty() {
                // The other tab's changes to other fields show at once; the conflicting
                // fields keep this tab's values until the user chooses.
                if merged.value != mine {
                    self.ctx.case.set(merged.value.clone());
                }
                let pending = Some(Pending {
                    theirs,
                    ancestor,
                    merged,
                });
                // Rebuilt only when it changed, so focus stays in the panel.
                if self.pending.with_untracked(|p| *p != pending) {
                    self.pending.set(pending);
                }
                self.fail(StorageError::ChangedElsewhere);
                return;
            }
            self.pending.set(None);
            self.before.set_value(ancestor);
            let adopted = merged.value == theirs.case;
            let updated = theirs.updated.clone();
            self.base.set_value(theirs);
            if merged.value != mine {
                // The other tab's changes appear here; the save effect runs again and
                // finds nothing more to write, or writes what is still this tab's own.
                self.ctx.case.set(merged.value);
            }
            if adopted {
                self.ctx.save_state.set(SaveState::Saved(updated));
                return;
            }
            // This tab's own changes remain: the next round writes them.
        }
        self.fail(StorageError::ChangedElsewhere);
    }

    /// Settles the conflict `pending` with `value`, the merge with the user's choices,
    /// and saves it (compare-and-set on the other tab's record, so a change stored
    /// meanwhile is merged again).
    fn settle(self, pending: Pending, value: Value) {
        self.before.set_value(pending.ancestor);
        self.base.set_value(pending.theirs);
        self.pending.set(None);
        if self.ctx.case.with_untracked(|c| *c != value) {
            self.ctx.case.set(value);
        }
        self.sync();
        super::app::focus_main_heading();
    }
}

/// Keeps the case `ctx` in step with its stored entry `stored` (what it was loaded from)
/// and with other tabs: saves after every change (compare-and-set), follows `storage`
/// events for the entry, and announces the case to other tabs. Puts [`TabSync`] in
/// context for [`TabNotices`]. Called by `CaseCtx::save_on_change`.
pub(crate) fn keep_in_step(ctx: CaseCtx, stored: StoredCase) -> TabSync {
    let sync = TabSync {
        ctx,
        before: StoredValue::new(stored.case.clone()),
        base: StoredValue::new(stored),
        pending: RwSignal::new(None),
        gone: RwSignal::new(false),
        others: RwSignal::new(Vec::new()),
    };
    provide_context(sync);

    // Save after every change; the first run only registers the dependency.
    Effect::new(move |first: Option<()>| {
        ctx.case.track();
        if first.is_some() {
            sync.sync();
        }
    });

    // Another tab wrote or deleted the entry.
    let id = ctx.id.get_value();
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if storage::is_key_of_case(ev.key().as_deref(), &id) {
            sync.sync();
        }
    });
    on_cleanup(move || listener.remove());

    announce(ctx.id.get_value(), sync.others);
    sync
}

/// Refreshes a list of cases (`refresh` is bumped) when another tab adds, changes or
/// deletes a case.
pub(crate) fn refresh_on_change_elsewhere(refresh: RwSignal<u32>) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if storage::is_case_key(ev.key().as_deref()) {
            refresh.update(|n| *n += 1);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The presence messages: `open`, `here` (the answer to `open`) and `close`, each with
/// the sending tab's id and the case id, separated by tabs.
fn message(kind: &str, tab: &str, case: &str) -> JsValue {
    JsValue::from_str(&format!("{kind}\t{tab}\t{case}"))
}

/// Tells other tabs this case is open here (and, on leaving it or closing the tab, that
/// it is not), and keeps `others`, the tabs that have it open too.
fn announce(case_id: String, others: RwSignal<Vec<String>>) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        // No BroadcastChannel: the indicator stays hidden; syncing still works.
        return;
    };
    let tab = browser::new_id();
    let (me, case) = (tab.clone(), case_id.clone());
    let reply = channel.clone();
    let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(text) = ev
            .unchecked_ref::<web_sys::MessageEvent>()
            .data()
            .as_string()
        else {
            return;
        };
        let mut parts = text.splitn(3, '\t');
        let (Some(kind), Some(from), Some(about)) = (parts.next(), parts.next(), parts.next())
        else {
            return;
        };
        if about != case || from == me {
            return;
        }
        match kind {
            "open" | "here" => {
                if kind == "open" {
                    let _ = reply.post_message(&message("here", &me, &case));
                }
                others.update(|list| {
                    if !list.iter().any(|t| t == from) {
                        list.push(from.to_string());
                    }
                });
            }
            "close" => others.update(|list| list.retain(|t| t != from)),
            _ => {}
        }
    });
    let _ =
        channel.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let _ = channel.post_message(&message("open", &tab, &case_id));

    // Closing the tab or leaving it for another page says goodbye; coming back from the
    // back-forward cache says hello again.
    let (hide_channel, hide_tab, hide_case) = (channel.clone(), tab.clone(), case_id.clone());
    let on_hide = window_event_listener_untyped("pagehide", move |_| {
        let _ = hide_channel.post_message(&message("close", &hide_tab, &hide_case));
    });
    let (show_channel, show_tab, show_case) = (channel.clone(), tab.clone(), case_id.clone());
    let on_show = window_event_listener_untyped("pageshow", move |_| {
        let _ = show_channel.post_message(&message("open", &show_tab, &show_case));
    });

    // Leaving the case: goodbye, and the channel closes (its handler is dropped with it).
    let held = StoredValue::new_local((channel, on_message));
    on_cleanup(move || {
        on_hide.remove();
        on_show.remove();
        held.with_value(|(channel, _)| {
            let _ = channel.post_message(&message("close", &tab, &case_id));
            channel.close();
        });
    });
}

/// Below the save status of an open case: that it is open in another tab, and the
/// choice between two tabs' values of the same fields.
#[component]
pub fn TabNotices() -> impl IntoView {
    let lang = super::app::use_app().lang;
    let Some(sync) = use_context::<TabSync>() else {
        return ().into_any();
    };
    let presence = move || {
        (!sync.others.with(Vec::is_empty) && !sync.gone.get())
            .then(|| view! { <p class="tab-presence">{t(lang.get(), "tabs.presence")}</p> })
    };
    // The choice is loaded on demand (chunk `intake`, with the field names it uses);
    // built once per conflict, so focus stays in it while it updates.
    let conflicted = Memo::new(move |_| sync.pending.with(Option::is_some));
    let panel = move || {
        conflicted
            .get()
            .then(|| view! { <Lazy load=super::parts::conflict_panel /> })
    };
    view! {
        <div class="tab-notices">
            <div role="status">{presence}</div>
            {panel}
        </div>
    }
    .into_any()
}
