//! The sign step: each participant signs the plan computed from the case with a key kept
//! on this device; the signed plan downloads as `<pseudonym>-plan.json`; a print view
//! (hidden on screen) shows the plan, the signatures' fingerprints and how to verify it.
//! The logic (signatures kept with the case, outdated detection, key files, the signed
//! document) is in [`crate::signing`].

use crate::engine::integrity::KeyPair;
use crate::engine::plan::plan_with_reference;
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::signing::{
    created_stamp, key_file_name, key_from_text, key_slot, key_to_text, participants,
    plan_file_name, read_signatures, sign_plan, signature_views, signed_document, write_signatures,
    Participant, PlanSummary, SignatureState, SignatureView,
};
use crate::storage;
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{problem_text, step_actions};
use crate::ui::prelude::*;
use crate::ui::verify::{local_date_time, plan_view, role_name};
use crate::ui::workspace::{reference, use_case, Step};
use serde_json::Value;

/// "Social worker (I. Kalniņa)", "Parent (legal representative)".
fn who(lang: Lang, participant: &Participant) -> String {
    let role = role_name(lang, &participant.role);
    match &participant.name {
        Some(name) => format!("{role} ({name})"),
        None => role,
    }
}

/// A message about one participant: their id, whether it is an error, and the words.
#[derive(Clone, Debug, PartialEq)]
struct Note {
    participant: String,
    error: bool,
    problem: Problem,
}

/// The key stored on this device for a slot: none, a key, or a damaged entry.
fn device_key(slot: &str) -> Option<Result<KeyPair, Problem>> {
    match storage::load_signing_key(slot) {
        Ok(Some(text)) => Some(key_from_text(&text)),
        Ok(None) => None,
        Err(error) => Some(Err(Problem::new("", error.key()))),
    }
}

fn storage_problem(error: storage::StorageError) -> Problem {
    Problem::new("", error.key())
}

/// A `<button type="button">` with a class and a click handler.
fn button(class: &str, on_click: impl FnMut(web_sys::Event) + 'static) -> El {
    crate::ui::dom::button(class).on("click", on_click)
}

/// The sign step's screen.
pub fn sign_step() -> View {
    component(|| {
        let app = use_app();
        let lang = app.lang;
        let ctx = use_case();
        let problem_count = Memo::new(move |_| ctx.problems.with(Vec::len));
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("sign-screen")
            .child(el("h1").id("step-title").tr("step.sign"))
            .dyn_view(move || {
                let count = problem_count.get();
                if count == 0 {
                    return sign_panel();
                }
                let l = lang.get();
                let result = move || Screen::Case {
                    id: ctx.id.get_value(),
                    step: Step::Result,
                };
                el("div")
                    .class("alert alert-warning")
                    .child(el("h2").text(t(l, "sign.blocked.title")))
                    .child(el("p").text(&tf(
                        l,
                        "sign.blocked.body",
                        &[("count", &count.to_string())],
                    )))
                    .child(
                        el("p").child(
                            el("a")
                                .attr("href", &result().hash())
                                .on("click", move |ev| {
                                    ev.prevent_default();
                                    app.navigate(result());
                                })
                                .text(t(l, "sign.blocked.link")),
                        ),
                    )
                    .into()
            })
            .view(step_actions(Step::Sign))
            .into()
    })
}

