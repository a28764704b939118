//! The verify screen's trust list (issue 13, items 2 and 3; chunk `verify`): loading a
//! municipality's `ib-trust/1` file (picker or drop), validated and its own signature
//! checked by the engine ([`crate::trust_view::read_list_text`]), kept on the device and
//! shown (the social service, its signers, its official price lists, the signing rule),
//! replaceable and removable; and each verified plan's report under it
//! ([`crate::engine::trust::verify_with_trust`]): per proof by whom or why not, the price
//! list, the signing rule and the overall verdict, or, without a list, that integrity
//! alone was checked. The words are [`crate::trust_view`]'s.

use super::app::use_app;
use super::browser::{self, focus_id_later};
use super::personal::{tp, tpf, trust_role_name};
use crate::engine::integrity::VerificationReport;
use crate::engine::problem::Problem;
use crate::engine::trust::{trust_report, ListSignature, TrustList};
use crate::files::FileKind;
use crate::i18n::Lang;
use crate::signing::Verified;
use crate::storage;
use crate::trust_view::{
    integrity_only, price_list_line, problem_words, proof_words, read_list_text, rule_line,
    verdict_line, Line,
};
use crate::ui::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The trust list on this device as the verify screen holds it.
#[derive(Clone, Copy)]
pub(crate) struct TrustState {
    /// The accepted list, with who signed it.
    list: RwSignal<Option<(TrustList, ListSignature)>>,
    /// Why the last file (or the stored list) was not accepted.
    problems: RwSignal<Vec<Problem>>,
    /// The last action's words (loaded, removed), for the status line.
    done: RwSignal<Option<&'static str>>,
}

impl TrustState {
    /// The stored list, read and checked again (a stored list that no longer validates is
    /// explained, and can be removed or replaced).
    pub(crate) fn load() -> TrustState {
        let state = TrustState {
            list: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            done: RwSignal::new(None),
        };
        match storage::load_trust_list() {
            Ok(Some(text)) => match read_list_text(&text) {
                Ok(found) => state.list.set(Some(found)),
                Err(problems) => state.problems.set(problems),
            },
            Ok(None) => {}
            Err(error) => state.problems.set(vec![Problem::new("", error.key())]),
        }
        state
    }
}

fn role(lang: Lang) -> impl Fn(&str) -> String {
    move |code: &str| trust_role_name(lang, code)
}

/// Reads a chosen or dropped trust list file, checks it and keeps it.
fn open_list(state: TrustState, file: web_sys::File) {
    state.done.set(None);
    wasm_bindgen_futures::spawn_local(async move {
        let text = match browser::read_file_text(&file, FileKind::TrustList).await {
            Ok(text) => text,
            Err(error) => {
                let _ = state
                    .problems
                    .try_set(vec![error.problem("trust_ui.error.read")]);
                focus_id_later("trust-problems");
                return;
            }
        };
        match read_list_text(&text) {
            Ok(found) => match storage::save_trust_list(&text) {
                Ok(()) => {
                    let _ = state.problems.try_set(Vec::new());
                    let _ = state.list.try_set(Some(found));
                    let _ = state.done.try_set(Some("trust_ui.loaded"));
                    focus_id_later("trust-title");
                }
                Err(error) => {
                    let _ = state.problems.try_set(vec![Problem::new("", error.key())]);
                    focus_id_later("trust-problems");
                }
            },
            Err(problems) => {
                let _ = state.problems.try_set(problems);
                focus_id_later("trust-problems");
            }
        }
    });
}

fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    js_sys::Reflect::get(ev, &"dataTransfer".into())
        .ok()
        .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()).ok())
        .and_then(|f| f.dyn_into::<web_sys::FileList>().ok())
        .and_then(|files| files.get(0))
}

