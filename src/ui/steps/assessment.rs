//! The assessment: each team member records an ICF qualifier (0–4, 8, 9, in words) per
//! assessment domain, with a note for each scored domain. An unscored domain is simply
//! absent from the member's `assessments`. Each member's part can be collapsed and shows
//! how many domains are scored.

use super::team::{inline_problems, member_roles, role_name, within_except};
use crate::draft::{field_id, text_of};
use crate::engine::reference::AssessmentDomain;
use crate::i18n::{t, tf, Lang};
use crate::team_edit::{self, QUALIFIERS};
use crate::ui::app::use_app;
use crate::ui::form::{ErrorSummary, Field, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, Step};

fn domain_name(lang: Lang, domain: &AssessmentDomain) -> String {
    let name = match lang {
        Lang::Lv => &domain.name.lv,
        Lang::En => &domain.name.en,
    };
    match &domain.icf {
        Some(icf) => format!("{name} ({icf})"),
        None => name.clone(),
    }
}

/// The domains of the reference data (none if it could not be read).
fn domains() -> &'static [AssessmentDomain] {
    reference()
        .map(|r| r.domains.domains.as_slice())
        .unwrap_or_default()
}

/// The assessment step's screen.
#[component]
pub fn AssessmentStep() -> impl IntoView {
    let ctx = use_case();
    let members = member_roles(ctx);
    view! {
        <section aria-labelledby="step-title">
            <ErrorSummary scope=Step::Assessment.scope() />
            <h1 id="step-title">{tr("step.assessment")}</h1>
            <p class="lead">{tr("assessment.lead")}</p>
            <details class="assess-scale">
                <summary>{tr("assessment.scale.title")}</summary>
                <p>{tr("assessment.scale.body")}</p>
            </details>
            {move || {
                members
                    .get()
                    .into_iter()
                    .map(|(i, role)| member_scores(i, role))
                    .collect_view()
            }}
            <StepActions step=Step::Assessment />
        </section>
    }
}

/// One member's scores: a heading with role and name, then a collapsible list of domains.
fn member_scores(member: usize, role: String) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let domains = domains();
        let title_id = format!("member-{member}-title");
        let heading = move || {
            let l = lang.get();
            let role = role_name(l, &role);
            let name = ctx.case.with(|c| {
                text_of(c.pointer(&format!("/team/{member}/name")))
                    .trim()
                    .to_string()
            });
            if name.is_empty() {
                role
            } else {
                tf(l, "assessment.member", &[("role", &role), ("name", &name)])
            }
        };
        let total = domains.len();
        let scored = Memo::new(move |_| {
            let codes: Vec<&str> = domains.iter().map(|d| d.code.as_str()).collect();
            ctx.case
                .with(|c| team_edit::scored_count(c, member, &codes))
        });
        let base = format!("/team/{member}/assessments");
        // Problems of entries whose domain this screen does not show (e.g. an unknown code
        // from an imported file), or of the list itself.
        let stray = move |p: &str| {
            if p == base {
                return true;
            }
            within_except(p, &base, &[]) && {
                let rest = p.get(base.len() + 1..).unwrap_or_default();
                let index = rest.split('/').next().and_then(|s| s.parse::<usize>().ok());
                let domain = index.and_then(|j| {
                    ctx.case.with_untracked(|c| {
                        c.pointer(&format!("/team/{member}/assessments/{j}/domain"))
                            .and_then(serde_json::Value::as_str)
                            .map(str::to_string)
                    })
                });
                !domain.is_some_and(|d| domains.iter().any(|k| k.code == d))
            }
        };
        let grid = domains
            .iter()
            .map(|d| domain_score(member, d))
            .collect_view();
        view! {
            <section class="assess-member" aria-labelledby=title_id>
                <h2 id=title_id.clone()>{heading}</h2>
                <details class="assess-details" open="">
                    <summary>
                        {move || {
                            tf(
                                lang.get(),
                                "assessment.count",
                                &[
                                    ("scored", &scored.get().to_string()),
                                    ("total", &total.to_string()),
                                ],
                            )
                        }}
                    </summary>
                    {inline_problems(stray)}
                    <div class="domain-grid">{grid}</div>
                </details>
            </section>
        }
        .into_any()
    })
}

/// One domain of one member: the qualifier choice and, once scored, a note.
fn domain_score(member: usize, domain: &'static AssessmentDomain) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let code = domain.code.as_str();
        // Where this domain's entry sits in the member's list (it moves when an earlier
        // domain is unscored); a memo, so typing a note does not re-create the fields.
        let index = Memo::new(move |_| {
            ctx.case
                .with(|c| team_edit::assessment_index(c, member, code))
        });
        let current = Memo::new(move |_| match index.get() {
            Some(j) => ctx
                .case
                .with(|c| text_of(c.pointer(&format!("/team/{member}/assessments/{j}/qualifier")))),
            None => String::new(),
        });
        let select_id = move || match index.get() {
            Some(j) => field_id(&format!("/team/{member}/assessments/{j}/qualifier")),
            None => format!("score-{member}-{code}"),
        };
        let error_id = move || format!("{}-error", select_id());
        let has_problem = Memo::new(move |_| {
            ctx.show_errors.get()
                && index.get().is_some_and(|j| {
                    let entry = format!("/team/{member}/assessments/{j}");
                    let note = format!("{entry}/note");
                    ctx.problems.with(|all| {
                        all.iter()
                            .any(|p| within_except(&p.path, &entry, std::slice::from_ref(&note)))
                    })
                })
        });
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let qualifier = text.parse::<u8>().ok().filter(|q| QUALIFIERS.contains(q));
            ctx.update(|c| {
                team_edit::set_qualifier(c, member, code, qualifier);
            });
        };
        let options = QUALIFIERS
            .iter()
            .map(|q| {
                let value = q.to_string();
                let key = format!("assessment.q.{q}");
                let for_selected = value.clone();
                view! {
                    <option value=value prop:selected=move || current.get() == for_selected>
                        {move || t(lang.get(), &key).to_string()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <fieldset class="domain-score" class:form-group-error=move || has_problem.get()>
                <legend>{move || domain_name(lang.get(), domain)}</legend>
                {move || {
                    index
                        .get()
                        .map(|j| {
                            let entry = format!("/team/{member}/assessments/{j}");
                            let skip = vec![format!("{entry}/note")];
                            view! {
                                <div id=error_id()>
                                    {inline_problems(move |p| within_except(p, &entry, &skip))}
                                </div>
                            }
                        })
                }}
                <div class="form-group">
                    <label class="label" for=move || Some(select_id())>
                        {tr("assessment.qualifier")}
                    </label>
                    <select
                        id=move || Some(select_id())
                        class="select qualifier-select"
                        aria-invalid=move || has_problem.get().then(|| "true".to_string())
                        aria-describedby=move || {
                            // The entry's place first, then the memo derived from it: a
                            // derived memo read first would hide the place's change.
                            let id = error_id();
                            has_problem.get().then_some(id)
                        }
                        on:change=on_change
                    >
                        <option value="" prop:selected=move || current.get().is_empty()>
                            {tr("assessment.not_scored")}
                        </option>
                        {options}
                    </select>
                </div>
                {move || {
                    index
                        .get()
                        .map(|j| {
                            Field::new(
                                    format!("/team/{member}/assessments/{j}/note"),
                                    "assessment.note",
                                )
                                .hint("assessment.note.hint")
                                .multiline()
                                .view()
                        })
                }}
            </fieldset>
        }
        .into_any()
    })
}