/// The participants with their signatures and keys, the download and the print view.
fn sign_panel() -> View {
    component(|| {
        let app = use_app();
        let lang = app.lang;
        let ctx = use_case();
        let plan = Memo::new(move |_| {
            let reference = reference().map_err(<[Problem]>::to_vec)?;
            ctx.case.with(|case| plan_with_reference(case, reference))
        });
        let people = Memo::new(move |_| ctx.case.with(participants));
        let signatures = Memo::new(move |_| ctx.case.with(read_signatures));
        let views = Memo::new(move |_| match plan.get() {
            Ok(plan) => signatures.with(|s| signature_views(&plan, s)),
            Err(_) => Vec::new(),
        });
        let note = RwSignal::new(None::<Note>);
        let key_version = RwSignal::new(0u32);
        let download_failed = RwSignal::new(false);

        let sign_as = move |participant: Participant| {
            let Ok(plan) = plan.get_untracked() else {
                return;
            };
            let fail = |problem: Problem| {
                note.set(Some(Note {
                    participant: participant.id.clone(),
                    error: true,
                    problem,
                }))
            };
            let slot = key_slot(&ctx.id.get_value(), &participant);
            let key = match device_key(&slot) {
                Some(Ok(key)) => key,
                _ => {
                    let mut seed = [0u8; 32];
                    if browser::random_bytes(&mut seed).is_err() {
                        return fail(Problem::new("", "sign.error.random"));
                    }
                    let key = KeyPair::from_seed(&seed);
                    if let Err(error) = storage::save_signing_key(&slot, &key_to_text(&key)) {
                        return fail(storage_problem(error));
                    }
                    key_version.update(|v| *v += 1);
                    key
                }
            };
            let Some(created) = created_stamp(&browser::now_iso()) else {
                return fail(Problem::new("", "sign.error.clock"));
            };
            let current = signatures.get_untracked();
            match sign_plan(&current, &plan, &participant.id, &key, &created) {
                Ok(list) => {
                    ctx.update(|case| write_signatures(case, &list));
                    note.set(Some(Note {
                        participant: participant.id.clone(),
                        error: false,
                        problem: Problem::new("", "sign.signed_now"),
                    }));
                }
                Err(error) => {
                    let reason = problem_text(
                        lang.get_untracked(),
                        &crate::signing::integrity_problem(error),
                    );
                    fail(Problem::new("", "sign.error.sign").with("reason", reason));
                }
            }
        };
        let sign_as = Callback::new(sign_as);

        let download = move |_| {
            let Ok(plan) = plan.get_untracked() else {
                return;
            };
            let document = signatures.with_untracked(|s| signed_document(&plan, s));
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            let ok = browser::download_text(&plan_file_name(&document), "application/json", &text)
                .is_ok();
            download_failed.set(!ok);
        };
        let file_name = Memo::new(move |_| match plan.get() {
            Ok(plan) => plan_file_name(&plan),
            Err(_) => "plan-plan.json".to_string(),
        });
        let valid_count = Memo::new(move |_| {
            views.with(|v| {
                v.iter()
                    .filter(|v| v.state == SignatureState::Valid)
                    .count()
            })
        });
        let some_left_out =
            Memo::new(move |_| views.with(|v| v.iter().any(|v| v.state != SignatureState::Valid)));
        let print = move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        };

        View::empty()
            .and(el("p").class("lead").tr("sign.lead"))
            .and(el("h2").id("signatures-title").tr("sign.signatures.title"))
            .and(
                el("p")
                    .class("sign-progress")
                    .attr("role", "status")
                    .text_dyn(move || {
                        tf(
                            lang.get(),
                            "sign.progress",
                            &[
                                ("signed", &valid_count.get().to_string()),
                                ("total", &people.with(Vec::len).to_string()),
                            ],
                        )
                    }),
            )
            .and(
                el("ul")
                    .class("participant-list")
                    .attr("aria-labelledby", "signatures-title")
                    .dyn_view(move || {
                        people
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, participant)| {
                                participant_item(
                                    index,
                                    participant,
                                    views,
                                    note,
                                    key_version,
                                    sign_as,
                                )
                            })
                            .collect()
                    }),
            )
            .and(el("h2").tr("sign.export.title"))
            .and(el("p").class("hint").id("download-hint").text_dyn(move || {
                tf(
                    lang.get(),
                    "sign.download.hint",
                    &[("file", &file_name.get())],
                )
            }))
            .and_view(dyn_view(move || {
                some_left_out
                    .get()
                    .then(|| {
                        el("p")
                            .class("notice")
                            .text(t(lang.get(), "sign.download.outdated_left_out"))
                    })
                    .into()
            }))
            .and_view(dyn_view(move || {
                download_failed
                    .get()
                    .then(|| {
                        el("p")
                            .class("alert alert-error")
                            .attr("role", "alert")
                            .text(t(lang.get(), "sign.download.failed"))
                    })
                    .into()
            }))
            .and(
                el("div")
                    .class("sign-actions")
                    .child(
                        button("button button-primary", download)
                            .id("download-plan")
                            .attr("aria-describedby", "download-hint")
                            .tr("sign.download"),
                    )
                    .child(
                        button("button button-secondary", print)
                            .id("print-plan")
                            .attr("aria-describedby", "print-hint")
                            .tr("sign.print"),
                    ),
            )
            .and(el("p").class("hint").id("print-hint").tr("sign.print.hint"))
            .and_view(dyn_view(move || {
                plan.get()
                    .ok()
                    .map(|plan| print_view(plan, views, people, file_name))
                    .into()
            }))
    })
}

