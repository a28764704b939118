//! The assessment: each team member records an ICF qualifier (0–4, 8, 9, in words) per
//! assessment domain, with a note for each scored domain. An unscored domain is simply
//! absent from the member's `assessments`.
//!
//! One compact grid: a row per domain, a column per team member, a select in each cell
//! (its name says domain and member), the team's summary at the end of each row (the
//! range of severities, 8 and 9 counted apart, how many scored), and each cell's note
//! folded under it. The child's ICF domains come first; the family's needs, which the
//! reference data keeps beside them but which are not ICF domains, are a group of their
//! own and say so. On a wide screen the rows line up as a table (a header row names the
//! members); on a phone each domain is a card whose cells sit two by two with the member
//! named in each — no sideways scrolling and no scroll container, because a grid that
//! must be scrolled both ways inside the page is harder to use with a thumb and with a
//! screen magnifier than a taller page.

use super::team::{inline_problems, member_roles, role_name, within_except};
use crate::draft::{field_id, text_of};
use crate::engine::reference::AssessmentDomain;
use crate::i18n::{t, tf, Lang};
use crate::team_edit::{self, DomainSummary, QUALIFIERS};
use crate::ui::app::use_app;
use crate::ui::form::{ErrorSummary, Field, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};

/// A domain as the grid names it: "Mobilitāte (d4)", or for a family need "Ģimenes atelpa
/// (ģimenes vajadzība, nav SFK joma)".
fn domain_name(lang: Lang, domain: &AssessmentDomain) -> String {
    let name = match lang {
        Lang::Lv => &domain.name.lv,
        Lang::En => &domain.name.en,
    };
    match &domain.icf {
        Some(icf) => format!("{name} ({icf})"),
        None => format!("{name} ({})", t(lang, "assessment.grid.not_icf")),
    }
}

/// Up to this many members, a wide screen shows the grid as a table (a column each);
/// with more, each domain is a card as on a phone, so no select gets too narrow to read.
const TABLE_MAX_MEMBERS: usize = 5;

/// The domains of the reference data (none if it could not be read).
fn domains() -> &'static [AssessmentDomain] {
    reference()
        .map(|r| r.domains.domains.as_slice())
        .unwrap_or_default()
}

/// A member as the grid names them: "Fizioterapeits: A. Bērziņa", or the role alone.
fn member_title(lang: Lang, ctx: CaseCtx, member: usize, role: &str) -> String {
    let role = role_name(lang, role);
    let name = ctx.case.with(|c| {
        text_of(c.pointer(&format!("/team/{member}/name")))
            .trim()
            .to_string()
    });
    if name.is_empty() {
        role
    } else {
        tf(
            lang,
            "assessment.member",
            &[("role", &role), ("name", &name)],
        )
    }
}

/// The assessment step's screen.
#[component]
pub fn AssessmentStep() -> impl IntoView {
    let ctx = use_case();
    let members = member_roles(ctx);
    view! {
        <section aria-labelledby="step-title" class="assessment-step">
            <ErrorSummary scope=Step::Assessment.scope() />
            <h1 id="step-title">{tr("step.assessment")}</h1>
            <p class="lead">{tr("assessment.lead")}</p>
            <details class="assess-scale">
                <summary>{tr("assessment.scale.title")}</summary>
                <p>{tr("assessment.scale.body")}</p>
            </details>
            {move || grid(members.get())}
            <StepActions step=Step::Assessment />
        </section>
    }
}

/// The whole grid for the team `members` (index, role): problems that have no cell of
/// their own, then the ICF domains and the family needs.
fn grid(members: Vec<(usize, String)>) -> AnyView {
    untrack(move || {
        let ctx = use_case();
        let all = domains();
        let strays = members
            .iter()
            .map(|(i, _)| stray_problems(ctx, *i))
            .collect_view();
        let icf: Vec<&'static AssessmentDomain> = all.iter().filter(|d| d.icf.is_some()).collect();
        let family: Vec<&'static AssessmentDomain> =
            all.iter().filter(|d| d.icf.is_none()).collect();
        let icf_group = domain_group(
            "assess-icf",
            "assessment.grid.icf",
            "assessment.grid.icf.hint",
            icf,
            &members,
        );
        let family_group = domain_group(
            "assess-family",
            "assessment.grid.family",
            "assessment.grid.family.hint",
            family,
            &members,
        );
        view! {
            {strays}
            {icf_group}
            {family_group}
        }
        .into_any()
    })
}

/// Problems of member `member`'s entries whose domain this screen does not show (e.g. an
/// unknown code from an imported file), or of the list itself.
fn stray_problems(ctx: CaseCtx, member: usize) -> AnyView {
    let domains = domains();
    let base = format!("/team/{member}/assessments");
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
    inline_problems(stray)
}

/// One group of domains: its heading and hint, the header row naming the members, a row
/// per domain. Nothing when the reference data has no domain of the group.
fn domain_group(
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    group: Vec<&'static AssessmentDomain>,
    members: &[(usize, String)],
) -> AnyView {
    if group.is_empty() {
        return ().into_any();
    }
    let lang = use_app().lang;
    let ctx = use_case();
    let total = domains().len();
    let head_cells = members
        .iter()
        .map(|(member, role)| {
            let member = *member;
            let role = role.clone();
            let codes: Vec<&'static str> = domains().iter().map(|d| d.code.as_str()).collect();
            let scored = Memo::new(move |_| {
                ctx.case
                    .with(|c| team_edit::scored_count(c, member, &codes))
            });
            view! {
                <div class="assess-cell">
                    <span class="assess-member-name">
                        {move || member_title(lang.get(), ctx, member, &role)}
                    </span>
                    <span class="assess-count">
                        {move || {
                            tf(
                                lang.get(),
                                "assessment.grid.count",
                                &[
                                    ("scored", &scored.get().to_string()),
                                    ("total", &total.to_string()),
                                ],
                            )
                        }}
                    </span>
                </div>
            }
        })
        .collect_view();
    let indexes: Vec<usize> = members.iter().map(|(i, _)| *i).collect();
    let rows = group
        .into_iter()
        .map(|d| domain_row(d, members, indexes.clone()))
        .collect_view();
    let as_table = members.len() <= TABLE_MAX_MEMBERS;
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <section
            class="assess-group"
            class:assess-table=as_table
            aria-labelledby=labelled_by
        >
            <h2 id=title_id>{tr(title)}</h2>
            <p class="hint">{tr(hint)}</p>
            // The members' names for the eye; every select carries its own full name.
            <div class="assess-row assess-head" aria-hidden="true">
                <div class="assess-domain">{tr("assessment.grid.domain")}</div>
                {head_cells}
            </div>
            {rows}
        </section>
    }
    .into_any()
}

