//! The provision step (issue 14), after the plan is signed: the provider list (the
//! made-up example, or a municipality's file kept on this device), per funded line the
//! parents' choice of provider and the arrangement, the monthly statements with
//! allocated / delivered / available as a table and a chart, the guarantee letters to
//! print, the bookkeeping downloads and an amendment of the plan's quantities. The
//! record lives in the case at `/provision` (`ib-provision/1`); the logic is in
//! [`crate::provision_edit`] and the engine, and every edit is checked there first: a
//! refused one changes nothing and is told at its field. Texts are the chunk's own rows
//! (`i18n::ui_provision::PART_ROWS`, read with `t_in`), kept out of the first load.

use crate::engine::date::Date;
use crate::engine::plan::plan_with_reference;
use crate::engine::problem::Problem;
use crate::engine::providers::ProviderList;
use crate::engine::provision::{
    guarantee_letters, payments_csv, plan_facts, ArrangementKind, FundedLine, GuaranteeLetter,
    PlanFacts, ProvisionRecord, ProvisionReport,
};
use crate::files::FileKind;
use crate::i18n::{format_date, format_money, t_in, Lang, PROVISION_PART};
use crate::plan_view::count_text;
use crate::provision_edit::{
    self as edit, apply_choice, apply_delivery, choice_input, read_provider_list, remove_delivery,
    write_record, ChoiceInput, ProviderInput, Standing, EXAMPLE_PROVIDERS,
};
use crate::signing::{read_signatures, signature_views, SignatureState};
use crate::storage;
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use rust_decimal::Decimal;
use serde_json::Value;

/// A text of this chunk.
fn w(lang: Lang, key: &str) -> &'static str {
    t_in(PROVISION_PART, lang, key)
}

/// A text of this chunk with its `{name}` placeholders filled.
fn wf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = w(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A fixed text of this chunk that follows the language.
fn wr(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || w(lang.get(), key)
}

/// A problem in words (this chunk's rows first, then the catalogue).
fn words(lang: Lang, problem: &Problem) -> String {
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    wf(lang, &problem.key, &params)
}

fn date_text(lang: Lang, date: Date) -> String {
    format_date(
        lang,
        date.year(),
        u32::from(date.month()),
        u32::from(date.day()),
    )
}

fn service_name(lang: Lang, line: &FundedLine) -> String {
    match lang {
        Lang::Lv => line.name.lv.clone(),
        Lang::En => line.name.en.clone(),
    }
}

/// Where the step stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// The case has no plan yet.
    NoPlan,
    /// The plan is not signed (`amended`: a record of an earlier version exists).
    NotSigned { amended: bool },
    /// The record names another plan version.
    OtherPlan,
    /// The record cannot be read.
    Unreadable(Vec<Problem>),
    /// Ready for this plan (by its digest).
    Ready(String),
}

/// Everything the step shows, from the case and the provider list (one memo, so no view
/// reads a memo derived from another: see ARCHITECTURE.md on `reactive_graph`).
#[derive(Clone, Debug, PartialEq)]
struct Now {
    phase: Phase,
    plan: Option<Value>,
    facts: Option<PlanFacts>,
    record: Option<ProvisionRecord>,
    report: Option<Result<ProvisionReport, Vec<Problem>>>,
}

fn default_social_service(case: &Value) -> String {
    let code = case
        .pointer("/child/municipality")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let name = reference()
        .ok()
        .and_then(|r| r.regions.municipality(code).map(|(_, m)| m.name.clone()));
    match name {
        Some(name) => format!("Sociālais dienests ({name})"),
        None => "Sociālais dienests".to_string(),
    }
}

fn now_of(case: &Value, list: Option<&ProviderList>) -> Now {
    let empty = |phase| Now {
        phase,
        plan: None,
        facts: None,
        record: None,
        report: None,
    };
    let Ok(reference) = reference() else {
        return empty(Phase::NoPlan);
    };
    let Ok(plan) = plan_with_reference(case, reference) else {
        return empty(Phase::NoPlan);
    };
    let Ok(facts) = plan_facts(&plan) else {
        return empty(Phase::NoPlan);
    };
    let signed = signature_views(&plan, &read_signatures(case))
        .iter()
        .any(|v| v.state == SignatureState::Valid);
    let standing = edit::standing(case, &facts, &default_social_service(case));
    let mut now = Now {
        phase: Phase::NoPlan,
        plan: Some(plan),
        facts: None,
        record: None,
        report: None,
    };
    match standing {
        Standing::Unreadable(problems) => now.phase = Phase::Unreadable(problems),
        Standing::OtherPlan { .. } if !signed => now.phase = Phase::NotSigned { amended: true },
        Standing::OtherPlan { .. } => now.phase = Phase::OtherPlan,
        Standing::Ready { record, .. } if !signed => {
            now.phase = Phase::NotSigned {
                amended: !record.previous_plan_digests.is_empty(),
            }
        }
        Standing::Ready { record, .. } => {
            now.phase = Phase::Ready(facts.digest.clone());
            now.report = Some(edit::report(&facts, &record, list));
            now.record = Some(record);
            now.facts = Some(facts);
        }
    }
    now
}

/// Where the provider list on show came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Example,
    Device,
}

fn example_list() -> Option<ProviderList> {
    let catalogue = reference().ok().map(|r| &r.catalogue);
    read_provider_list(EXAMPLE_PROVIDERS, catalogue).ok()
}

/// The step's context: the case, what it stands at, the provider list.
#[derive(Clone, Copy)]
struct Prov {
    ctx: CaseCtx,
    now: Memo<Now>,
    list: RwSignal<Option<ProviderList>>,
    source: RwSignal<Source>,
}

impl Prov {
    /// Writes a record into the case (saved at once).
    fn save(&self, record: &ProvisionRecord) {
        self.ctx.update(|case| {
            write_record(case, record);
        });
    }
}

