//! The team: the social worker and the rehabilitation physician are always on it; they
//! choose which specialists join (one checkbox per role). Removing a specialist who has
//! already recorded scores asks first. Each member can give a name or initials.

use crate::draft::{path_is_within, text_of};
use crate::i18n::{tf, Lang};
use crate::team_edit;
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_text, field_problem, ErrorSummary, Field, StepActions};
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
pub(super) fn inline_problems(shows: impl Fn(&str) -> bool + Send + Sync + 'static) -> AnyView {
    inline_problems_boxed(Box::new(shows))
}

#[inline(never)]
fn inline_problems_boxed(shows: Box<dyn Fn(&str) -> bool + Send + Sync>) -> AnyView {
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
    (move || {
        let problems = list.get();
        if problems.is_empty() {
            return ().into_any();
        }
        let lang = lang.get();
        let items = problems
            .iter()
            .map(|p| {
                let text = ctx.case.with_untracked(|c| field_problem(lang, c, p));
                view! { <li class="error-message">{error_text(lang, &text)}</li> }
            })
            .collect_view();
        view! { <ul class="inline-problems">{items}</ul> }.into_any()
    })
    .into_any()
}

/// Whether `path` lies within `base` but not within any of `skip`.
pub(super) fn within_except(path: &str, base: &str, skip: &[String]) -> bool {
    path_is_within(path, base) && !skip.iter().any(|s| path_is_within(path, s))
}

/// Whether a member with role `code` is on the team.
fn has_role(members: Memo<Vec<(usize, String)>>, code: &str) -> bool {
    members.with(|m| m.iter().any(|(_, r)| r == code))
}

/// The team step's screen.
#[component]
pub fn TeamStep() -> impl IntoView {
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
        .map(|r| mandatory_member(ctx, members, &r.code))
        .collect_view();
    let checkboxes = roles
        .iter()
        .filter(|r| !r.mandatory)
        .map(|r| specialist_choice(ctx, members, confirming, &r.code))
        .collect_view();
    view! {
        <section aria-labelledby="step-title">
            <ErrorSummary scope=Step::Team.scope() />
            <h1 id="step-title">{tr("step.team")}</h1>
            <p class="lead">{tr("team.lead")}</p>
            <div id="f-team" tabindex="-1" class="team-mandatory">
                <h2>{tr("team.mandatory.title")}</h2>
                {inline_problems(|p| p == "/team")}
                <ul class="team-fixed">{mandatory}</ul>
            </div>
            <fieldset class="team-specialists" aria-describedby="team-specialists-hint">
                <legend>{tr("team.specialists.legend")}</legend>
                <p class="hint" id="team-specialists-hint">{tr("team.specialists.hint")}</p>
                {checkboxes}
            </fieldset>
            <h2>{tr("team.members.title")}</h2>
            {move || {
                members
                    .get()
                    .into_iter()
                    .map(|(i, role)| team_member(i, role))
                    .collect_view()
            }}
            <StepActions step=Step::Team />
        </section>
    }
}

/// One of the members always on the team: present, or missing with a button to add it.
fn mandatory_member(
    ctx: CaseCtx,
    members: Memo<Vec<(usize, String)>>,
    code: &'static str,
) -> AnyView {
    let lang = use_app().lang;
    view! {
        <li>
            {move || {
                let present = has_role(members, code);
                let lang = lang.get();
                let role = role_name(lang, code);
                let params = [("role", role.as_str())];
                if present {
                    view! { <span>"✓ "{tf(lang, "team.mandatory.present", &params)}</span> }
                        .into_any()
                } else {
                    view! {
                        <span class="error-message">
                            {tf(lang, "team.mandatory.missing", &params)}
                        </span>
                        " "
                        <button
                            type="button"
                            class="button button-secondary button-small"
                            on:click=move |_| {
                                ctx.update(|c| {
                                    team_edit::add_member(c, code);
                                });
                            }
                        >
                            {tf(lang, "team.mandatory.add", &params)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </li>
    }
    .into_any()
}

/// A specialist's checkbox; unticking one who has recorded scores asks first, in place.
fn specialist_choice(
    ctx: CaseCtx,
    members: Memo<Vec<(usize, String)>>,
    confirming: RwSignal<Option<String>>,
    code: &'static str,
) -> AnyView {
    let lang = use_app().lang;
    let box_id = format!("team-role-{code}");
    let no_id = format!("team-remove-no-{code}");
    let no_id_for_focus = no_id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let now_checked = input.as_ref().is_some_and(|i| i.checked());
        if now_checked {
            confirming.set(None);
            ctx.update(|c| {
                team_edit::add_member(c, code);
            });
        } else if ctx
            .case
            .with_untracked(|c| team_edit::assessments_of_role(c, code))
            > 0
        {
            // Keep the box ticked until the user confirms.
            if let Some(i) = input {
                i.set_checked(true);
            }
            confirming.set(Some(code.to_string()));
            focus_id_later(&no_id_for_focus);
        } else {
            ctx.update(|c| {
                team_edit::remove_role(c, code);
            });
        }
    };
    let box_id_for_focus = box_id.clone();
    let confirm_remove = move |_: leptos::ev::MouseEvent| {
        confirming.set(None);
        ctx.update(|c| {
            team_edit::remove_role(c, code);
        });
        focus_id_later(&box_id_for_focus);
    };
    let box_id_for_cancel = box_id.clone();
    let cancel_remove = move |_: leptos::ev::MouseEvent| {
        confirming.set(None);
        focus_id_later(&box_id_for_cancel);
    };
    let is_confirming = Memo::new(move |_| confirming.with(|c| c.as_deref() == Some(code)));
    view! {
        <div class="team-choice">
            <input
                type="checkbox"
                id=box_id.clone()
                class="team-checkbox"
                prop:checked=move || has_role(members, code)
                on:change=on_change
            />
            <label for=box_id>{move || role_name(lang.get(), code)}</label>
            // The region depends on whether this role is waiting for confirmation only, so
            // editing other fields or switching the language keeps its buttons (and focus).
            {move || {
                if !is_confirming.get() {
                    return ().into_any();
                }
                view! {
                    <div
                        class="confirm team-confirm"
                        role="group"
                        aria-label=tr("team.remove.confirm_label")
                    >
                        <p>
                            {move || {
                                let lang = lang.get();
                                let count = ctx
                                    .case
                                    .with(|c| team_edit::assessments_of_role(c, code));
                                tf(
                                    lang,
                                    "team.remove.confirm",
                                    &[
                                        ("role", &role_name(lang, code)),
                                        ("count", &count.to_string()),
                                    ],
                                )
                            }}
                        </p>
                        <button
                            type="button"
                            class="button button-warning"
                            on:click=confirm_remove.clone()
                        >
                            {tr("team.remove.yes")}
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            id=no_id.clone()
                            on:click=cancel_remove.clone()
                        >
                            {tr("team.remove.no")}
                        </button>
                    </div>
                }
                    .into_any()
            }}
        </div>
    }
    .into_any()
}

/// One member's part of the list: the role as the legend, then the name.
fn team_member(index: usize, role: String) -> AnyView {
    let lang = use_app().lang;
    let base = format!("/team/{index}");
    let name_path = format!("{base}/name");
    let skip = vec![name_path.clone(), format!("{base}/assessments")];
    view! {
        <fieldset class="team-member">
            <legend>{move || role_name(lang.get(), &role)}</legend>
            {inline_problems(move |p| within_except(p, &base, &skip))}
            {Field::new(name_path, "team.member.name").hint("team.member.name.hint").view()}
        </fieldset>
    }
    .into_any()
}
