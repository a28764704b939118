//! Opening a plan file and verifying it: a file picker and a drop zone; then each
//! signature (valid / invalid / unsupported, with the reason), whether recomputing the
//! plan gives the same result, and a readable summary of the plan. The logic is in
//! [`crate::signing`]; this screen only reads the file and shows what it found.
//!
//! Also home of [`plan_view`] (the readable plan, shared with the sign step's print view)
//! and the small formatting helpers both screens use.

use crate::engine::integrity::ProofStatus;
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::signing::{
    date_text, money_text, open_plan_text, percent_text, too_large, LineSummary, PlanSummary,
    ProofLine, Recompute, Verified, MAX_FILE_BYTES,
};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::problem_text;
use crate::ui::prelude::*;
use crate::ui::workspace::reference;
use wasm_bindgen::JsCast;

/// A `created` time (`2025-09-01T10:00:00Z`) as local date and time in a language; text
/// that is not a time is shown as it is.
pub(crate) fn local_date_time(lang: Lang, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let day = crate::i18n::format_date(
        lang,
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    let separator = match lang {
        Lang::Lv => " ",
        Lang::En => ", ",
    };
    format!(
        "{day}{separator}{:02}:{:02}",
        date.get_hours(),
        date.get_minutes()
    )
}

/// The name of a role code in a language (the reference data's names).
pub(crate) fn role_name(lang: Lang, code: &str) -> String {
    if code == crate::signing::PARENT {
        return t(lang, "sign.role.parent").to_string();
    }
    reference()
        .ok()
        .and_then(|r| r.roles.roles.iter().find(|role| role.code == code))
        .map(|role| match lang {
            Lang::Lv => role.name.lv.clone(),
            Lang::En => role.name.en.clone(),
        })
        .unwrap_or_else(|| t(lang, "sign.role.unknown").to_string())
}

fn municipality_name(code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.regions.municipality(code).map(|(_, m)| m.name.clone()))
        .unwrap_or_else(|| code.to_string())
}

fn unit_name(lang: Lang, unit: &str) -> String {
    let key = format!("plan_doc.unit.{unit}");
    if crate::i18n::has(&key) {
        t(lang, &key).to_string()
    } else {
        unit.to_string()
    }
}

/// The status of a proof as an icon (hidden from screen readers) and words.
pub(crate) fn status_icon(status: ProofStatus) -> &'static str {
    match status {
        ProofStatus::Valid => "✓",
        ProofStatus::Invalid => "✗",
        ProofStatus::Unsupported => "?",
    }
}

/// One fact of a plan: `<div><dt>label</dt>{dd}</div>`.
fn fact(label: &'static str, dd: El) -> El {
    el("div").child(el("dt").tr(label)).child(dd)
}