/// The provision step's screen.
#[component]
pub fn ProvisionStep() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let catalogue = reference().ok().map(|r| &r.catalogue);
    let (initial, source) = match storage::load_provider_list()
        .and_then(|text| read_provider_list(&text, catalogue).ok())
    {
        Some(list) => (Some(list), Source::Device),
        None => (example_list(), Source::Example),
    };
    let list = RwSignal::new(initial);
    let source = RwSignal::new(source);
    let now =
        Memo::new(move |_| list.with(|list| ctx.case.with(|case| now_of(case, list.as_ref()))));
    let phase = Memo::new(move |_| now.with(|n| n.phase.clone()));
    let prov = Prov {
        ctx,
        now,
        list,
        source,
    };
    let sign_link = move || Screen::Case {
        id: ctx.id.get_value(),
        step: Step::Sign,
    };
    view! {
        <section aria-labelledby="step-title" class="provision-screen">
            <h1 id="step-title">{tr("step.provision")}</h1>
            {move || {
                let l = lang.get();
                match phase.get() {
                    Phase::Ready(_) => untrack(|| ready(prov)),
                    Phase::NoPlan | Phase::NotSigned { .. } | Phase::OtherPlan
                    | Phase::Unreadable(_) => {
                        let (title, body) = match phase.get_untracked() {
                            Phase::NoPlan => ("provision.blocked.no_plan", "provision.blocked.no_plan.body"),
                            Phase::NotSigned { amended: true } => ("provision.blocked.amended", "provision.blocked.amended.body"),
                            Phase::OtherPlan => ("provision.blocked.other_plan", "provision.blocked.other_plan.body"),
                            Phase::Unreadable(_) => ("provision.blocked.unreadable", "provision.blocked.unreadable.body"),
                            _ => ("provision.blocked.not_signed", "provision.blocked.not_signed.body"),
                        };
                        let problems = match phase.get_untracked() {
                            Phase::Unreadable(p) => p,
                            _ => Vec::new(),
                        };
                        view! {
                            <div class="alert alert-warning" id="provision-blocked" tabindex="-1">
                                <h2>{w(l, title)}</h2>
                                <p>{w(l, body)}</p>
                                <ul>
                                    {problems
                                        .iter()
                                        .map(|p| view! { <li>{format!("{} {}", p.path, words(l, p))}</li> })
                                        .collect_view()}
                                </ul>
                                <p>
                                    <a
                                        href=sign_link().hash()
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            app.navigate(sign_link());
                                        }
                                    >
                                        {w(l, "provision.blocked.link")}
                                    </a>
                                </p>
                            </div>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}

/// The step once the plan is signed.
fn ready(prov: Prov) -> AnyView {
    let now = prov.now.get_untracked();
    let (Some(facts), Some(record)) = (now.facts, now.record) else {
        return ().into_any();
    };
    let letter_choice = RwSignal::new(None::<String>);
    view! {
        <p class="lead">{wr("provision.lead")}</p>
        {record_problems(prov)}
        {provider_list_section(prov)}
        {social_service_section(prov, &record)}
        <section aria-labelledby="choices-title" class="provision-part">
            <h2 id="choices-title">{wr("provision.choices.title")}</h2>
            <p class="hint">{wr("provision.choices.hint")}</p>
            {facts
                .lines
                .iter()
                .enumerate()
                .map(|(i, line)| choice_form(prov, i, line.clone(), &record))
                .collect_view()}
        </section>
        {delivery_section(prov, &facts)}
        {figures_section(prov)}
        {letters_section(prov, letter_choice)}
        {downloads_section(prov)}
        {amend_section(prov, &facts)}
        {letter_print(prov, letter_choice)}
    }
    .into_any()
}

/// The report's problems (e.g. a provider no longer on the list), when it cannot be made.
fn record_problems(prov: Prov) -> AnyView {
    let lang = use_app().lang;
    (move || {
        let l = lang.get();
        prov.now.with(|n| match &n.report {
            Some(Err(problems)) => view! {
                <div class="alert alert-error" role="alert" id="provision-problems">
                    <h2>{w(l, "provision.report.problems")}</h2>
                    <ul>
                        {problems.iter().map(|p| view! { <li>{words(l, p)}</li> }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        })
    })
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 1: the provider list.

#[derive(Clone, Debug, PartialEq)]
enum ListNote {
    None,
    Loaded {
        name: String,
        kept: bool,
    },
    Refused {
        name: String,
        problems: Vec<Problem>,
    },
}

fn load_list_file(prov: Prov, note: RwSignal<ListNote>, file: web_sys::File) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let result = match browser::read_file_text(&file, FileKind::Providers).await {
            Ok(text) => {
                let catalogue = reference().ok().map(|r| &r.catalogue);
                read_provider_list(&text, catalogue).map(|list| (list, text))
            }
            Err(error) => Err(vec![error.problem("provision.providers.unreadable")]),
        };
        let next = match result {
            Ok((list, text)) => {
                let kept = storage::save_provider_list(Some(&text)).is_ok();
                if prov.list.try_set(Some(list)).is_some() {
                    return;
                }
                let _ = prov.source.try_set(Source::Device);
                ListNote::Loaded { name, kept }
            }
            Err(problems) => ListNote::Refused { name, problems },
        };
        if note.try_set(next).is_none() {
            browser::focus_id_later("providers-note");
        }
    });
}

fn provider_list_section(prov: Prov) -> AnyView {
    let lang = use_app().lang;
    let note = RwSignal::new(ListNote::None);
    let dragging = RwSignal::new(false);
    let back_to_example = move |_| {
        let _ = storage::save_provider_list(None);
        prov.list.set(example_list());
        prov.source.set(Source::Example);
        note.set(ListNote::None);
        browser::focus_id_later("providers-title");
    };
    view! {
        <section aria-labelledby="providers-title" class="provision-part">
            <h2 id="providers-title" tabindex="-1">{wr("provision.providers.title")}</h2>
            <p id="providers-version">
                {move || {
                    let l = lang.get();
                    prov.list
                        .with(|list| match list {
                            Some(list) => wf(
                                l,
                                "provision.providers.version",
                                &[
                                    ("version", &list.version),
                                    ("date", &date_text(l, list.date)),
                                    ("count", &list.providers.len().to_string()),
                                ],
                            ),
                            None => w(l, "provision.providers.none").to_string(),
                        })
                }}
            </p>
            {move || {
                let l = lang.get();
                (prov.source.get() == Source::Example)
                    .then(|| {
                        let note = prov
                            .list
                            .with(|list| {
                                list.as_ref()
                                    .and_then(|list| list.note.as_ref())
                                    .map(|n| match l {
                                        Lang::Lv => n.lv.clone(),
                                        Lang::En => n.en.clone(),
                                    })
                            })
                            .unwrap_or_default();
                        view! {
                            <div class="notice example-note" id="providers-example">
                                <p><strong>{w(l, "provision.providers.example")}</strong></p>
                                <p>{note}</p>
                            </div>
                        }
                    })
            }}
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev| {
                    ev.prevent_default();
                    dragging.set(false);
                    if let Some(file) = browser::dropped_file(&ev) {
                        load_list_file(prov, note, file);
                    }
                }
            >
                <div class="form-group">
                    <label class="label" for="providers-file">{wr("provision.providers.file")}</label>
                    <p class="hint" id="providers-file-hint">{wr("provision.providers.file.hint")}</p>
                    <input
                        type="file"
                        id="providers-file"
                        class="file-input"
                        accept=".json,application/json"
                        aria-describedby="providers-file-hint"
                        on:change=move |ev| {
                            if let Some(file) = browser::take_chosen_file(&ev) {
                                load_list_file(prov, note, file);
                            }
                        }
                    />
                </div>
                <p class="drop-hint">{wr("provision.providers.drop")}</p>
            </div>
            {move || {
                let l = lang.get();
                match note.get() {
                    ListNote::None => ().into_any(),
                    ListNote::Loaded { name, kept } => view! {
                        <p class="notice" role="status" id="providers-note" tabindex="-1">
                            {wf(l, "provision.providers.loaded", &[("file", &name)])}
                            " "
                            {(!kept).then(|| w(l, "provision.providers.not_kept"))}
                        </p>
                    }
                    .into_any(),
                    ListNote::Refused { name, problems } => view! {
                        <div class="alert alert-error" role="alert" id="providers-note" tabindex="-1">
                            <p>
                                <strong>{wf(l, "provision.providers.refused", &[("file", &name)])}</strong>
                            </p>
                            <ul>
                                {problems
                                    .iter()
                                    .map(|p| {
                                        let place = if p.path.is_empty() {
                                            String::new()
                                        } else {
                                            format!("{}: ", p.path)
                                        };
                                        view! { <li>{place}{words(l, p)}</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                    .into_any(),
                }
            }}
            {move || {
                (prov.source.get() == Source::Device)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                id="providers-example-again"
                                on:click=back_to_example
                            >
                                {wr("provision.providers.use_example")}
                            </button>
                        }
                    })
            }}
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// The social service named on letters.

fn social_service_section(prov: Prov, record: &ProvisionRecord) -> AnyView {
    let lang = use_app().lang;
    let text = RwSignal::new(record.social_service.clone());
    let error = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        let value = text.get_untracked().trim().to_string();
        if value.is_empty() {
            error.set(Some("provision.form.required"));
            return;
        }
        error.set(None);
        let Some(mut record) = prov.now.with_untracked(|n| n.record.clone()) else {
            return;
        };
        record.social_service = value;
        prov.save(&record);
    };
    view! {
        <div class="form-group provision-part">
            <label class="label" for="social-service">{wr("provision.social_service")}</label>
            <p class="hint" id="social-service-hint">{wr("provision.social_service.hint")}</p>
            {move || {
                error
                    .get()
                    .map(|key| {
                        view! {
                            <p class="error-message" id="social-service-error">
                                {crate::ui::form::error_text(lang.get(), w(lang.get(), key))}
                            </p>
                        }
                    })
            }}
            <input
                type="text"
                id="social-service"
                class="input"
                aria-describedby="social-service-hint"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=save
            />
        </div>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 2: the parents' choice of provider and the arrangement, per funded line.

/// The select's value of a provider input.
fn provider_value(input: &ProviderInput) -> String {
    match input {
        ProviderInput::None => String::new(),
        ProviderInput::Listed(number) => format!("listed:{number}"),
        ProviderInput::Other { .. } => "other".to_string(),
    }
}

fn kind_value(kind: Option<ArrangementKind>) -> &'static str {
    kind.map_or("", ArrangementKind::code)
}

/// One typed field of the "another provider" details.
fn other_field(
    id: String,
    label: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> AnyView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{wr(label)}</label>
            {move || error.get().map(|text| view! {
                <p class="error-message" id=error_id.clone()>{text}</p>
            })}
            <input
                type="text"
                id=id
                class="input"
                aria-describedby=move || error.get().map(|_| described.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
    .into_any()
}

fn choice_form(prov: Prov, i: usize, line: FundedLine, record: &ProvisionRecord) -> AnyView {
    let lang = use_app().lang;
    let input = choice_input(record, &line.code);
    let (other_name, other_number, other_address, other_contact, other_price) =
        match &input.provider {
            ProviderInput::Other {
                name,
                register_number,
                address,
                contact,
                unit_price,
            } => (
                name.clone(),
                register_number.clone(),
                address.clone(),
                contact.clone(),
                unit_price.clone(),
            ),
            _ => Default::default(),
        };
    let provider = RwSignal::new(provider_value(&input.provider));
    let name = RwSignal::new(other_name);
    let number_other = RwSignal::new(other_number);
    let address = RwSignal::new(other_address);
    let contact = RwSignal::new(other_contact);
    let price = RwSignal::new(other_price);
    let kind = RwSignal::new(kind_value(input.kind).to_string());
    let number = RwSignal::new(input.number.clone());
    let date = RwSignal::new(input.date.clone());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let saved = RwSignal::new(false);
    let code = line.code.clone();
    let id = move |field: &str| format!("line-{i}-{field}");
    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            let l = lang.get();
            problems.with(|ps| ps.iter().find(|p| p.path == field).map(|p| words(l, p)))
        })
    };
    let save = {
        let code = code.clone();
        move |_| {
            let chosen = provider.get_untracked();
            let provider_input = if chosen == "other" {
                ProviderInput::Other {
                    name: name.get_untracked(),
                    register_number: number_other.get_untracked(),
                    address: address.get_untracked(),
                    contact: contact.get_untracked(),
                    unit_price: price.get_untracked(),
                }
            } else if let Some(number) = chosen.strip_prefix("listed:") {
                ProviderInput::Listed(number.to_string())
            } else {
                ProviderInput::None
            };
            let form = ChoiceInput {
                provider: provider_input,
                kind: ArrangementKind::parse(&kind.get_untracked()),
                number: number.get_untracked(),
                date: date.get_untracked(),
            };
            let Some((record, facts)) = prov
                .now
                .with_untracked(|n| n.record.clone().zip(n.facts.clone()))
            else {
                return;
            };
            let list = prov.list.get_untracked();
            match apply_choice(&record, &facts, list.as_ref(), &code, &form) {
                Ok(next) => {
                    problems.set(Vec::new());
                    prov.save(&next);
                    saved.set(true);
                    browser::focus_id_later(&format!("line-{i}-status"));
                }
                Err(found) => {
                    problems.set(found);
                    saved.set(false);
                    browser::focus_id_later(&format!("line-{i}-status"));
                }
            }
        }
    };
    let options = {
        let code = code.clone();
        move || {
            let l = lang.get();
            let current = provider.get_untracked();
            let listed = prov.list.with(|list| {
                list.as_ref().map(|list| {
                    list.offering(&code)
                        .map(|p| {
                            let own = p
                                .offer(&code)
                                .and_then(|o| o.unit_price)
                                .map(|price| {
                                    wf(
                                        l,
                                        "provision.choice.own_price",
                                        &[("price", &format_money(l, price))],
                                    )
                                })
                                .unwrap_or_default();
                            let value = format!("listed:{}", p.register_number);
                            let selected = value == current;
                            view! {
                                <option value=value selected=selected>
                                    {format!("{} ({}){own}", p.name, p.register_number)}
                                </option>
                            }
                        })
                        .collect_view()
                })
            });
            view! {
                <option value="" selected=current.is_empty()>{w(l, "provision.choice.none")}</option>
                {listed}
                <option value="other" selected=current == "other">{w(l, "provision.choice.other")}</option>
            }
        }
    };
    let status_code = code.clone();
    let status = move || {
        let l = lang.get();
        let list = problems.get();
        if !list.is_empty() {
            let general: Vec<String> = list
                .iter()
                .filter(|p| p.path.is_empty() || p.path == "provider")
                .map(|p| words(l, p))
                .collect();
            return view! {
                <div class="alert alert-error" role="alert">
                    <p><strong>{w(l, "provision.choice.refused")}</strong></p>
                    <ul>{general.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any();
        }
        let flag = prov.now.with(|n| {
            let report = n.report.as_ref()?.as_ref().ok()?;
            let service = report.services.iter().find(|s| s.code == status_code)?;
            // The current provider (a provider change is a later entry, from its month).
            let first = service.providers.last()?;
            let mut chosen = wf(
                l,
                "provision.choice.chosen",
                &[
                    ("provider", &first.provider.name),
                    ("registerNumber", &first.provider.register_number),
                ],
            );
            if first.from_month > 1 {
                chosen.push(' ');
                chosen.push_str(&wf(
                    l,
                    "provision.choice.from_month",
                    &[("month", &first.from_month.to_string())],
                ));
            }
            let arrangement = match &first.arrangement {
                Some(a) => wf(
                    l,
                    "provision.choice.arrangement",
                    &[
                        ("kind", w(l, a.kind.key())),
                        ("number", &a.number),
                        ("date", &date_text(l, a.date)),
                    ],
                ),
                None => w(l, "provision.choice.no_arrangement").to_string(),
            };
            let price = first
                .price_difference
                .as_ref()
                .map(|d| crate::provision_view::price_difference_text(l, d));
            Some((chosen, arrangement, price))
        });
        match flag {
            Some((chosen, arrangement, price)) => view! {
                <p>
                    {saved.get().then(|| format!("{} ", w(l, "provision.choice.saved")))}
                    {chosen} " " {arrangement}
                </p>
                {price.map(|p| view! {
                    <p class="price-flag">
                        <strong>{w(l, "provision.choice.price_flag")}</strong>
                        " "
                        {p}
                    </p>
                })}
            }
            .into_any(),
            None => view! { <p>{w(l, "provision.choice.not_chosen")}</p> }.into_any(),
        }
    };
    let legend = {
        let line = line.clone();
        move || {
            let l = lang.get();
            wf(
                l,
                "provision.choice.legend",
                &[
                    ("service", &service_name(l, &line)),
                    ("count", &count_text(l, line.unit, line.funded_units)),
                    ("amount", &format_money(l, line.funded_amount)),
                ],
            )
        }
    };
    let other_fields = move || {
        (provider.get() == "other").then(|| {
            view! {
                <div class="other-provider">
                    {other_field(id("other-name"), "provision.other.name", name, error_of("other/name"))}
                    {other_field(id("other-number"), "provision.other.register_number", number_other, error_of("other/registerNumber"))}
                    {other_field(id("other-address"), "provision.other.address", address, error_of("other/address"))}
                    {other_field(id("other-contact"), "provision.other.contact", contact, error_of("other/contact"))}
                    {other_field(id("other-price"), "provision.other.price", price, error_of("other/unitPrice"))}
                </div>
            }
        })
    };
    let number_error = error_of("number");
    let date_error = error_of("date");
    view! {
        <fieldset class="provision-line" id=id("fieldset")>
            <legend>{legend}</legend>
            <div class="form-group">
                <label class="label" for=id("provider")>{wr("provision.choice.provider")}</label>
                <select
                    id=id("provider")
                    class="select"
                    on:change=move |ev| provider.set(event_target_value(&ev))
                >
                    {options}
                </select>
            </div>
            {other_fields}
            <div class="arrangement-fields">
                <div class="form-group">
                    <label class="label" for=id("kind")>{wr("provision.choice.kind")}</label>
                    <select
                        id=id("kind")
                        class="select"
                        on:change=move |ev| kind.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || kind.get().is_empty()>{wr("provision.choice.kind.none")}</option>
                        <option value="contract" selected=move || kind.get() == "contract">{wr("provision.choice.kind.contract")}</option>
                        <option value="guaranteeLetter" selected=move || kind.get() == "guaranteeLetter">{wr("provision.choice.kind.letter")}</option>
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for=id("number")>{wr("provision.choice.number")}</label>
                    {move || number_error.get().map(|text| view! { <p class="error-message">{text}</p> })}
                    <input
                        type="text"
                        id=id("number")
                        class="input input-narrow"
                        prop:value=move || number.get()
                        on:input=move |ev| number.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-group">
                    <label class="label" for=id("date")>{wr("provision.choice.date")}</label>
                    {move || date_error.get().map(|text| view! { <p class="error-message">{text}</p> })}
                    <input
                        type="date"
                        id=id("date")
                        class="input input-narrow"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <button type="button" class="button button-secondary" id=id("save") on:click=save>
                {wr("provision.choice.save")}
            </button>
            <div class="line-status" id=id("status") tabindex="-1" aria-live="polite">
                {status}
            </div>
        </fieldset>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 4: the monthly statements.

fn month_label(lang: Lang, facts: &PlanFacts, month: u32) -> String {
    let start = facts.period.start.add_months(month - 1);
    let end = facts
        .period
        .start
        .add_months(month)
        .and_then(Date::previous_day);
    match (start, end) {
        (Some(start), Some(end)) => wf(
            lang,
            "provision.month",
            &[
                ("month", &month.to_string()),
                ("start", &date_text(lang, start)),
                ("end", &date_text(lang, end)),
            ],
        ),
        _ => month.to_string(),
    }
}

fn delivery_section(prov: Prov, facts: &PlanFacts) -> AnyView {
    let lang = use_app().lang;
    let first = facts
        .lines
        .first()
        .map(|l| l.code.clone())
        .unwrap_or_default();
    let code = RwSignal::new(first);
    let month = RwSignal::new(1u32);
    let units = RwSignal::new(String::new());
    let paid = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let done = RwSignal::new(None::<String>);
    let lines = facts.lines.clone();
    let months = facts.period.months;
    let facts_for_label = facts.clone();
    let record = move |_| {
        let Some((record, facts)) = prov
            .now
            .with_untracked(|n| n.record.clone().zip(n.facts.clone()))
        else {
            return;
        };
        let list = prov.list.get_untracked();
        let (c, m) = (code.get_untracked(), month.get_untracked());
        match apply_delivery(
            &record,
            &facts,
            list.as_ref(),
            &c,
            m,
            &units.get_untracked(),
            &paid.get_untracked(),
        ) {
            Ok(next) => {
                prov.save(&next);
                problems.set(Vec::new());
                let l = lang.get_untracked();
                let name = facts
                    .lines
                    .iter()
                    .find(|x| x.code == c)
                    .map(|x| service_name(l, x))
                    .unwrap_or_default();
                done.set(Some(wf(
                    l,
                    "provision.delivery.recorded",
                    &[("service", &name), ("month", &m.to_string())],
                )));
                units.set(String::new());
                paid.set(String::new());
                browser::focus_id_later("delivery-status");
            }
            Err(found) => {
                done.set(None);
                problems.set(found);
                browser::focus_id_later("delivery-errors");
            }
        }
    };
    let field_error = move |field: &'static str| {
        move || {
            let l = lang.get();
            problems.with(|ps| {
                ps.iter().find(|p| p.path == field).map(|p| {
                    view! {
                        <p class="error-message" id=format!("delivery-{field}-error")>
                            {crate::ui::form::error_text(l, &words(l, p))}
                        </p>
                    }
                })
            })
        }
    };
    let described = move |field: &'static str| {
        move || {
            problems
                .with(|ps| ps.iter().any(|p| p.path == field))
                .then(|| format!("delivery-{field}-error"))
        }
    };
    let service_options = move || {
        let l = lang.get();
        let current = code.get_untracked();
        lines
            .iter()
            .map(|line| {
                let selected = line.code == current;
                view! { <option value=line.code.clone() selected=selected>{service_name(l, line)}</option> }
            })
            .collect_view()
    };
    let month_options = move || {
        let l = lang.get();
        let current = month.get_untracked();
        (1..=months)
            .map(|m| {
                view! {
                    <option value=m.to_string() selected=m == current>
                        {month_label(l, &facts_for_label, m)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="delivery-title" class="provision-part">
            <h2 id="delivery-title" tabindex="-1">{wr("provision.delivery.title")}</h2>
            <p class="hint">{wr("provision.delivery.hint")}</p>
            {move || {
                let l = lang.get();
                let list = problems.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="error-summary" role="alert" id="delivery-errors" tabindex="-1">
                                <h3>{w(l, "provision.delivery.refused")}</h3>
                                <ul>{list.iter().map(|p| view! { <li>{words(l, p)}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
            <div class="delivery-form">
                <div class="form-group">
                    <label class="label" for="delivery-service">{wr("provision.delivery.service")}</label>
                    <select id="delivery-service" class="select" on:change=move |ev| code.set(event_target_value(&ev))>
                        {service_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="delivery-month">{wr("provision.delivery.month")}</label>
                    <select
                        id="delivery-month"
                        class="select"
                        on:change=move |ev| month.set(event_target_value(&ev).parse().unwrap_or(1))
                    >
                        {month_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="delivery-units">{wr("provision.delivery.units")}</label>
                    {field_error("units")}
                    <input
                        type="text"
                        inputmode="numeric"
                        id="delivery-units"
                        class="input input-narrow"
                        aria-describedby=described("units")
                        prop:value=move || units.get()
                        on:input=move |ev| units.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-group">
                    <label class="label" for="delivery-paid">{wr("provision.delivery.paid")}</label>
                    {field_error("paid")}
                    <input
                        type="text"
                        inputmode="decimal"
                        id="delivery-paid"
                        class="input input-narrow"
                        aria-describedby=described("paid")
                        prop:value=move || paid.get()
                        on:input=move |ev| paid.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <button type="button" class="button button-primary" id="delivery-record" on:click=record>
                {wr("provision.delivery.record")}
            </button>
            <p class="notice-line" role="status" id="delivery-status" tabindex="-1">
                {move || done.get()}
            </p>
            {statements(prov)}
        </section>
    }
    .into_any()
}

/// The recorded statements, with a remove button each.
fn statements(prov: Prov) -> AnyView {
    let lang = use_app().lang;
    (move || {
        let l = lang.get();
        let rows = prov.now.with(|n| {
            let facts = n.facts.as_ref()?;
            let record = n.record.as_ref()?;
            let mut rows: Vec<(u32, String, String, u64, Decimal)> = record
                .deliveries
                .iter()
                .map(|d| {
                    let name = facts
                        .lines
                        .iter()
                        .find(|x| x.code == d.code)
                        .map(|x| service_name(l, x))
                        .unwrap_or_else(|| d.code.clone());
                    (d.month, d.code.clone(), name, d.units, d.paid)
                })
                .collect();
            crate::engine::order::sort_by(&mut rows, |a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
            Some(rows)
        });
        let rows = rows.unwrap_or_default();
        if rows.is_empty() {
            return view! { <p>{w(l, "provision.delivery.none")}</p> }.into_any();
        }
        view! {
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="statements-caption">
                <table class="provision-table" id="statements">
                    <caption id="statements-caption">{w(l, "provision.delivery.list")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{w(l, "provision.col.month")}</th>
                            <th scope="col">{w(l, "provision.col.service")}</th>
                            <th scope="col" class="num">{w(l, "provision.col.units")}</th>
                            <th scope="col" class="num">{w(l, "provision.col.paid")}</th>
                            <th scope="col"><span class="visually-hidden">{w(l, "provision.col.actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(month, code, name, units, paid)| {
                                let label = wf(l, "provision.delivery.remove", &[("service", &name), ("month", &month.to_string())]);
                                view! {
                                    <tr>
                                        <td>{month}</td>
                                        <th scope="row">{name}</th>
                                        <td class="num">{units}</td>
                                        <td class="num">{format_money(l, paid)}</td>
                                        <td>
                                            <button
                                                type="button"
                                                class="button button-link"
                                                aria-label=label
                                                on:click=move |_| {
                                                    let Some(record) = prov.now.with_untracked(|n| n.record.clone()) else {
                                                        return;
                                                    };
                                                    prov.save(&remove_delivery(&record, &code, month));
                                                    browser::focus_id_later("delivery-title");
                                                }
                                            >
                                                {w(l, "provision.delivery.remove.short")}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    })
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 4: allocated / delivered / available, a table and a chart.

fn figures_section(prov: Prov) -> AnyView {
    let lang = use_app().lang;
    (move || {
        let l = lang.get();
        prov.now.with(|n| {
            let Some(Ok(report)) = &n.report else {
                return ().into_any();
            };
            view! {
                <section aria-labelledby="figures-title" class="provision-part">
                    <h2 id="figures-title">{w(l, "provision.figures.title")}</h2>
                    {service_table(l, report)}
                    {month_table(l, report)}
                    {chart(l, report)}
                    {forecast_text(l, report)}
                </section>
            }
            .into_any()
        })
    })
    .into_any()
}

fn service_table(l: Lang, report: &ProvisionReport) -> AnyView {
    let rows = report
        .services
        .iter()
        .map(|s| {
            let name = match l {
                Lang::Lv => s.name.lv.clone(),
                Lang::En => s.name.en.clone(),
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="num">{count_text(l, s.unit, s.funded_units)}</td>
                    <td class="num">{s.delivered_units}</td>
                    <td class="num">{s.available_units}</td>
                    <td class="num">{format_money(l, s.funded_amount)}</td>
                    <td class="num">{format_money(l, s.paid)}</td>
                    <td class="num">{format_money(l, s.available)}</td>
                </tr>
            }
        })
        .collect_view();
    let t = &report.totals;
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="service-figures-caption">
            <table class="provision-table" id="service-figures">
                <caption id="service-figures-caption">{w(l, "provision.figures.services")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{w(l, "provision.col.service")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.funded_units")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.delivered_units")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.available_units")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.allocated")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.paid")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.available")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{w(l, "provision.col.total")}</th>
                        <td class="num">{t.funded_units}</td>
                        <td class="num">{t.delivered_units}</td>
                        <td class="num">{t.funded_units - t.delivered_units}</td>
                        <td class="num">{format_money(l, t.funded)}</td>
                        <td class="num">{format_money(l, t.paid)}</td>
                        <td class="num">{format_money(l, t.available)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

fn month_table(l: Lang, report: &ProvisionReport) -> AnyView {
    let rows = report
        .months
        .iter()
        .map(|m| {
            let note = if m.ahead {
                w(l, "provision.figures.ahead")
            } else {
                ""
            };
            view! {
                <tr>
                    <th scope="row">
                        {wf(l, "provision.month.short", &[("month", &m.month.to_string()), ("start", &date_text(l, m.start))])}
                    </th>
                    <td class="num">{format_money(l, m.allocated)}</td>
                    <td class="num">{format_money(l, m.carried_in)}</td>
                    <td class="num">{format_money(l, m.paid)}</td>
                    <td class="num">{format_money(l, m.available)} " " {note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="month-figures-caption">
            <table class="provision-table" id="month-figures">
                <caption id="month-figures-caption">{w(l, "provision.figures.months")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{w(l, "provision.col.month")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.allocated")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.carried_in")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.paid")}</th>
                        <th scope="col" class="num">{w(l, "provision.col.available")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Per service, a bar of the funded amount with the paid part filled: an SVG image whose
/// text alternative is the sentence beside it (and the tables above hold every figure).
fn chart(l: Lang, report: &ProvisionReport) -> AnyView {
    let count = report.services.len();
    let row = 34usize;
    let height = (count * row + 8).max(20);
    let mut bars = String::new();
    let mut alt = Vec::new();
    for (i, s) in report.services.iter().enumerate() {
        let share = if s.funded_amount > Decimal::ZERO {
            (s.paid * Decimal::from(100) / s.funded_amount)
                .round()
                .min(Decimal::from(100))
        } else {
            Decimal::ZERO
        };
        let percent: u32 = share.try_into().unwrap_or(0);
        let name = match l {
            Lang::Lv => &s.name.lv,
            Lang::En => &s.name.en,
        };
        let y = i * row + 4;
        let width = percent * 6;
        bars.push_str(&format!(
            "<text x=\"0\" y=\"{}\" class=\"chart-label\">{}</text><rect x=\"0\" y=\"{}\" width=\"600\" height=\"12\" class=\"bar-funded\"/><rect x=\"0\" y=\"{}\" width=\"{width}\" height=\"12\" class=\"bar-paid\"/>",
            y + 10,
            escape(name),
            y + 14,
            y + 14
        ));
        alt.push(wf(
            l,
            "provision.chart.line",
            &[
                ("service", name),
                ("paid", &format_money(l, s.paid)),
                ("funded", &format_money(l, s.funded_amount)),
                ("percent", &percent.to_string()),
            ],
        ));
    }
    let svg = format!(
        "<svg viewBox=\"0 0 600 {height}\" role=\"img\" aria-labelledby=\"chart-alt\" focusable=\"false\">{bars}</svg>"
    );
    view! {
        <figure class="provision-chart">
            <div class="chart" inner_html=svg></div>
            <figcaption>
                <p id="chart-alt">{format!("{} {}", w(l, "provision.chart.title"), alt.join(" "))}</p>
                <p class="chart-legend">
                    <span class="key key-paid" aria-hidden="true"></span>
                    {w(l, "provision.chart.paid")}
                    " "
                    <span class="key key-funded" aria-hidden="true"></span>
                    {w(l, "provision.chart.funded")}
                </p>
            </figcaption>
        </figure>
    }
    .into_any()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn forecast_text(l: Lang, report: &ProvisionReport) -> AnyView {
    let text = match &report.totals.forecast {
        None => w(l, "provision.forecast.none").to_string(),
        Some(f) => {
            let key = if f.exceeds_funding {
                "provision.forecast.over"
            } else {
                "provision.forecast.under"
            };
            wf(
                l,
                key,
                &[
                    ("through", &f.through_month.to_string()),
                    ("byEnd", &format_money(l, f.paid_by_end)),
                    ("unspent", &format_money(l, f.unspent)),
                    ("funded", &format_money(l, report.totals.funded)),
                ],
            )
        }
    };
    view! { <p class="forecast" id="forecast">{text}</p> }.into_any()
}

// ---------------------------------------------------------------------------------------
// Item 3: guarantee letters.

fn letters_of(prov: Prov) -> Vec<GuaranteeLetter> {
    prov.now.with(|n| match &n.report {
        Some(Ok(report)) => guarantee_letters(report),
        _ => Vec::new(),
    })
}

fn letters_section(prov: Prov, choice: RwSignal<Option<String>>) -> AnyView {
    let lang = use_app().lang;
    view! {
        <section aria-labelledby="letters-title" class="provision-part">
            <h2 id="letters-title">{wr("provision.letters.title")}</h2>
            <p class="hint">{wr("provision.letters.hint")}</p>
            {move || {
                let l = lang.get();
                let letters = letters_of(prov);
                if letters.is_empty() {
                    return view! { <p>{w(l, "provision.letters.none")}</p> }.into_any();
                }
                view! {
                    <ul class="letter-list">
                        {letters
                            .into_iter()
                            .map(|letter| {
                                let number = letter.number.clone();
                                let label = wf(
                                    l,
                                    "provision.letters.item",
                                    &[
                                        ("number", &letter.number),
                                        ("provider", &letter.provider.name),
                                        ("total", &format_money(l, letter.total)),
                                    ],
                                );
                                view! {
                                    <li>
                                        {label.clone()}
                                        " "
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            aria-label=wf(l, "provision.letters.open.label", &[("number", &letter.number)])
                                            on:click=move |_| {
                                                choice.set(Some(number.clone()));
                                                browser::focus_id_later("letter-sheet-title");
                                            }
                                        >
                                            {w(l, "provision.letters.open")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

/// The chosen letter: the child's name typed for printing (kept only in this view, never
/// written anywhere), the language, the letter as printed, and Print. In print, only the
/// sheet shows (style/provision.css).
fn letter_print(prov: Prov, choice: RwSignal<Option<String>>) -> AnyView {
    let lang = use_app().lang;
    let child_name = RwSignal::new(String::new());
    let letter_lang = RwSignal::new("lv".to_string());
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    (move || {
        let number = choice.get()?;
        let letter = letters_of(prov).into_iter().find(|l| l.number == number)?;
        let l = lang.get();
        Some(view! {
            <div class="letter-print">
                <div class="letter-controls">
                    <h2 id="letter-sheet-title" tabindex="-1">
                        {wf(l, "provision.letter.title", &[("number", &letter.number)])}
                    </h2>
                    <div class="form-group">
                        <label class="label" for="letter-child">{w(l, "provision.letter.child")}</label>
                        <p class="hint" id="letter-child-hint">{w(l, "provision.letter.child.hint")}</p>
                        <input
                            type="text"
                            id="letter-child"
                            class="input"
                            autocomplete="off"
                            aria-describedby="letter-child-hint"
                            prop:value=move || child_name.get()
                            on:input=move |ev| child_name.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="form-group">
                        <label class="label" for="letter-lang">{w(l, "provision.letter.lang")}</label>
                        <select
                            id="letter-lang"
                            class="select"
                            on:change=move |ev| letter_lang.set(event_target_value(&ev))
                        >
                            <option value="lv" selected=move || letter_lang.get() == "lv">{w(l, "provision.letter.lang.lv")}</option>
                            <option value="en" selected=move || letter_lang.get() == "en">{w(l, "provision.letter.lang.en")}</option>
                        </select>
                    </div>
                    <button type="button" class="button button-primary" id="letter-print" on:click=print>
                        {w(l, "provision.letter.print")}
                    </button>
                </div>
                <article class="letter-sheet" id="letter-sheet" aria-labelledby="letter-sheet-heading">
                    {move || {
                        let text_lang = if letter_lang.get() == "en" { Lang::En } else { Lang::Lv };
                        let mut lines = crate::provision_view::letter_text(&letter, text_lang);
                        let name = child_name.get();
                        let title = if lines.is_empty() { String::new() } else { lines.remove(0) };
                        if !name.trim().is_empty() {
                            if let Some(last) = lines.last_mut() {
                                *last = wf(text_lang, "provision.letter.child_line", &[("name", name.trim())]);
                            }
                        }
                        view! {
                            <h3 id="letter-sheet-heading" class="letter-heading">{title}</h3>
                            {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                            <p class="letter-sign">{w(text_lang, "provision.letter.signature")}</p>
                        }
                    }}
                </article>
            </div>
        })
    })
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 6: downloads.

fn downloads_section(prov: Prov) -> AnyView {
    let lang = use_app().lang;
    let failed = RwSignal::new(false);
    let csv = move |_| {
        let Some((report, case_id)) = prov.now.with_untracked(|n| {
            let report = n.report.as_ref()?.as_ref().ok()?.clone();
            let case_id = report.case_id.clone();
            Some((report, case_id))
        }) else {
            return;
        };
        let ok = browser::download_text(
            &edit::file_name(&case_id, "payments.csv"),
            "text/csv",
            &payments_csv(&report),
        )
        .is_ok();
        failed.set(!ok);
    };
    let json = move |_| {
        let Some(record) = prov.now.with_untracked(|n| n.record.clone()) else {
            return;
        };
        let ok = browser::download_text(
            &edit::file_name(&record.case_id, "provision.json"),
            "application/json",
            &edit::record_text(&record),
        )
        .is_ok();
        failed.set(!ok);
    };
    view! {
        <section aria-labelledby="downloads-title" class="provision-part">
            <h2 id="downloads-title">{wr("provision.downloads.title")}</h2>
            <p class="hint">{wr("provision.downloads.hint")}</p>
            {move || failed.get().then(|| view! {
                <p class="alert alert-error" role="alert">{w(lang.get(), "provision.downloads.failed")}</p>
            })}
            <div class="sign-actions">
                <button type="button" class="button button-secondary" id="download-payments" on:click=csv>
                    {wr("provision.downloads.csv")}
                </button>
                <button type="button" class="button button-secondary" id="download-provision" on:click=json>
                    {wr("provision.downloads.json")}
                </button>
            </div>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Item 5: an amendment of the quantities.

fn amend_section(prov: Prov, facts: &PlanFacts) -> AnyView {
    let lang = use_app().lang;
    let ctx = prov.ctx;
    let quantity_of = |code: &str| {
        ctx.case.with_untracked(|c| {
            c.pointer("/services")
                .and_then(Value::as_array)
                .and_then(|s| {
                    s.iter()
                        .find(|s| s.get("code").and_then(Value::as_str) == Some(code))
                })
                .and_then(|s| s.get("quantity"))
                .and_then(Value::as_u64)
                .map(|q| q.to_string())
                .unwrap_or_default()
        })
    };
    let fields: Vec<(FundedLine, RwSignal<String>)> = facts
        .lines
        .iter()
        .map(|line| (line.clone(), RwSignal::new(quantity_of(&line.code))))
        .collect();
    let fields = StoredValue::new(fields);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let asking = RwSignal::new(false);
    let amend = move |_| {
        let quantities: Vec<(String, String)> = fields.with_value(|f| {
            f.iter()
                .map(|(line, value)| (line.code.clone(), value.get_untracked()))
                .collect()
        });
        let Some((plan, record)) = prov
            .now
            .with_untracked(|n| n.plan.clone().zip(n.record.clone()))
        else {
            return;
        };
        let list = prov.list.get_untracked();
        let plan_of = |case: &Value| match reference() {
            Ok(reference) => plan_with_reference(case, reference),
            Err(problems) => Err(problems.to_vec()),
        };
        let result = ctx.case.with_untracked(|case| {
            edit::amend(case, &plan, &record, list.as_ref(), &quantities, plan_of)
        });
        match result {
            Ok((amended, _)) => {
                problems.set(Vec::new());
                asking.set(false);
                ctx.update(|case| *case = amended);
                browser::focus_id_later("provision-blocked");
            }
            Err(found) => {
                asking.set(false);
                problems.set(found);
                browser::focus_id_later("amend-errors");
            }
        }
    };
    view! {
        <section aria-labelledby="amend-title" class="provision-part">
            <h2 id="amend-title">{wr("provision.amend.title")}</h2>
            <p class="hint">{wr("provision.amend.hint")}</p>
            {move || {
                let l = lang.get();
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="alert alert-error" role="alert" id="amend-errors" tabindex="-1">
                        <p><strong>{w(l, "provision.amend.refused")}</strong></p>
                        <ul>{list.iter().map(|p| view! { <li>{words(l, p)}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="amend-fields">
                {fields
                    .get_value()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (line, value))| {
                        let id = format!("amend-{i}");
                        let label = move || service_name(lang.get(), &line);
                        view! {
                            <div class="form-group">
                                <label class="label" for=id.clone()>{label}</label>
                                <input
                                    type="text"
                                    inputmode="numeric"
                                    id=id
                                    class="input input-narrow"
                                    prop:value=move || value.get()
                                    on:input=move |ev| value.set(event_target_value(&ev))
                                />
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                let l = lang.get();
                if asking.get() {
                    view! {
                        <div class="confirm-panel" role="group" aria-labelledby="amend-confirm-title">
                            <p id="amend-confirm-title" tabindex="-1">
                                <strong>{w(l, "provision.amend.confirm")}</strong>
                            </p>
                            <div class="sign-actions">
                                <button type="button" class="button button-primary" id="amend-yes" on:click=amend>
                                    {w(l, "provision.amend.yes")}
                                </button>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| {
                                        asking.set(false);
                                        browser::focus_id_later("amend-start");
                                    }
                                >
                                    {w(l, "provision.amend.no")}
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
                            id="amend-start"
                            on:click=move |_| {
                                asking.set(true);
                                browser::focus_id_later("amend-confirm-title");
                            }
                        >
                            {w(l, "provision.amend.start")}
                        </button>
                    }
                    .into_any()
                }
            }}
            {move || {
                let l = lang.get();
                prov.now.with(|n| {
                    let record = n.record.as_ref()?;
                    (!record.previous_plan_digests.is_empty()).then(|| view! {
                        <div class="plan-chain" id="plan-chain">
                            <h3>{w(l, "provision.chain.title")}</h3>
                            <ol>
                                {record
                                    .previous_plan_digests
                                    .iter()
                                    .map(|d| view! { <li><code class="digest">{d.clone()}</code></li> })
                                    .collect_view()}
                                <li>
                                    <code class="digest">{record.plan_digest.clone()}</code>
                                    " "
                                    {w(l, "provision.chain.current")}
                                </li>
                            </ol>
                        </div>
                    })
                })
            }}
        </section>
    }
    .into_any()
}