/// The trust list part of the verify screen: the list on this device (or none), the file
/// picker to load or replace it, and its removal.
pub(crate) fn trust_panel(state: TrustState) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let dragging = RwSignal::new(false);
        let asking = RwSignal::new(false);
        let remove = move |_| {
            if storage::delete_trust_list().is_ok() {
                state.list.set(None);
                state.problems.set(Vec::new());
                state.done.set(Some("trust_ui.removed"));
                asking.set(false);
                focus_id_later("trust-title");
            }
        };
        let problems = move || {
            let l = lang.get();
            let list = state.problems.get();
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .take(20)
                    .map(|p| view! { <li>{problem_words(l, p)}</li> })
                    .collect_view();
                view! {
                    <div class="alert alert-error" role="alert" id="trust-problems" tabindex="-1">
                        <h3>{tp(l, "trust_ui.error.title")}</h3>
                        <ul>{items}</ul>
                    </div>
                }
            })
        };
        let summary = move || {
            let l = lang.get();
            state.list.with(|found| match found {
                None => view! { <p id="trust-none">{tp(l, "trust_ui.none")}</p> }.into_any(),
                Some((list, signature)) => list_view(l, list, signature),
            })
        };
        let remove_part = move || {
            let l = lang.get();
            if state.list.with(Option::is_none) {
                return ().into_any();
            }
            if asking.get() {
                view! {
                    <div class="confirm-panel" role="alertdialog" aria-labelledby="trust-remove-question">
                        <p id="trust-remove-question">
                            <strong>{tp(l, "trust_ui.remove.question")}</strong>
                        </p>
                        <div class="keys-actions">
                            <button type="button" class="button button-warning" id="trust-remove-yes" on:click=remove>
                                {tp(l, "trust_ui.remove.yes")}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| {
                                    asking.set(false);
                                    focus_id_later("trust-remove");
                                }
                            >
                                {tp(l, "keys.remove.no")}
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
                        id="trust-remove"
                        on:click=move |_| {
                            asking.set(true);
                            focus_id_later("trust-remove-yes");
                        }
                    >
                        {tp(l, "trust_ui.remove")}
                    </button>
                }
                .into_any()
            }
        };
        view! {
            <section class="trust-panel" aria-labelledby="trust-title">
                <h2 id="trust-title" tabindex="-1">{move || tp(lang.get(), "trust_ui.title")}</h2>
                <p class="trust-done" role="status">
                    {move || state.done.get().map(|key| tp(lang.get(), key))}
                </p>
                {problems}
                {summary}
                <div
                    class="drop-zone trust-drop"
                    class:dragging=move || dragging.get()
                    on:dragover=move |ev| {
                        ev.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=move |ev| {
                        ev.prevent_default();
                        dragging.set(false);
                        if let Some(file) = dropped(&ev) {
                            open_list(state, file);
                        }
                    }
                >
                    <div class="form-group">
                        <label class="label" for="trust-file">
                            {move || {
                                let key = if state.list.with(Option::is_some) {
                                    "trust_ui.file.replace"
                                } else {
                                    "trust_ui.file.label"
                                };
                                tp(lang.get(), key)
                            }}
                        </label>
                        <p class="hint" id="trust-file-hint">
                            {move || tp(lang.get(), "trust_ui.file.hint")}
                        </p>
                        <input
                            type="file"
                            id="trust-file"
                            name="trust-file"
                            class="file-input"
                            accept=".json,application/json"
                            aria-describedby="trust-file-hint"
                            on:change=move |ev| {
                                if let Some(file) = browser::take_chosen_file(&ev) {
                                    open_list(state, file);
                                }
                            }
                        />
                    </div>
                    <p class="drop-hint">{move || tp(lang.get(), "trust_ui.drop")}</p>
                </div>
                {remove_part}
            </section>
        }
        .into_any()
    })
}