/// A plan document, readable: the child, period, budget, the lines with their reasons,
/// totals and goals. Used on the verify screen and in the sign step's print view;
/// `id_prefix` makes its element ids unique on the page.
pub(crate) fn plan_view(summary: PlanSummary, id_prefix: &str) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let s = StoredValue::new(summary);
        let lines_id = format!("{id_prefix}-lines");
        let totals_id = format!("{id_prefix}-totals");
        let goals_id = format!("{id_prefix}-goals");
        let get = move |f: fn(&PlanSummary) -> String| s.with_value(f);
        let lines_region_id = lines_id.clone();
        el("div")
            .class("plan-view")
            .child(
                el("dl")
                    .class("plan-facts")
                    .child(fact(
                        "plan_doc.pseudonym",
                        el("dd").text(&get(|s| s.pseudonym.clone())),
                    ))
                    .child(fact(
                        "plan_doc.municipality",
                        el("dd").text(&get(|s| municipality_name(&s.municipality))),
                    ))
                    .child(fact(
                        "plan_doc.target_group",
                        el("dd").text_dyn(move || {
                            let code = get(|s| s.target_group.clone());
                            let key = format!("child.group.{code}");
                            if crate::i18n::has(&key) {
                                t(lang.get(), &key).to_string()
                            } else {
                                code
                            }
                        }),
                    ))
                    .child(fact(
                        "plan_doc.period",
                        el("dd").text_dyn(move || {
                            let l = lang.get();
                            s.with_value(|s| {
                                tf(
                                    l,
                                    "plan_doc.period_value",
                                    &[
                                        ("start", &date_text(l, &s.start)),
                                        ("end", &date_text(l, &s.end)),
                                        ("months", &s.months),
                                    ],
                                )
                            })
                        }),
                    ))
                    .child(fact(
                        "plan_doc.budget",
                        el("dd")
                            .text_dyn(move || money_text(lang.get(), &get(|s| s.budget.clone()))),
                    ))
                    .child(fact(
                        "plan_doc.weights",
                        el("dd").text_dyn(move || {
                            s.with_value(|s| {
                                tf(
                                    lang.get(),
                                    "plan_doc.weights_value",
                                    &[
                                        ("expert", &percent_text(&s.expert_weight)),
                                        ("parent", &percent_text(&s.parent_weight)),
                                    ],
                                )
                            })
                        }),
                    ))
                    .child(fact(
                        "plan_doc.policy",
                        el("dd").text_dyn(move || {
                            let policy = get(|s| s.policy.clone());
                            let key = format!("plan_doc.policy.{policy}");
                            if crate::i18n::has(&key) {
                                t(lang.get(), &key).to_string()
                            } else {
                                policy
                            }
                        }),
                    )),
            )
            .child(el("h3").id(&lines_id).tr("plan_doc.lines.title"))
            .dyn_view(move || {
                let l = lang.get();
                if s.with_value(|s| s.lines.is_empty()) {
                    return el("p").text(t(l, "plan_doc.no_lines")).into();
                }
                let head = [
                    ("plan_doc.col.position", false),
                    ("plan_doc.col.service", false),
                    ("plan_doc.col.score", true),
                    ("plan_doc.col.units", true),
                    ("plan_doc.col.price", true),
                    ("plan_doc.col.funded", true),
                    ("plan_doc.col.reason", false),
                ]
                .into_iter()
                .map(|(key, num)| {
                    let th = el("th").attr("scope", "col");
                    let th = if num { th.class("num") } else { th };
                    th.text(t(l, key))
                });
                let body = s.with_value(|s| {
                    el("tbody").children(s.lines.iter().map(|line| plan_line(l, line)))
                });
                el("div")
                    .class("table-wrap")
                    .attr("role", "region")
                    .attr("tabindex", "0")
                    .attr("aria-labelledby", &lines_region_id)
                    .child(
                        el("table")
                            .class("plan-lines")
                            .attr("aria-labelledby", &lines_region_id)
                            .child(el("thead").child(el("tr").children(head)))
                            .child(body),
                    )
                    .into()
            })
            .child(el("h3").id(&totals_id).tr("plan_doc.totals"))
            .child(
                el("dl")
                    .class("plan-facts plan-totals")
                    .attr("aria-labelledby", &totals_id)
                    .dyn_view(move || {
                        let l = lang.get();
                        s.with_value(|s| {
                            [
                                ("plan_doc.budget", &s.budget),
                                ("plan_doc.allocated", &s.allocated),
                                ("plan_doc.remaining", &s.remaining),
                                ("plan_doc.requested", &s.requested),
                                ("plan_doc.unmet", &s.unmet),
                            ]
                            .into_iter()
                            .map(|(key, amount)| {
                                el("div")
                                    .child(el("dt").text(t(l, key)))
                                    .child(el("dd").text(&money_text(l, amount)))
                            })
                            .collect()
                        })
                    }),
            )
            .dyn_view(move || {
                if s.with_value(|s| s.goals.is_empty()) {
                    return View::empty();
                }
                let l = lang.get();
                let list = s.with_value(|s| {
                    el("ul")
                        .class("plan-goals")
                        .children(s.goals.iter().map(|goal| {
                            let key = format!("plan_doc.goal.{}", goal.term);
                            let term: &str = if crate::i18n::has(&key) {
                                t(l, &key)
                            } else {
                                &goal.term
                            };
                            el("li")
                                .child(el("strong").text(term).text(": "))
                                .text(&goal.text)
                        }))
                });
                View::empty()
                    .and(el("h3").id(&goals_id).text(t(l, "plan_doc.goals")))
                    .and(list)
            })
            .dyn_view(move || {
                let version = get(|s| s.engine_version.clone());
                (!version.is_empty())
                    .then(|| {
                        el("p").class("plan-engine").text(&tf(
                            lang.get(),
                            "plan_doc.engine",
                            &[("version", &version)],
                        ))
                    })
                    .into()
            })
    })
}

