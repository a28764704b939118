//! The screens' parts for stored entries that cannot simply be edited
//! ([`crate::entries`] sorts them): the download of an entry's text exactly as stored,
//! the notice of a case that may only be viewed and its disabled body, and the repair of
//! an entry whose inner id is not its key's. Shared by the case list, the case workspace
//! and the parents' pages; every action goes by the key's id, never by the inner id.

use super::browser;
use crate::entries::{self, ReadOnly};
use crate::i18n::{t, tf};
use crate::storage::{self, StorageError};
use crate::ui::prelude::*;

/// A button that downloads `raw`, the text stored under the key of `id`, byte for byte.
pub(crate) fn raw_download(id: &str, raw: String, readable: bool) -> AnyView {
    let name = StoredValue::new(entries::raw_file_name(id, readable));
    let raw = StoredValue::new(raw);
    let download = move |_| {
        let _ = browser::download_text(&name.get_value(), "text/plain", &raw.get_value());
    };
    view! {
        <button type="button" class="button button-secondary raw-download" on:click=download>
            {tr("cases.unreadable.download")}
        </button>
    }
    .into_any()
}

/// Repairs the entry stored under the key of `id` whose inner id is another: it is read
/// again (it may have changed since it was shown) and rewritten under the same key with
/// `id` as its inner id. No other key is touched. Nothing is written when the entry is
/// no longer such an entry, or may only be viewed.
pub(crate) fn repair(id: &str) -> Result<(), StorageError> {
    let text = storage::load_case_text(id)?;
    match text.and_then(|text| entries::repaired(id, &text)) {
        Some(fixed) => storage::save_case(&fixed),
        None => Ok(()),
    }
}

/// What the screen of an entry whose inner id is not `id` says and offers: the two ids,
/// the reason when it may only be viewed (then no repair), repair and download.
/// `repaired` runs after a successful repair.
pub(crate) fn mismatch_body(
    id: String,
    inner: String,
    reason: Option<ReadOnly>,
    raw: String,
    repaired: impl Fn() + Copy + Send + Sync + 'static,
) -> AnyView {
    let lang = super::app::use_app().lang;
    let error = RwSignal::new(None::<&'static str>);
    let can_repair = reason.is_none();
    let download = raw_download(&id, raw, true);
    let key = StoredValue::new(id);
    let on_repair = move |_| match repair(&key.get_value()) {
        Ok(()) => repaired(),
        Err(e) => error.set(Some(e.key())),
    };
    view! {
        <p>
            {move || {
                tf(
                    lang.get(),
                    "entries.mismatch.body",
                    &[("key", &key.get_value()), ("inner", &inner)],
                )
            }}
        </p>
        {reason.map(|r| view! { <p>{move || r.text(lang.get())}</p> })}
        {move || {
            error.get().map(|k| view! { <p class="error-message" role="alert">{t(lang.get(), k)}</p> })
        }}
        <div class="case-actions">
            {can_repair
                .then(|| {
                    view! {
                        <button type="button" class="button button-primary" on:click=on_repair>
                            {tr("entries.mismatch.repair")}
                        </button>
                    }
                })}
            {download}
        </div>
    }
    .into_any()
}

/// The notice over a case that may only be viewed: why, that nothing is saved, and the
/// download of the stored text.
pub(crate) fn read_only_notice(id: &str, reason: ReadOnly, raw: String) -> AnyView {
    let lang = super::app::use_app().lang;
    view! {
        <section class="alert alert-warning read-only-notice" aria-labelledby="read-only-title">
            <h2 id="read-only-title">{tr("entries.read_only.title")}</h2>
            <p>{move || reason.text(lang.get())}</p>
            <p>{tr("entries.read_only.body")}</p>
            {raw_download(id, raw, true)}
        </section>
    }
    .into_any()
}

/// The body of a step or page: for a case that may only be viewed, inside a disabled
/// fieldset, so that no field, choice or button in it can change the case (the step
/// navigation and links stay usable). `body` comes erased: a closure given here would
/// have its rendering code built twice, once per branch.
pub(crate) fn step_body(read_only: bool, body: AnyView) -> AnyView {
    if read_only {
        view! { <fieldset class="step-body read-only-body" disabled>{body}</fieldset> }.into_any()
    } else {
        view! { <div class="step-body">{body}</div> }.into_any()
    }
}
