//! The parents' own way in: a record on the parents' own device with only the goals
//! questionnaire (or, opened from the team's ranking file, only the parents' order), no
//! pseudonym and no team steps, and a last page that saves the answers (or the order) as
//! a file with a readable name and offers the system share sheet where the device has
//! one. The record's logic is in [`crate::way_in`]; the questionnaire and the ranking are
//! the team's own step components (loaded on demand from their chunks), shown here with
//! the [`ParentsOwn`] marker in context.

use super::app::{use_app, Screen};
use super::browser::{self, ShareOutcome};
use super::lazy::Lazy;
use super::parts;
use super::workspace::{reference, use_case, CaseCtx};
use crate::draft::StoredCase;
use crate::entries::{Opening, ReadOnly};
use crate::exchange;
use crate::i18n::{t, tf, Lang};
use crate::storage;
use crate::ui::prelude::*;
use crate::way_in::{self, ParentPage};

/// In context while a parents' own record is on show: the steps shown inside it leave
/// out what belongs to the team (the questionnaire leads on to saving the file).
#[derive(Clone, Copy, Debug)]
pub struct ParentsOwn;

/// Whether the stored record `id` is a parents' own record.
pub fn is_parents_own_record(id: &str) -> bool {
    matches!(storage::load_case(id), Ok(Some(Ok(stored))) if way_in::is_parents_own(&stored.case))
}

/// The device id of the parents' own record on show, handed by [`ParentWay`] (main
/// module) to [`ParentPages`] (chunk `parent`) through context, as a split point takes
/// no arguments.
#[derive(Clone, Debug)]
pub(crate) struct ParentRecordId(pub String);

/// A parents' own record, by its device id (its storage key). This wrapper is all the
/// main module holds of the parents' pages: they load on demand from the chunk `parent`
/// ([`parts::parent_pages`], with the loading line and *Try again* of [`Lazy`]).
#[component]
pub fn ParentWay(id: String) -> impl IntoView {
    provide_context(ParentRecordId(id));
    view! { <Lazy load=parts::parent_pages /> }
}

/// The parents' pages of the record in context (chunk `parent`, see [`ParentWay`]):
/// opened for editing, or only for viewing (with the reason and a download) when it has
/// the wrong shape.
#[component]
pub(crate) fn ParentPages() -> impl IntoView {
    let id = use_context::<ParentRecordId>()
        .map(|ParentRecordId(id)| id)
        .unwrap_or_default();
    let text = storage::load_case_text(&id)
        .ok()
        .flatten()
        .unwrap_or_default();
    let (stored, read_only) = match crate::entries::classify(&id, &text) {
        Opening::Editable(stored) => (stored, None),
        Opening::ReadOnly(stored, reason) => (stored, Some((reason, text))),
        _ => return view! { <parts::CasePart id /> }.into_any(),
    };
    if !way_in::is_parents_own(&stored.case) {
        // Gone, changed since the route was read, naming another id or unreadable: the
        // workspace explains what it finds (with the download where there is text), from
        // its own chunk, as the router would show it.
        return view! { <parts::CasePart id /> }.into_any();
    }
    view! { <ParentView stored read_only /> }.into_any()
}

/// The message key of a page's name.
fn page_title_key(page: ParentPage) -> &'static str {
    match page {
        ParentPage::Questionnaire => "parent.page.questionnaire",
        ParentPage::Ranking => "parent.page.ranking",
        ParentPage::Send => "parent.page.send",
    }
}

