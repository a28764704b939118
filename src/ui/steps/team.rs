//! The team: the social worker and the rehabilitation physician are always on it; they
//! choose which specialists join (one checkbox per role). Removing a specialist who has
//! already recorded scores asks first. Each member can give a name or initials.

use crate::draft::{path_is_within, text_of};
use crate::i18n::{t, tf, Lang};
use crate::team_edit;
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::fields::{problem_text, ErrorSummary, Field, StepActions};
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use leptos::prelude::*;
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
/// they are about: for problems that have no field of their own to show them.
pub(super) fn inline_problems(
    shows: impl Fn(&str) -> bool + Send + Sync + 'static,
) -> impl IntoView {
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
    move || {
        let problems = list.get();
        (!problems.is_empty()).then(|| {
            view! {
                <ul class="inline-problems">
                    {problems.into_iter().map(|p| view! {
                        <li class="error-message">
                            <span class="visually-hidden">{t(lang.get(), "form.error_prefix")}" "</span>
                            {problem_text(lang.get(), &p)}
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// Whether `path` lies within `base` but not within any of `skip`.
pub(super) fn within_except(path: &str, base: &str, skip: &[String]) -> bool {
    path_is_within(path, base) && !skip.iter().any(|s| path_is_within(path, s))
}

/// The team step's screen.
#[component]
pub fn TeamStep() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let roles = reference()
        .map(|r| r.roles.roles.clone())
        .unwrap_or_default();
    let mandatory: Vec<String> = roles
        .iter()
        .filter(|r| r.mandatory)
        .map(|r| r.code.clone())
        .collect();
    let optional: Vec<String> = roles
        .iter()
        .filter(|r| !r.mandatory)
        .map(|r| r.code.clone())
        .collect();
    let members = member_roles(ctx);
    // The role whose removal is waiting for confirmation.
    let confirming = RwSignal::new(None::<String>);

    let mandatory_view = mandatory
        .into_iter()
        .map(|code| {
            let code = StoredValue::new(code);
            let present = move || {
                members.with(|m| code.with_value(|c| m.iter().any(|(_, r)| r == c)))
            };
            let add = move |_| {
                ctx.update(|c| {
                    team_edit::add_member(c, &code.get_value());
                });
            };
            view! {
                <li>
                    {move || if present() {
                        view! { <span>"✓ "{tf(lang.get(), "team.mandatory.present", &[("role", &role_name(lang.get(), &code.get_value()))])}</span> }.into_any()
                    } else {
                        view! {
                            <span class="error-message">{tf(lang.get(), "team.mandatory.missing", &[("role", &role_name(lang.get(), &code.get_value()))])}</span>
                            " "
                            <button type="button" class="button button-secondary button-small" on:click=add>
                                {tf(lang.get(), "team.mandatory.add", &[("role", &role_name(lang.get(), &code.get_value()))])}
                            </button>
                        }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();

    let checkboxes = optional
        .into_iter()
        .map(|code| {
            let box_id = format!("team-role-{code}");
            let no_id = format!("team-remove-no-{code}");
            let code = StoredValue::new(code);
            let checked = move || {
                members.with(|m| code.with_value(|c| m.iter().any(|(_, r)| r == c)))
            };
            let box_id_for_focus = StoredValue::new(box_id.clone());
            let no_id_for_focus = no_id.clone();
            let on_change = move |ev: leptos::ev::Event| {
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
                } else if ctx.case.with_untracked(|c| team_edit::assessments_of_role(c, &role)) > 0 {
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
            let is_confirming = move || confirming.with(|c| code.with_value(|code| c.as_deref() == Some(code.as_str())));
            view! {
                <div class="team-choice">
                    <input type="checkbox" id=box_id.clone() class="team-checkbox"
                        prop:checked=checked on:change=on_change/>
                    <label for=box_id.clone()>{move || role_name(lang.get(), &code.get_value())}</label>
                    {move || is_confirming().then(|| {
                        let count = ctx.case.with(|c| team_edit::assessments_of_role(c, &code.get_value()));
                        view! {
                            <div class="confirm team-confirm" role="group" aria-label=crate::ui::app::tr("team.remove.confirm_label")>
                                <p>{tf(lang.get(), "team.remove.confirm", &[("role", &role_name(lang.get(), &code.get_value())), ("count", &count.to_string())])}</p>
                                <button type="button" class="button button-warning" on:click=confirm_remove>
                                    {t(lang.get(), "team.remove.yes")}
                                </button>
                                <button type="button" class="button button-secondary" id=no_id.clone() on:click=cancel_remove>
                                    {t(lang.get(), "team.remove.no")}
                                </button>
                            </div>
                        }
                    })}
                </div>
            }
        })
        .collect_view();

    let member_list = move || {
        members
            .get()
            .into_iter()
            .map(|(i, role)| {
                let base = format!("/team/{i}");
                let name_path = format!("{base}/name");
                let skip = vec![name_path.clone(), format!("{base}/assessments")];
                view! {
                    <fieldset class="team-member">
                        <legend>{move || role_name(lang.get(), &role)}</legend>
                        {inline_problems(move |p| within_except(p, &base, &skip))}
                        <Field path=name_path label="team.member.name" hint="team.member.name.hint" autocomplete="off"/>
                    </fieldset>
                }
            })
            .collect_view()
    };

    view! {
        <section aria-labelledby="step-title">
            <ErrorSummary scope=Step::Team.scope()/>
            <h1 id="step-title">{crate::ui::app::tr("step.team")}</h1>
            <p class="lead">{crate::ui::app::tr("team.lead")}</p>
            <div id="f-team" tabindex="-1" class="team-mandatory">
                <h2>{crate::ui::app::tr("team.mandatory.title")}</h2>
                {inline_problems(|p| p == "/team")}
                <ul class="team-fixed">{mandatory_view}</ul>
            </div>
            <fieldset class="team-specialists" aria-describedby="team-specialists-hint">
                <legend>{crate::ui::app::tr("team.specialists.legend")}</legend>
                <p class="hint" id="team-specialists-hint">{crate::ui::app::tr("team.specialists.hint")}</p>
                {checkboxes}
            </fieldset>
            <h2>{crate::ui::app::tr("team.members.title")}</h2>
            {member_list}
            <StepActions step=Step::Team/>
        </section>
    }
}