/// One domain's row: its name, a cell per member, the team's summary.
fn domain_row(
    domain: &'static AssessmentDomain,
    members: &[(usize, String)],
    indexes: Vec<usize>,
) -> AnyView {
    let lang = use_app().lang;
    let ctx = use_case();
    let code = domain.code.as_str();
    let name_id = format!("domain-{code}");
    let labelled_by = name_id.clone();
    let cells = members
        .iter()
        .map(|(member, role)| domain_cell(*member, role.clone(), domain))
        .collect_view();
    let summary = Memo::new(move |_| {
        ctx.case
            .with(|c| team_edit::domain_summary(c, &indexes, code))
    });
    view! {
        <div
            class="assess-row"
            class:assess-family=domain.icf.is_none()
            role="group"
            aria-labelledby=labelled_by
        >
            <div class="assess-domain">
                <span class="assess-domain-name" id=name_id>
                    {move || domain_name(lang.get(), domain)}
                </span>
                <span class="assess-summary">
                    <span class="visually-hidden">{tr("assessment.grid.summary")} ": "</span>
                    {move || summary_text(lang.get(), summary.get())}
                </span>
            </div>
            {cells}
        </div>
    }
    .into_any()
}

/// The team's summary of a domain in words: "1 (viegla) – 3 (smaga); novērtējuši 2 no 3".
fn summary_text(lang: Lang, s: DomainSummary) -> String {
    if s.scored == 0 {
        return t(lang, "assessment.grid.none").to_string();
    }
    let word = |q: u8| t(lang, &format!("assessment.grid.q.{q}")).to_string();
    let mut parts = Vec::new();
    match (s.lowest, s.highest) {
        (Some(low), Some(high)) if low == high => parts.push(word(low)),
        (Some(low), Some(high)) => parts.push(tf(
            lang,
            "assessment.grid.range",
            &[("low", &word(low)), ("high", &word(high))],
        )),
        _ => {}
    }
    for (count, q) in [(s.not_specified, 8), (s.not_applicable, 9)] {
        if count > 0 {
            parts.push(tf(
                lang,
                "assessment.grid.other",
                &[("what", &word(q)), ("count", &count.to_string())],
            ));
        }
    }
    parts.push(tf(
        lang,
        "assessment.grid.scored",
        &[
            ("scored", &s.scored.to_string()),
            ("total", &s.total.to_string()),
        ],
    ));
    parts.join("; ")
}

/// One domain of one member: the qualifier choice and, once scored, a folded note.
fn domain_cell(member: usize, role: String, domain: &'static AssessmentDomain) -> AnyView {
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
        let who = StoredValue::new(role);
        let member_name = move || who.with_value(|r| member_title(lang.get(), ctx, member, r));
        // " — Mobility (d4), Physiotherapist: A. Bērziņa": what the note's label adds for
        // assistive technology, where every cell's note is called "Note". (A dash after a
        // space: a browser may put a space between the visible and the hidden text.)
        let detail = Signal::derive(move || {
            format!(" — {}, {}", domain_name(lang.get(), domain), member_name())
        });
        view! {
            <div class="assess-cell" class:form-group-error=move || has_problem.get()>
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
                <label class="assess-cell-label" for=move || Some(select_id())>
                    <span class="visually-hidden">
                        {move || domain_name(lang.get(), domain)} ", "
                    </span>
                    {member_name}
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
                {move || index.get().map(|j| note_disclosure(ctx, member, j, detail))}
            </div>
        }
        .into_any()
    })
}

/// The note of entry `j` of member `member`, folded: the summary says whether a note is
/// written; it opens by itself when the note has a problem to show.
fn note_disclosure(ctx: CaseCtx, member: usize, j: usize, detail: Signal<String>) -> AnyView {
    let path = format!("/team/{member}/assessments/{j}/note");
    let path_for_text = path.clone();
    let path_for_problem = path.clone();
    let written = Memo::new(move |_| {
        ctx.case
            .with(|c| !text_of(c.pointer(&path_for_text)).trim().is_empty())
    });
    let has_problem = Memo::new(move |_| {
        ctx.show_errors.get()
            && ctx
                .problems
                .with(|all| all.iter().any(|p| p.path == path_for_problem))
    });
    let lang = use_app().lang;
    view! {
        <details class="assess-note" prop:open=move || has_problem.get()>
            <summary>
                {tr("assessment.note")}
                <span class="visually-hidden">{move || detail.get()}</span>
                {move || {
                    written
                        .get()
                        .then(|| format!(" — {}", t(lang.get(), "assessment.grid.note_written")))
                }}
            </summary>
            {Field::new(path, "assessment.note")
                .hint("assessment.note.hint")
                .multiline()
                .label_detail(detail)
                .view()}
        </details>
    }
    .into_any()
}