#[component]
fn ParentView(stored: StoredCase, read_only: Option<(ReadOnly, String)>) -> impl IntoView {
    let app = use_app();
    let mut ctx = CaseCtx::standalone(stored.id.clone(), stored.case.clone());
    ctx.read_only = read_only.is_some();
    let notice =
        read_only.map(|(reason, raw)| super::entries::notice(&ctx.id.get_value(), reason, raw));
    let CaseCtx {
        id,
        case,
        show_errors,
        ..
    } = ctx;
    provide_context(ctx);
    provide_context(ParentsOwn);

    // Save after every change, as the team's workspace does.
    ctx.save_on_change(stored);

    let page = Memo::new(move |_| {
        let requested = match app.screen.get() {
            Screen::Parent { page, .. } => page,
            _ => None,
        };
        case.with(|c| way_in::page_to_show(c, requested))
    });
    Effect::new(move |_| {
        page.track();
        show_errors.set(false);
    });

    view! {
        <div class="workspace parents-own">
            {save_line(ctx)}
            {notice}
            // A case that may only be viewed is never synced (nothing is written), so it
            // has no notices of other tabs.
            {(!ctx.read_only).then(|| view! { <super::tabs::TabNotices /> })}
            <ParentNav page />
            <p class="parents-own-note">{tr("parent.note")}</p>
            {super::entries::step_body(
                ctx.read_only,
                (move || match page.get() {
                    ParentPage::Questionnaire => {
                        view! { <Lazy load=parts::questionnaire_step /> }.into_any()
                    }
                    ParentPage::Ranking => {
                        view! {
                            <div class="parents-own-ranking">
                                <Lazy load=parts::ranking_step />
                            </div>
                            <div class="step-actions">
                                <button
                                    type="button"
                                    class="button button-primary"
                                    id="parent-continue"
                                    on:click=move |_| {
                                        app.navigate(Screen::Parent {
                                            id: id.get_value(),
                                            page: Some(ParentPage::Send),
                                        })
                                    }
                                >
                                    {tr("parent.continue.ranking")}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                    ParentPage::Send => view! { <SendPage /> }.into_any(),
                })
                    .into_any(),
            )}
        </div>
    }
}

/// The record's pages as links, the current one marked (`aria-current` and a visible
/// marker, not colour alone). Two or three short items: no folding on a phone.
#[component]
fn ParentNav(page: Memo<ParentPage>) -> impl IntoView {
    let app = use_app();
    let ctx = use_case();
    let pages = ctx.case.with_untracked(way_in::pages);
    let items = pages
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let current = move || page.get() == p;
            let target = move || Screen::Parent {
                id: ctx.id.get_value(),
                page: Some(p),
            };
            view! {
                <li class:current=current>
                    <a
                        href=target().hash()
                        id=format!("parent-nav-{}", p.slug())
                        aria-current=move || current().then_some("step")
                        on:click=move |ev| {
                            ev.prevent_default();
                            app.navigate(target());
                        }
                    >
                        <span class="step-number">{format!("{}. ", i + 1)}</span>
                        {tr(page_title_key(p))}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="parents-own-nav" aria-label=tr("parent.nav")>
            <ol>{items}</ol>
        </nav>
    }
}

/// The file the record saves: its name (date and kind, in `lang`) and its text.
fn record_file(lang: Lang, record: &serde_json::Value) -> (String, String) {
    let date = browser::today_iso();
    if way_in::has_ranking(record) {
        let text = reference()
            .map(|r| exchange::ranking_file(record, &r.catalogue))
            .unwrap_or_default();
        (exchange::parents_ranking_file_name(lang, &date), text)
    } else {
        (
            exchange::answers_file_name(lang, &date, None),
            exchange::answers_file(record),
        )
    }
}

/// The parents' save status: a failed save offers their answers (or ranking) as the file
/// they would send.
fn save_line(ctx: CaseCtx) -> AnyView {
    let lang = use_app().lang;
    let file = move || {
        ctx.case
            .with_untracked(|c| record_file(lang.get_untracked(), c))
    };
    super::workspace::save_status(ctx, file, "parent.save.download")
}

/// How saving the file went, for the confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sent {
    /// Downloaded as this file name.
    Downloaded(String),
    /// Handed to the share sheet's chosen app.
    Shared(String),
    /// The share sheet was closed: nothing happened.
    Cancelled,
    /// Sharing failed, so the file was downloaded instead.
    ShareFailed(String),
}

/// The last page: the file's name, "Send the file…" (the system share sheet, where the
/// device can share files) and "Save the file on this device" (a download), then a
/// confirmation that says how to send it to the social worker.
#[component]
fn SendPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let ranking = ctx.case.with_untracked(way_in::has_ranking);
    let can_share = browser::can_share_files();
    let sent = RwSignal::new(None::<Sent>);
    let count = Memo::new(move |_| {
        ctx.case.with(|c| {
            if ranking {
                exchange::services(c).len()
            } else {
                exchange::goals(c).len()
            }
        })
    });
    // Nothing worth a file yet: no goal, or a list the parents have not ordered (the
    // team's import refuses an order that is not complete).
    let blocked = Memo::new(move |_| {
        ctx.case.with(|c| {
            if ranking {
                !exchange::parent_ranks_complete(exchange::services(c))
            } else {
                exchange::goals(c).is_empty()
            }
        })
    });
    let incomplete = Memo::new(move |_| {
        !ranking
            && !ctx
                .problems_within(super::workspace::Step::Questionnaire.scope())
                .is_empty()
    });
    let first = if ranking {
        ParentPage::Ranking
    } else {
        ParentPage::Questionnaire
    };
    let back = move |_| {
        app.navigate(Screen::Parent {
            id: ctx.id.get_value(),
            page: Some(first),
        })
    };
    let show = move |outcome: Sent| {
        if sent.try_set(Some(outcome)).is_none() {
            browser::focus_id_later("send-outcome");
        }
    };
    let on_download = move |_| {
        let (name, text) = ctx
            .case
            .with_untracked(|c| record_file(lang.get_untracked(), c));
        if browser::download_text(&name, "application/json", &text).is_ok() {
            show(Sent::Downloaded(name));
        }
    };
    let on_share = move |_| {
        let l = lang.get_untracked();
        let (name, text) = ctx.case.with_untracked(|c| record_file(l, c));
        let title = t(
            l,
            if ranking {
                "parent.page.ranking"
            } else {
                "parent.page.questionnaire"
            },
        );
        // Called straight from the click: the share sheet needs the user's gesture.
        let sharing = browser::share_file(&name, "application/json", &text, title);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match sharing.await {
                ShareOutcome::Shared => Sent::Shared(name),
                ShareOutcome::Cancelled => Sent::Cancelled,
                ShareOutcome::Failed => {
                    if browser::download_text(&name, "application/json", &text).is_err() {
                        return;
                    }
                    Sent::ShareFailed(name)
                }
            };
            show(outcome);
        });
    };
    let file_name = move || {
        let l = lang.get();
        let name = ctx.case.with(|c| record_file(l, c).0);
        tf(l, "send.file_name", &[("name", &name)])
    };
    let outcome = move || {
        let l = lang.get();
        let kept = (!ranking).then(|| view! { <p>{t(l, "send.kept")}</p> });
        sent.get().map(|s| match s {
            Sent::Downloaded(name) => view! {
                <div class="alert alert-success">
                    <p>
                        <strong>{tf(l, "send.done.download", &[("name", &name)])}</strong>
                    </p>
                    <p>{t(l, "send.how")}</p>
                    {kept}
                </div>
            }
            .into_any(),
            Sent::Shared(name) => view! {
                <div class="alert alert-success">
                    <p>
                        <strong>{tf(l, "send.done.shared", &[("name", &name)])}</strong>
                    </p>
                    {kept}
                </div>
            }
            .into_any(),
            Sent::Cancelled => view! {
                <div class="alert alert-warning">
                    <p>{t(l, "send.cancelled")}</p>
                </div>
            }
            .into_any(),
            Sent::ShareFailed(name) => view! {
                <div class="alert alert-success">
                    <p>
                        <strong>{tf(l, "send.share_failed", &[("name", &name)])}</strong>
                    </p>
                    <p>{t(l, "send.how")}</p>
                    {kept}
                </div>
            }
            .into_any(),
        })
    };
    let actions = move || {
        let l = lang.get();
        if blocked.get() {
            let key = if ranking {
                "send.incomplete.ranking"
            } else {
                "send.no_goals"
            };
            return view! {
                <div class="alert alert-warning" id="send-blocked">
                    <p>{t(l, key)}</p>
                </div>
            }
            .into_any();
        }
        let share = can_share.then(|| {
            view! {
                <div class="parents-send-action">
                    <button
                        type="button"
                        class="button button-primary"
                        id="share-file"
                        aria-describedby="share-file-hint"
                        on:click=on_share
                    >
                        {t(l, "send.share")}
                    </button>
                    <p class="hint" id="share-file-hint">{t(l, "send.share.hint")}</p>
                </div>
            }
        });
        let download_class = if can_share {
            "button button-secondary"
        } else {
            "button button-primary"
        };
        view! {
            {(incomplete.get())
                .then(|| {
                    view! {
                        <div class="alert alert-warning" id="send-incomplete">
                            <p>{t(l, "send.incomplete.answers")}</p>
                        </div>
                    }
                })}
            <p class="parents-send-name">{file_name}</p>
            <div class="parents-send-actions">
                {share}
                <div class="parents-send-action">
                    <button
                        type="button"
                        class=download_class
                        id="download-file"
                        on:click=on_download
                    >
                        {t(l, "send.download")}
                    </button>
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="parents-send" aria-labelledby="step-title">
            <h1 id="step-title" tabindex="-1">
                {tr(if ranking { "send.title.ranking" } else { "send.title.answers" })}
            </h1>
            <p class="lead">
                {move || {
                    let key = if ranking { "send.lead.ranking" } else { "send.lead.answers" };
                    tf(lang.get(), key, &[("count", &count.get().to_string())])
                }}
            </p>
            {actions}
            <div id="send-outcome" class="parents-send-outcome" role="status" tabindex="-1">
                {outcome}
            </div>
            <div class="step-actions">
                <button type="button" class="button button-secondary" id="send-back" on:click=back>
                    {tr(if ranking { "parent.back.ranking" } else { "parent.back.questionnaire" })}
                </button>
            </div>
        </section>
    }
}