/// One line of the plan table.
fn plan_line(l: Lang, line: &LineSummary) -> El {
    let params: Vec<(&str, &str)> = line
        .reason_params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reason = if crate::i18n::has(&line.reason_key) {
        tf(l, &line.reason_key, &params)
    } else {
        line.reason_key.clone()
    };
    let num = |text: &str| el("td").class("num").text(text);
    el("tr")
        .child(el("td").text(&line.position))
        .child(el("th").attr("scope", "row").text(line.name(l)))
        .child(num(&line.score))
        .child(num(&tf(
            l,
            "plan_doc.units_value",
            &[
                ("funded", &line.funded_units),
                ("quantity", &line.quantity),
                ("unit", &unit_name(l, &line.unit)),
            ],
        )))
        .child(num(&money_text(l, &line.unit_price)))
        .child(num(&money_text(l, &line.funded_amount)))
        .child(el("td").text(&reason))
}

/// What the verify screen is showing.
#[derive(Clone, Debug, PartialEq)]
enum VerifyState {
    /// Waiting for a file.
    Empty,
    /// Reading a file.
    Reading,
    /// The file could not be verified.
    Failed { name: String, problem: Problem },
    /// The file was verified.
    Done {
        name: String,
        verified: Box<Verified>,
    },
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|files| files.get(0))
}

fn open_file(state: RwSignal<VerifyState>, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        state.set(VerifyState::Failed {
            name,
            problem: too_large(),
        });
        browser::focus_id_later("verify-result");
        return;
    }
    state.set(VerifyState::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        let next = match browser::read_file_text(&file).await {
            Ok(text) => match open_plan_text(&text) {
                Ok(verified) => VerifyState::Done {
                    name,
                    verified: Box::new(verified),
                },
                Err(problem) => VerifyState::Failed { name, problem },
            },
            Err(_) => VerifyState::Failed {
                name,
                problem: Problem::new("", "verify.error.read"),
            },
        };
        state.set(next);
        browser::focus_id_later("verify-result");
    });
}

/// A `<button type="button">` with a class and a click handler.
fn button(class: &str, on_click: impl FnMut(web_sys::Event) + 'static) -> El {
    crate::ui::dom::button(class).on("click", on_click)
}

/// The file picker inside a drop zone.
fn picker(state: RwSignal<VerifyState>, dragging: RwSignal<bool>) -> El {
    el("div")
        .class("drop-zone")
        .class_when("dragging", move || dragging.get())
        .on("dragover", move |ev| {
            ev.prevent_default();
            dragging.set(true);
        })
        .on("dragleave", move |_| dragging.set(false))
        .on("drop", move |ev| {
            ev.prevent_default();
            dragging.set(false);
            let files = js_sys::Reflect::get(&ev, &"dataTransfer".into())
                .ok()
                .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()).ok())
                .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
            if let Some(file) = first_file(files) {
                open_file(state, file);
            }
        })
        .child(
            el("div")
                .class("form-group")
                .child(
                    el("label")
                        .class("label")
                        .attr("for", "plan-file")
                        .tr("verify.file.label"),
                )
                .child(
                    el("p")
                        .class("hint")
                        .id("plan-file-hint")
                        .tr("verify.file.hint"),
                )
                .child(
                    el("input")
                        .attr("type", "file")
                        .id("plan-file")
                        .attr("name", "plan-file")
                        .class("file-input")
                        .attr("accept", ".json,application/json")
                        .attr("aria-describedby", "plan-file-hint")
                        .on("change", move |ev| {
                            if let Some(file) = browser::take_chosen_file(&ev) {
                                open_file(state, file);
                            }
                        }),
                ),
        )
        .child(el("p").class("drop-hint").tr("verify.drop"))
}