fn status_text(lang: Lang, state: Option<&SignatureState>) -> (&'static str, &'static str, String) {
    match state {
        None => ("○", "status-none", t(lang, "sign.status.none").to_string()),
        Some(SignatureState::Valid) => (
            "✓",
            "status-valid",
            t(lang, "sign.status.valid").to_string(),
        ),
        Some(SignatureState::Outdated) => (
            "⚠",
            "status-outdated",
            t(lang, "sign.status.outdated").to_string(),
        ),
        Some(SignatureState::Invalid(problem)) => (
            "✗",
            "status-invalid",
            format!(
                "{}: {}",
                t(lang, "sign.status.invalid"),
                problem_text(lang, problem)
            ),
        ),
    }
}

/// One participant: their signature's status, a message, the sign button, and their key
/// (fingerprint, export, import).
fn participant_item(
    index: usize,
    participant: Participant,
    views: Memo<Vec<SignatureView>>,
    note: RwSignal<Option<Note>>,
    key_version: RwSignal<u32>,
    sign_as: Callback<Participant>,
) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let p = StoredValue::new(participant);
        let view_of = Memo::new(move |_| {
            p.with_value(|p| views.with(|v| v.iter().find(|v| v.participant == p.id).cloned()))
        });
        let label = move || p.with_value(|p| who(lang.get(), p));
        let slot = move || p.with_value(|p| key_slot(&ctx.id.get_value(), p));
        let stored_key = Memo::new(move |_| {
            key_version.track();
            ctx.id.get_value();
            device_key(&slot()).map(|r| r.map(|k| k.fingerprint()))
        });
        let my_note = move || {
            note.get()
                .filter(|n| p.with_value(|p| n.participant == p.id))
        };
        let import_id = format!("key-import-{index}");
        let import_hint_id = format!("key-import-{index}-hint");

        let export = move |_| {
            if let Some(Ok(key)) = device_key(&slot()) {
                let name = p.with_value(key_file_name);
                let _ = browser::download_text(&name, "application/json", &key_to_text(&key));
            }
        };
        let on_import = move |ev: web_sys::Event| {
            let Some(file) = browser::take_chosen_file(&ev) else {
                return;
            };
            let pid = p.with_value(|p| p.id.clone());
            let slot = slot();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_file_text(&file).await {
                    Err(_) => Err(Problem::new("", "sign.key.read_failed")),
                    Ok(text) if text.len() > 64 * 1024 => {
                        Err(Problem::new("", "sign.key.not_json"))
                    }
                    Ok(text) => key_from_text(&text),
                };
                let outcome = result.and_then(|key| {
                    storage::save_signing_key(&slot, &key_to_text(&key))
                        .map(|_| key.fingerprint())
                        .map_err(storage_problem)
                });
                let (error, problem) = match outcome {
                    Ok(fingerprint) => (
                        false,
                        Problem::new("", "sign.key.imported").with("fingerprint", fingerprint),
                    ),
                    Err(problem) => (true, problem),
                };
                key_version.update(|v| *v += 1);
                note.set(Some(Note {
                    participant: pid,
                    error,
                    problem,
                }));
            });
        };

        el("li")
            .class("participant")
            .child(el("h3").text_dyn(label))
            .dyn_view(move || {
                let l = lang.get();
                let view = view_of.get();
                let (icon, class, text) = status_text(l, view.as_ref().map(|v| &v.state));
                let status = el("p")
                    .class(&format!("status {class}"))
                    .child(
                        el("span")
                            .class("status-icon")
                            .attr("aria-hidden", "true")
                            .text(icon),
                    )
                    .text(&text);
                let meta = view.map(|v| {
                    el("p")
                        .class("signature-meta")
                        .child_opt(v.fingerprint.map(|f| {
                            el("span").class("fingerprint").text(&tf(
                                l,
                                "sign.fingerprint",
                                &[("fingerprint", &f)],
                            ))
                        }))
                        .child_opt(v.created.map(|c| {
                            el("span").text(&tf(
                                l,
                                "sign.signed_at",
                                &[("time", &local_date_time(l, &c))],
                            ))
                        }))
                });
                View::from(status).and_view(meta.into())
            })
            .dyn_view(move || {
                my_note()
                    .map(|n| {
                        let l = lang.get();
                        let text = if n.problem.key == "sign.signed_now" {
                            tf(l, "sign.signed_now", &[("who", &label())])
                        } else {
                            problem_text(l, &n.problem)
                        };
                        let (class, role) = if n.error {
                            ("alert alert-error", "alert")
                        } else {
                            ("alert alert-success", "status")
                        };
                        el("p").class(class).attr("role", role).text(&text)
                    })
                    .into()
            })
            .child(
                button("button button-primary sign-button", move |_| {
                    sign_as.run(p.get_value())
                })
                .text_dyn(move || {
                    let l = lang.get();
                    let key = if view_of.with(Option::is_some) {
                        "sign.sign_again_as"
                    } else {
                        "sign.sign_as"
                    };
                    tf(l, key, &[("who", &label())])
                }),
            )
            .child(
                el("details")
                    .class("key-details")
                    .child(
                        el("summary").text_dyn(move || {
                            tf(lang.get(), "sign.key.summary", &[("who", &label())])
                        }),
                    )
                    .dyn_view(move || {
                        let l = lang.get();
                        match stored_key.get() {
                            None => el("p").text(t(l, "sign.key.none")).into(),
                            Some(Err(problem)) => el("p")
                                .class("alert alert-warning")
                                .text(&tf(
                                    l,
                                    "sign.key.unreadable",
                                    &[("reason", &problem_text(l, &problem))],
                                ))
                                .into(),
                            Some(Ok(fingerprint)) => View::empty()
                                .and(el("p").class("fingerprint").text(&tf(
                                    l,
                                    "sign.fingerprint",
                                    &[("fingerprint", &fingerprint)],
                                )))
                                .and(el("p").class("notice").text(t(l, "sign.key.warning")))
                                .and(
                                    button("button button-secondary button-small", export)
                                        .attr(
                                            "aria-label",
                                            &tf(l, "sign.key.export.label", &[("who", &label())]),
                                        )
                                        .text(t(l, "sign.key.export")),
                                ),
                        }
                    })
                    .child(
                        el("div")
                            .class("form-group key-import")
                            .child(el("label").class("label").attr("for", &import_id).text_dyn(
                                move || tf(lang.get(), "sign.key.import", &[("who", &label())]),
                            ))
                            .child(
                                el("p")
                                    .class("hint")
                                    .id(&import_hint_id)
                                    .tr("sign.key.import.hint"),
                            )
                            .child(
                                el("input")
                                    .attr("type", "file")
                                    .id(&import_id)
                                    .class("file-input")
                                    .attr("accept", ".json,application/json")
                                    .attr("aria-describedby", &import_hint_id)
                                    .on("change", on_import),
                            ),
                    ),
            )
    })
}

