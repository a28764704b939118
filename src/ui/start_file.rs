//! The start screen's file reading: a ranking file from the team, chosen with the picker
//! or dropped on the start screen, is read, checked and opened at the parents' ranking
//! (a parents' own record), or the reason it cannot be is shown.
//!
//! The picker and the drop zone are the start screen's (`super::start`, main module);
//! what they hand over is read by [`StartFileOpen`], which loads on demand from the chunk
//! `start_file` ([`super::parts::start_file_open`]) the first time a file comes, with the
//! loading line and *Try again* of [`super::lazy::Lazy`]: a file that came while the
//! chunk could not be loaded is read once *Try again* has loaded it.

use super::app::{use_app, Screen};
use super::browser;
use super::start::create_and_open;
use crate::exchange::{self, ExchangeError};
use crate::i18n::{t, tf, Lang};
use crate::ui::prelude::*;
use crate::way_in;

/// What the start screen hands to [`StartFileOpen`] (in context): the file chosen or
/// dropped and not read yet, and the screen's error line for a record that could not be
/// stored. Main-module code: small on purpose.
#[derive(Clone, Copy)]
pub(crate) struct StartFile {
    /// The file waiting to be read.
    pending: RwSignal<Option<web_sys::File>, LocalStorage>,
    /// Whether a file came since the start screen was built (from then on the reader's
    /// chunk is shown).
    used: RwSignal<bool>,
    /// The start screen's error line.
    error: RwSignal<Option<&'static str>>,
}

impl StartFile {
    /// Under the start screen's owner; `error` is its error line.
    pub(crate) fn new(error: RwSignal<Option<&'static str>>) -> StartFile {
        StartFile {
            pending: RwSignal::new_local(None),
            used: RwSignal::new(false),
            error,
        }
    }

    /// Hands `file` to the reader (loading its chunk the first time).
    pub(crate) fn open(self, file: web_sys::File) {
        self.pending.set(Some(file));
        if !self.used.get_untracked() {
            self.used.set(true);
        }
    }

    /// Whether the reader is to be shown.
    pub(crate) fn used(self) -> bool {
        self.used.get()
    }
}

/// An import error in words.
fn exchange_error_text(lang: Lang, error: &ExchangeError) -> String {
    let params = error.params();
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, error.key(), &params)
}

/// Reads each file the start screen hands over (chunk `start_file`): the team's ranking
/// file opens as a parents' own record at the ranking; anything else is refused with the
/// reason, focused, and nothing is created.
#[component]
pub(crate) fn StartFileOpen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let Some(start) = use_context::<StartFile>() else {
        return ().into_any();
    };
    let error = start.error;
    let file_error = RwSignal::new(None::<ExchangeError>);
    let on_file_text = move |text: Result<String, ExchangeError>| {
        let record = text
            .and_then(|text| exchange::read_ranking(&text))
            .and_then(|entries| way_in::ranking_record(&entries));
        match record {
            Ok(record) => {
                file_error.set(None);
                create_and_open(
                    app,
                    record,
                    |id| Screen::Parent {
                        id,
                        page: Some(way_in::ParentPage::Ranking),
                    },
                    error,
                );
            }
            Err(e) => {
                file_error.set(Some(e));
                browser::focus_id_later("open-ranking-error");
            }
        }
    };
    let read_file = move |file: web_sys::File| {
        wasm_bindgen_futures::spawn_local(async move {
            let text = browser::read_file_text(&file, crate::files::FileKind::Exchange)
                .await
                .map_err(browser::ReadError::exchange_error);
            on_file_text(text);
        });
    };
    // Each file once: taken out of `pending` without notifying (this effect reads it).
    Effect::new(move |_| {
        start.pending.track();
        if let Some(file) = start.pending.try_update_untracked(Option::take).flatten() {
            read_file(file);
        }
    });
    (move || {
        file_error.get().map(|e| {
            let lang = lang.get();
            view! {
                <div class="alert alert-error" id="open-ranking-error" role="alert" tabindex="-1">
                    <p>
                        <strong>{t(lang, "start.open_ranking.error")}</strong>
                    </p>
                    <p>{exchange_error_text(lang, &e)}</p>
                </div>
            }
        })
    })
    .into_any()
}