/// The verify screen.
pub fn verify_screen() -> View {
    component(|| {
        let app = use_app();
        let lang = app.lang;
        let state = RwSignal::new(VerifyState::Empty);
        let dragging = RwSignal::new(false);
        let another = move |_| {
            state.set(VerifyState::Empty);
            browser::focus_id_later("plan-file");
        };
        el("section")
            .attr("aria-labelledby", "verify-title")
            .class("verify-screen")
            .child(el("h1").id("verify-title").tr("verify.title"))
            .child(el("p").class("lead").tr("verify.lead"))
            .dyn_view(move || match state.get() {
                VerifyState::Empty => picker(state, dragging).into(),
                VerifyState::Reading => el("p")
                    .attr("role", "status")
                    .text(t(lang.get(), "verify.reading"))
                    .into(),
                VerifyState::Failed { name, problem } => {
                    let l = lang.get();
                    View::empty()
                        .and(
                            el("div")
                                .class("alert alert-error")
                                .attr("role", "alert")
                                .id("verify-result")
                                .attr("tabindex", "-1")
                                .child(el("h2").text(t(l, "verify.error.title")))
                                .child(el("p").text(&tf(l, "verify.file_name", &[("name", &name)])))
                                .child(
                                    el("p")
                                        .class("verify-error")
                                        .text(&problem_text(l, &problem)),
                                ),
                        )
                        .and(picker(state, dragging))
                }
                VerifyState::Done { name, verified } => {
                    View::empty().and(verify_result(name, *verified)).and(
                        el("div")
                            .class("step-actions")
                            .child(button("button button-primary", another).tr("verify.another")),
                    )
                }
            })
            .child(
                el("div").class("step-actions").child(
                    button("button button-secondary", move |_| {
                        app.navigate(Screen::Start)
                    })
                    .tr("case.back_to_cases"),
                ),
            )
            .into()
    })
}

/// An icon hidden from screen readers (the words next to it say the same).
fn status_icon_span(icon: &str) -> El {
    el("span")
        .class("status-icon")
        .attr("aria-hidden", "true")
        .text(icon)
}

/// What was found in a plan file: its signatures, the recomputation and the plan.
fn verify_result(name: String, verified: Verified) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let Verified {
            proofs,
            recompute,
            summary,
            ..
        } = verified;
        let recompute = StoredValue::new(recompute);
        let count = proofs.len();
        let valid = proofs
            .iter()
            .filter(|p| p.status == ProofStatus::Valid)
            .count();
        let all_valid = count > 0 && valid == count;
        el("div")
            .class("verify-result")
            .id("verify-result")
            .attr("tabindex", "-1")
            .attr("aria-labelledby", "verify-file-name")
            .child(
                el("p")
                    .class("verify-file")
                    .id("verify-file-name")
                    .text_dyn(move || tf(lang.get(), "verify.file_name", &[("name", &name)])),
            )
            .child(el("h2").tr("verify.signatures.title"))
            .child(
                el("p")
                    .class(if all_valid {
                        "verify-verdict verdict-ok"
                    } else {
                        "verify-verdict verdict-bad"
                    })
                    .child(status_icon_span(if all_valid { "✓" } else { "✗" }))
                    .text_dyn(move || {
                        let l = lang.get();
                        if count == 0 {
                            t(l, "verify.signatures.none").to_string()
                        } else if all_valid {
                            tf(
                                l,
                                "verify.summary.verified",
                                &[("count", &count.to_string())],
                            )
                        } else {
                            tf(
                                l,
                                "verify.summary.not_verified",
                                &[("count", &count.to_string()), ("valid", &valid.to_string())],
                            )
                        }
                    }),
            )
            .child(
                el("ol").class("signature-list").children(
                    proofs
                        .into_iter()
                        .enumerate()
                        .map(|(i, p)| proof_item(i, p)),
                ),
            )
            .child(el("h2").tr("verify.recompute.title"))
            .dyn_view(move || {
                let l = lang.get();
                match recompute.get_value() {
                    Recompute::Matches => el("p")
                        .class("status status-valid")
                        .child(status_icon_span("✓"))
                        .text(t(l, "integrity.recompute.matches")),
                    Recompute::Differs {
                        path,
                        embedded,
                        recomputed,
                    } => {
                        let place = crate::signing::difference_place(&path).map(|(key, params)| {
                            let params: Vec<(&str, String)> = params
                                .into_iter()
                                .map(|(k, v)| {
                                    if k == "what" {
                                        (k, t(l, &v).to_string())
                                    } else {
                                        (k, v)
                                    }
                                })
                                .collect();
                            let params: Vec<(&str, &str)> =
                                params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                            format!("{} ", tf(l, key, &params))
                        });
                        let p = el("p")
                            .class("status status-invalid")
                            .child(status_icon_span("✗"));
                        let p = match place {
                            Some(place) => p.text(&place),
                            None => p,
                        };
                        p.text(&tf(
                            l,
                            "integrity.recompute.differs",
                            &[
                                ("path", &path),
                                ("embedded", &embedded),
                                ("recomputed", &recomputed),
                            ],
                        ))
                    }
                    Recompute::NotPossible(summary, problems) => el("div")
                        .class("status status-invalid")
                        .child(
                            el("p")
                                .child(status_icon_span("✗"))
                                .text(&problem_text(l, &summary)),
                        )
                        .child_opt((!problems.is_empty()).then(|| {
                            el("ul").children(problems.iter().take(10).map(|p| {
                                el("li").text(&tf(
                                    l,
                                    "verify.recompute.problem_line",
                                    &[("path", &p.path), ("message", &problem_text(l, p))],
                                ))
                            }))
                        })),
                }
                .into()
            })
            .child(el("h2").tr("verify.plan.title"))
            .child(plan_view(summary, "verify-plan"))
    })
}