/// The printed plan: hidden on screen, shown by the print stylesheet.
fn print_view(
    plan: Value,
    views: Memo<Vec<SignatureView>>,
    people: Memo<Vec<Participant>>,
    file_name: Memo<String>,
) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let summary = PlanSummary::of(&plan);
        let pseudonym = summary.pseudonym.clone();
        let address = web_sys::window()
            .and_then(|w| {
                let location = w.location();
                Some(format!(
                    "{}{}#/verify",
                    location.origin().ok()?,
                    location.pathname().ok()?
                ))
            })
            .unwrap_or_default();
        el("div")
            .class("print-only")
            .id("print-view")
            .child(
                el("h2")
                    .class("print-title")
                    .tr("print.title")
                    .text(" — ")
                    .text(&pseudonym),
            )
            .child(plan_view(summary, "print-plan"))
            .child(el("h3").tr("print.signatures"))
            .dyn_view(move || {
                let l = lang.get();
                let list = views.get();
                if list.is_empty() {
                    return el("p").text(t(l, "print.no_signatures")).into();
                }
                let people = people.get();
                el("ul")
                    .class("print-signatures")
                    .children(list.into_iter().map(|v| {
                        let name = people
                            .iter()
                            .find(|p| p.id == v.participant)
                            .map(|p| who(l, p))
                            .unwrap_or_else(|| v.participant.clone());
                        let (icon, _, status) = status_text(l, Some(&v.state));
                        el("li").text(icon).text(" ").text(&tf(
                            l,
                            "print.signature_line",
                            &[
                                ("who", &name),
                                ("fingerprint", &v.fingerprint.clone().unwrap_or_default()),
                                (
                                    "time",
                                    &v.created
                                        .as_deref()
                                        .map(|c| local_date_time(l, c))
                                        .unwrap_or_default(),
                                ),
                                ("status", &status),
                            ],
                        ))
                    }))
                    .into()
            })
            .child(el("p").class("verify-notice").text_dyn(move || {
                tf(
                    lang.get(),
                    "print.verify_notice",
                    &[("address", &address), ("file", &file_name.get())],
                )
            }))
    })
}
