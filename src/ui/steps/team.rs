//! The team: the social worker and the rehabilitation physician are always on it; they
//! choose which specialists join (one checkbox per role). Removing a specialist who has
//! already recorded scores asks first. Each member can give a name or initials.

use crate::draft::{path_is_within, text_of};
use crate::i18n::{tf, Lang};
use crate::team_edit;
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_summary, error_text, problem_text, step_actions, Field};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use serde_json::Value;
use wasm_bindgen::JsCast;

/// A role's name in `lang`, or its code when the role is not in the reference data.
pub(super) fn role_name(lang: Lang, code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.roles.roles.iter().find(|role| role.code == code))
        .map(|role| match lang {
            Lang::Lv => role.name.lv.clone(),
            Lang::En => role.name.en.clone(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// The team's members as (index, role code), recomputed only when who is on the team
/// changes (not while a name is typed).
pub(super) fn member_roles(ctx: CaseCtx) -> Memo<Vec<(usize, String)>> {
    Memo::new(move |_| {
        ctx.case.with(|c| {
            c.get("team")
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, m)| (i, text_of(m.get("role"))))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// The problems (once errors are shown) whose path `shows` accepts, listed next to what
/// they are about: for problems that have no field of their own to show them. A region
/// with no wrapper element: nothing at all while there is no problem.
pub(super) fn inline_problems(shows: impl Fn(&str) -> bool + Send + Sync + 'static) -> View {
    inline_problems_boxed(Box::new(shows))
}

#[inline(never)]
fn inline_problems_boxed(shows: Box<dyn Fn(&str) -> bool + Send + Sync>) -> View {
    let lang = use_app().lang;
    let ctx = use_case();
    let list = Memo::new(move |_| {
        if !ctx.show_errors.get() {
            return Vec::new();
        }
        ctx.problems.with(|all| {
            all.iter()
                .filter(|p| shows(&p.path))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    dyn_view(move || {
        let problems = list.get();
        if problems.is_empty() {
            return View::empty();
        }
        let lang = lang.get();
        el("ul")
            .class("inline-problems")
            .children(problems.iter().map(|p| {
                error_text(
                    el("li").class("error-message"),
                    lang,
                    &problem_text(lang, p),
                )
            }))
            .into()
    })
}

/// Whether `path` lies within `base` but not within any of `skip`.
pub(super) fn within_except(path: &str, base: &str, skip: &[String]) -> bool {
    path_is_within(path, base) && !skip.iter().any(|s| path_is_within(path, s))
}

/// Whether a member with role `code` is on the team.
fn has_role(members: Memo<Vec<(usize, String)>>, code: StoredValue<String>) -> bool {
    members.with(|m| code.with_value(|c| m.iter().any(|(_, r)| r == c)))
}

/// The team step's screen.
pub fn team_step() -> View {
    component(|| {
        let ctx = use_case();
        let roles = reference()
            .map(|r| r.roles.roles.as_slice())
            .unwrap_or_default();
        let members = member_roles(ctx);
        // The role whose removal is waiting for confirmation.
        let confirming = RwSignal::new(None::<String>);
        let mandatory = roles
            .iter()
            .filter(|r| r.mandatory)
            .map(|r| mandatory_member(ctx, members, &r.code));
        let checkboxes = roles
            .iter()
            .filter(|r| !r.mandatory)
            .map(|r| specialist_choice(ctx, members, confirming, &r.code));
        el("section")
            .attr("aria-labelledby", "step-title")
            .view(error_summary(Step::Team.scope()))
            .child(el("h1").id("step-title").tr("step.team"))
            .child(el("p").class("lead").tr("team.lead"))
            .child(
                el("div")
                    .id("f-team")
                    .attr("tabindex", "-1")
                    .class("team-mandatory")
                    .child(el("h2").tr("team.mandatory.title"))
                    .view(inline_problems(|p| p == "/team"))
                    .child(el("ul").class("team-fixed").children(mandatory)),
            )
            .child(
                el("fieldset")
                    .class("team-specialists")
                    .attr("aria-describedby", "team-specialists-hint")
                    .child(el("legend").tr("team.specialists.legend"))
                    .child(
                        el("p")
                            .class("hint")
                            .id("team-specialists-hint")
                            .tr("team.specialists.hint"),
                    )
                    .children(checkboxes),
            )
            .child(el("h2").tr("team.members.title"))
            .dyn_view(move || {
                members
                    .get()
                    .into_iter()
                    .map(|(i, role)| team_member(i, role))
                    .collect()
            })
            .view(step_actions(Step::Team))
            .into()
    })
}

/// One of the members always on the team: present, or missing with a button to add it.
fn mandatory_member(ctx: CaseCtx, members: Memo<Vec<(usize, String)>>, code: &str) -> El {
    let lang = use_app().lang;
    let code = StoredValue::new(code.to_string());
    el("li").dyn_view(move || {
        let present = has_role(members, code);
        let lang = lang.get();
        let role = role_name(lang, &code.get_value());
        let params = [("role", role.as_str())];
        if present {
            el("span")
                .text("✓ ")
                .text(&tf(lang, "team.mandatory.present", &params))
                .into()
        } else {
            View::empty()
                .and(el("span").class("error-message").text(&tf(
                    lang,
                    "team.mandatory.missing",
                    &params,
                )))
                .and_view(View::text(" "))
                .and(
                    button("button button-secondary button-small")
                        .on("click", move |_| {
                            ctx.update(|c| {
                                team_edit::add_member(c, &code.get_value());
                            });
                        })
                        .text(&tf(lang, "team.mandatory.add", &params)),
                )
        }
    })
}

/// A specialist's checkbox; unticking one who has recorded scores asks first, in place.
fn specialist_choice(
    ctx: CaseCtx,
    members: Memo<Vec<(usize, String)>>,
    confirming: RwSignal<Option<String>>,
    code: &str,
) -> El {
    let lang = use_app().lang;
    let box_id = format!("team-role-{code}");
    let no_id = format!("team-remove-no-{code}");
    let code = StoredValue::new(code.to_string());
    let box_id_for_focus = StoredValue::new(box_id.clone());
    let no_id_for_focus = no_id.clone();
    let on_change = move |ev: web_sys::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let now_checked = input.as_ref().is_some_and(|i| i.checked());
        let role = code.get_value();
        if now_checked {
            confirming.set(None);
            ctx.update(|c| {
                team_edit::add_member(c, &role);
            });
        } else if ctx
            .case
            .with_untracked(|c| team_edit::assessments_of_role(c, &role))
            > 0
        {
            // Keep the box ticked until the user confirms.
            if let Some(i) = input {
                i.set_checked(true);
            }
            confirming.set(Some(role));
            focus_id_later(&no_id_for_focus);
        } else {
            ctx.update(|c| {
                team_edit::remove_role(c, &role);
            });
        }
    };
    let confirm_remove = move |_| {
        let role = code.get_value();
        confirming.set(None);
        ctx.update(|c| {
            team_edit::remove_role(c, &role);
        });
        focus_id_later(&box_id_for_focus.get_value());
    };
    let cancel_remove = move |_| {
        confirming.set(None);
        focus_id_later(&box_id_for_focus.get_value());
    };
    let is_confirming = Memo::new(move |_| {
        confirming.with(|c| code.with_value(|code| c.as_deref() == Some(code.as_str())))
    });
    el("div")
        .class("team-choice")
        .child(
            el("input")
                .attr("type", "checkbox")
                .id(&box_id)
                .class("team-checkbox")
                .prop_bool("checked", move || has_role(members, code))
                .on("change", on_change),
        )
        .child(
            el("label")
                .attr("for", &box_id)
                .text_dyn(move || role_name(lang.get(), &code.get_value())),
        )
        // The region depends on whether this role is waiting for confirmation only, so
        // editing other fields or switching the language keeps its buttons (and focus).
        .dyn_view(move || {
            if !is_confirming.get() {
                return View::empty();
            }
            el("div")
                .class("confirm team-confirm")
                .attr("role", "group")
                .attr_tr("aria-label", "team.remove.confirm_label")
                .child(el("p").text_dyn(move || {
                    let lang = lang.get();
                    let role = code.get_value();
                    let count = ctx.case.with(|c| team_edit::assessments_of_role(c, &role));
                    tf(
                        lang,
                        "team.remove.confirm",
                        &[
                            ("role", &role_name(lang, &role)),
                            ("count", &count.to_string()),
                        ],
                    )
                }))
                .child(
                    button("button button-warning")
                        .on("click", confirm_remove)
                        .tr("team.remove.yes"),
                )
                .child(
                    button("button button-secondary")
                        .id(&no_id)
                        .on("click", cancel_remove)
                        .tr("team.remove.no"),
                )
                .into()
        })
}

/// One member's part of the list: the role as the legend, then the name.
fn team_member(index: usize, role: String) -> El {
    let lang = use_app().lang;
    let base = format!("/team/{index}");
    let name_path = format!("{base}/name");
    let skip = vec![name_path.clone(), format!("{base}/assessments")];
    el("fieldset")
        .class("team-member")
        .child(el("legend").text_dyn(move || role_name(lang.get(), &role)))
        .view(inline_problems(move |p| within_except(p, &base, &skip)))
        .child(
            Field::new(name_path, "team.member.name")
                .hint("team.member.name.hint")
                .view(),
        )
}