/// One signature of a plan file: its status, the reason when it fails, the key's
/// fingerprint, the purpose and the time.
fn proof_item(index: usize, proof: ProofLine) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let status = proof.status;
        let class = match status {
            ProofStatus::Valid => "signature status-valid",
            ProofStatus::Invalid => "signature status-invalid",
            ProofStatus::Unsupported => "signature status-unsupported",
        };
        let proof = StoredValue::new(proof);
        let or_not_given = move |value: Option<String>| {
            value.unwrap_or_else(|| t(lang.get(), "verify.signature.not_given").to_string())
        };
        el("li")
            .class(class)
            .child(el("h3").text_dyn(move || {
                tf(
                    lang.get(),
                    "verify.signature.heading",
                    &[("n", &(index + 1).to_string())],
                )
            }))
            .child(
                el("dl")
                    .class("plan-facts")
                    .child(fact(
                        "verify.signature.status",
                        el("dd")
                            .class("status")
                            .child(status_icon_span(status_icon(status)))
                            .text_dyn(move || t(lang.get(), status.key()).to_string()),
                    ))
                    .dyn_view(move || {
                        proof
                            .with_value(|p| p.reason.clone())
                            .map(|reason| {
                                let l = lang.get();
                                el("div")
                                    .child(el("dt").text(t(l, "verify.signature.reason")))
                                    .child(el("dd").text(&problem_text(l, &reason)))
                            })
                            .into()
                    })
                    .child(fact(
                        "verify.signature.fingerprint",
                        el("dd").class("fingerprint").text_dyn(move || {
                            or_not_given(proof.with_value(|p| p.fingerprint.clone()))
                        }),
                    ))
                    .child(fact(
                        "verify.signature.purpose",
                        el("dd").text_dyn(move || {
                            let purpose = proof.with_value(|p| p.purpose.clone());
                            match purpose {
                                Some(p) if crate::i18n::has(&format!("verify.purpose.{p}")) => {
                                    t(lang.get(), &format!("verify.purpose.{p}")).to_string()
                                }
                                other => or_not_given(other),
                            }
                        }),
                    ))
                    .child(fact(
                        "verify.signature.created",
                        el("dd").text_dyn(move || match proof.with_value(|p| p.created.clone()) {
                            Some(created) => local_date_time(lang.get(), &created),
                            None => or_not_given(None),
                        }),
                    )),
            )
    })
}
