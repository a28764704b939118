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
use crate::ui::form::{error_summary, step_actions, Field};
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
pub fn assessment_step() -> View {
    component(|| {
        let ctx = use_case();
        let members = member_roles(ctx);
        el("section")
            .attr("aria-labelledby", "step-title")
            .view(error_summary(Step::Assessment.scope()))
            .child(el("h1").id("step-title").tr("step.assessment"))
            .child(el("p").class("lead").tr("assessment.lead"))
            .child(
                el("details")
                    .class("assess-scale")
                    .child(el("summary").tr("assessment.scale.title"))
                    .child(el("p").tr("assessment.scale.body")),
            )
            .dyn_view(move || {
                members
                    .get()
                    .into_iter()
                    .map(|(i, role)| member_scores(i, role))
                    .collect()
            })
            .view(step_actions(Step::Assessment))
            .into()
    })
}

/// One member's scores: a heading with role and name, then a collapsible list of domains.
fn member_scores(member: usize, role: String) -> El {
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
        el("section")
            .class("assess-member")
            .attr("aria-labelledby", &title_id)
            .child(el("h2").id(&title_id).text_dyn(heading))
            .child(
                el("details")
                    .class("assess-details")
                    .attr("open", "")
                    .child(el("summary").text_dyn(move || {
                        tf(
                            lang.get(),
                            "assessment.count",
                            &[
                                ("scored", &scored.get().to_string()),
                                ("total", &total.to_string()),
                            ],
                        )
                    }))
                    .view(inline_problems(stray))
                    .child(
                        el("div")
                            .class("domain-grid")
                            .children(domains.iter().map(|d| domain_score(member, d))),
                    ),
            )
    })
}

/// One domain of one member: the qualifier choice and, once scored, a note.
fn domain_score(member: usize, domain: &'static AssessmentDomain) -> El {
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
        let on_change = move |ev: web_sys::Event| {
            let text = target_value(&ev);
            let qualifier = text.parse::<u8>().ok().filter(|q| QUALIFIERS.contains(q));
            ctx.update(|c| {
                team_edit::set_qualifier(c, member, code, qualifier);
            });
        };
        let options = QUALIFIERS.iter().map(|q| {
            let value = q.to_string();
            let key = format!("assessment.q.{q}");
            let for_selected = value.clone();
            el("option")
                .attr("value", &value)
                .prop_bool("selected", move || current.get() == for_selected)
                .text_dyn(move || t(lang.get(), &key).to_string())
        });
        el("fieldset")
            .class("domain-score")
            .class_when("form-group-error", move || has_problem.get())
            .child(el("legend").text_dyn(move || domain_name(lang.get(), domain)))
            .dyn_view(move || {
                index
                    .get()
                    .map(|j| {
                        let entry = format!("/team/{member}/assessments/{j}");
                        let skip = vec![format!("{entry}/note")];
                        el("div")
                            .id(&error_id())
                            .view(inline_problems(move |p| within_except(p, &entry, &skip)))
                    })
                    .into()
            })
            .child(
                el("div")
                    .class("form-group")
                    .child(
                        el("label")
                            .class("label")
                            .attr_dyn("for", move || Some(select_id()))
                            .tr("assessment.qualifier"),
                    )
                    .child(
                        el("select")
                            .attr_dyn("id", move || Some(select_id()))
                            .class("select qualifier-select")
                            .attr_dyn("aria-invalid", move || {
                                has_problem.get().then(|| "true".to_string())
                            })
                            .attr_dyn("aria-describedby", move || has_problem.get().then(error_id))
                            .on("change", on_change)
                            .child(
                                el("option")
                                    .attr("value", "")
                                    .prop_bool("selected", move || current.get().is_empty())
                                    .tr("assessment.not_scored"),
                            )
                            .children(options),
                    ),
            )
            .dyn_view(move || {
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
                    .into()
            })
    })
}