/// A trust list: the social service and who signed it, its signers, price lists and rule.
fn list_view(l: Lang, list: &TrustList, signature: &ListSignature) -> AnyView {
    let role = role(l);
    let signed = tpf(
        l,
        "trust.list.signed_by",
        &[
            ("issuer", &list.issuer),
            ("name", signature.name.as_deref().unwrap_or("—")),
            ("role", &role(signature.role.as_deref().unwrap_or(""))),
            ("fingerprint", &signature.fingerprint),
        ],
    );
    let signers = list
        .signers
        .iter()
        .map(|s| {
            let mut validity = tpf(
                l,
                "trust_ui.signer.validity",
                &[
                    ("from", &s.valid_from),
                    ("until", s.valid_until.as_deref().unwrap_or("—")),
                ],
            );
            if let Some(revoked) = &s.revoked_from {
                validity.push_str("; ");
                validity.push_str(&tpf(l, "trust_ui.signer.revoked", &[("revoked", revoked)]));
            }
            view! {
                <li class="trust-signer">
                    <strong>{s.name.clone()}</strong>
                    {format!(" — {}", role(&s.role))}
                    <br />
                    <span class="fingerprint">{s.fingerprint.clone()}</span>
                    " · "
                    <span>{validity}</span>
                </li>
            }
        })
        .collect_view();
    let prices = list
        .price_lists
        .iter()
        .map(|p| {
            view! {
                <li>
                    {tpf(
                        l,
                        "trust_ui.price_list",
                        &[
                            ("version", &p.version),
                            ("date", &crate::signing::date_text(l, &p.effective_date)),
                            ("digest", &p.digest[..12.min(p.digest.len())]),
                        ],
                    )}
                </li>
            }
        })
        .collect_view();
    let rule = list
        .rule
        .iter()
        .map(|r| role(r))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="trust-list" id="trust-list">
            <p class="trust-issuer" id="trust-issuer">{signed}</p>
            <h3>{tp(l, "trust_ui.signers")}</h3>
            <ul class="trust-signers">{signers}</ul>
            <h3>{tp(l, "trust_ui.price_lists")}</h3>
            <ul>{prices}</ul>
            <h3>{tp(l, "trust_ui.rule")}</h3>
            <p id="trust-rule">{tpf(l, "trust_ui.rule.value", &[("roles", &rule)])}</p>
        </div>
    }
    .into_any()
}

fn line_view(line: Line, id: &'static str) -> AnyView {
    let (icon, class) = if line.ok {
        ("✓", "status status-valid")
    } else {
        ("✗", "status status-invalid")
    };
    view! {
        <p class=class id=id>
            <span class="status-icon" aria-hidden="true">{icon}</span>
            {line.text}
        </p>
    }
    .into_any()
}

/// The verified plan under the trust list on this device (or the plain statement that
/// only integrity was checked). `recomputes`: whether the plan's result recomputes, which
/// the overall verdict also needs.
pub(crate) fn trust_result(
    state: TrustState,
    document: StoredValue<Arc<Verified>>,
    checked: Arc<VerificationReport>,
    recomputes: bool,
) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let body = move || {
            let l = lang.get();
            state.list.with(|found| {
                let Some((list, _)) = found else {
                    return view! {
                        <p class="notice trust-integrity-only" id="trust-verdict">
                            {integrity_only(l)}
                        </p>
                    }
                    .into_any();
                };
                let report = document.with_value(|v| trust_report(&v.document, &checked, list));
                let role = role(l);
                let verdict = verdict_line(l, &report, &list.issuer, recomputes);
                let proofs = report
                    .proofs
                    .iter()
                    .map(|p| {
                        let words = proof_words(l, p, &role);
                        let (icon, class) = if words.ok {
                            ("✓", format!("trust-proof status-valid trust-{}", words.class))
                        } else {
                            ("✗", format!("trust-proof status-invalid trust-{}", words.class))
                        };
                        let heading =
                            tpf(l, "verify.signature.heading", &[("n", &words.number.to_string())]);
                        view! {
                            <li class=class>
                                <strong>{heading}": "</strong>
                                <span class="status-icon" aria-hidden="true">{icon}</span>
                                {words.text}
                                {words.same_key.map(|t| view! { <br /><span class="trust-same-key">"⚠ "{t}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                let price = report
                    .price_list
                    .as_ref()
                    .map(|check| line_view(price_list_line(l, check), "trust-price-list"));
                let recompute = (!recomputes).then(|| {
                    line_view(
                        Line {
                            ok: false,
                            text: tp(l, "trust_ui.not_recomputed").to_string(),
                        },
                        "trust-recompute",
                    )
                });
                let verdict_class = if verdict.ok {
                    "verify-verdict verdict-ok"
                } else {
                    "verify-verdict verdict-bad"
                };
                view! {
                    <p class=verdict_class id="trust-verdict">
                        <span class="status-icon" aria-hidden="true">
                            {if verdict.ok { "✓" } else { "✗" }}
                        </span>
                        {verdict.text}
                    </p>
                    <ol class="trust-proofs">{proofs}</ol>
                    {price}
                    {line_view(rule_line(l, &report.rule, &role), "trust-rule-check")}
                    {recompute}
                }
                .into_any()
            })
        };
        view! {
            <h2>{move || tp(lang.get(), "trust_ui.result.title")}</h2>
            <div class="trust-result">{body}</div>
        }
        .into_any()
    })
}
