//! The screens' parts for stored entries that cannot simply be edited
//! ([`crate::entries`] sorts them): the download of an entry's text exactly as stored,
//! the notice of a case that may only be viewed and its disabled body, and the repair of
//! an entry whose inner id is not its key's. Shared by the case list, the case workspace
//! and the parents' pages; every action goes by the key's id, never by the inner id.
//!
//! The notice and the repair screen are rare, so their views load on demand
//! ([`super::parts::entry_notice`], in the `intake` chunk that a case's first step
//! loads anyway); what they show is handed to them in context ([`EntryInfo`]).

use super::browser;
use super::lazy::Lazy;
use crate::draft::StoredCase;
use crate::entries::{self, ReadOnly};
use crate::i18n::{t, tf};
use crate::storage::{self, StorageError};
use crate::ui::prelude::*;

/// A button with a fixed label. The handler comes boxed so that every such button is one
/// view type (one copy of its rendering code).
pub(crate) fn button(
    class: &'static str,
    label: &'static str,
    on_click: Box<dyn FnMut(leptos::ev::MouseEvent)>,
) -> AnyView {
    view! {
        <button type="button" class=class on:click=on_click>
            {tr(label)}
        </button>
    }
    .into_any()
}

/// A button that downloads `raw`, the text stored under the key of `id`, byte for byte.
pub(crate) fn raw_download(id: &str, raw: String, readable: bool) -> AnyView {
    let name = entries::raw_file_name(id, readable);
    button(
        "button button-secondary raw-download",
        "cases.unreadable.download",
        Box::new(move |_| {
            let _ = browser::download_text(&name, "text/plain", &raw);
        }),
    )
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

/// What the on-demand view of an entry shows (in context).
#[derive(Clone)]
pub(crate) struct EntryInfo {
    /// The id of the entry's key.
    id: String,
    /// The text stored under it.
    raw: String,
    /// Why it may only be viewed, if so.
    reason: Option<ReadOnly>,
    /// The inner id, for an entry naming another case (the repair screen); `None` for
    /// the notice of a case that may only be viewed.
    inner: Option<String>,
}

fn on_demand(info: EntryInfo) -> AnyView {
    provide_context(StoredValue::new(info));
    view! { <Lazy load=super::parts::entry_notice /> }.into_any()
}

/// The notice over a case that may only be viewed: why, that nothing is saved, and the
/// download of the stored text.
pub(crate) fn notice(id: &str, reason: ReadOnly, raw: String) -> AnyView {
    on_demand(EntryInfo {
        id: id.to_string(),
        raw,
        reason: Some(reason),
        inner: None,
    })
}

/// What the screen of an entry under the key of `id` whose inner id names another case
/// says and offers: both ids, the reason when it may only be viewed (then no repair),
/// repair and download. Once repaired, the list is shown with focus on the entry's Open
/// button: it is an ordinary case now.
pub(crate) fn mismatch(id: &str, stored: StoredCase, raw: String) -> AnyView {
    on_demand(EntryInfo {
        id: id.to_string(),
        raw,
        reason: entries::read_only(&stored.case),
        inner: Some(stored.id),
    })
}

/// The view of [`EntryInfo`] in context (only [`super::parts::entry_notice`] names it).
pub(crate) fn entry_view() -> AnyView {
    let app = super::app::use_app();
    let lang = app.lang;
    let Some(info) = use_context::<StoredValue<EntryInfo>>() else {
        return ().into_any();
    };
    let EntryInfo {
        id,
        raw,
        reason,
        inner,
    } = info.get_value();
    let download = raw_download(&id, raw, true);
    let Some(inner) = inner else {
        return view! {
            <section class="alert alert-warning read-only-notice" aria-labelledby="read-only-title">
                <h2 id="read-only-title">{tr("entries.read_only.title")}</h2>
                <p>
                    {move || reason.as_ref().map(|r| r.text(lang.get())).unwrap_or_default()}
                </p>
                <p>{tr("entries.read_only.body")}</p>
                {download}
            </section>
        }
        .into_any();
    };
    let error = RwSignal::new(None::<&'static str>);
    let can_repair = reason.is_none();
    let key = id.clone();
    let on_repair = move |_| match repair(&key) {
        Ok(()) => {
            app.navigate(super::app::Screen::Start);
            browser::focus_id_later(&format!("open-{key}"));
        }
        Err(e) => error.set(Some(e.key())),
    };
    view! {
        <p>
            {move || {
                let lang = lang.get();
                let mut text = tf(
                    lang,
                    "entries.mismatch.body",
                    &[("key", &id), ("inner", &inner)],
                );
                if let Some(reason) = &reason {
                    text = format!("{text} {}", reason.text(lang));
                }
                text
            }}
        </p>
        {move || {
            error.get().map(|k| view! { <p class="error-message" role="alert">{t(lang.get(), k)}</p> })
        }}
        <div class="case-actions">
            {can_repair
                .then(|| {
                    button("button button-primary", "entries.mismatch.repair", Box::new(on_repair))
                })}
            {download}
        </div>
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
