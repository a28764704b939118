//! The child: a pseudonymous id (no name or personal code), birth month, municipality
//! (grouped by planning region) and target group.

use crate::i18n::t;
use crate::i18n::Lang;
use crate::ui::app::use_app;
use crate::ui::form::{ErrorSummary, Field, Select, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, Step};

fn municipality_options(lang: Lang) -> Vec<(String, String)> {
    let Ok(reference) = reference() else {
        return Vec::new();
    };
    let mut options = Vec::new();
    for region in &reference.regions.regions {
        let region_name = match lang {
            Lang::Lv => &region.name.lv,
            Lang::En => &region.name.en,
        };
        for m in &region.municipalities {
            let label = match &m.valid_until {
                Some(until) => format!(
                    "{} ({region_name}) — {} {until}",
                    m.name,
                    t(lang, "child.valid_until")
                ),
                None => format!("{} ({region_name})", m.name),
            };
            options.push((m.code.clone(), label));
        }
    }
    options
}

/// The child step's screen.
#[component]
pub fn ChildStep() -> impl IntoView {
    let lang = use_app().lang;
    let municipalities = Signal::derive(move || municipality_options(lang.get()));
    let groups = Signal::derive(move || {
        let l = lang.get();
        vec![
            ("FT".to_string(), t(l, "child.group.FT").to_string()),
            ("ARP".to_string(), t(l, "child.group.ARP").to_string()),
            ("GRT".to_string(), t(l, "child.group.GRT").to_string()),
        ]
    });
    view! {
        <section aria-labelledby="step-title">
            <ErrorSummary scope=Step::Child.scope() />
            <h1 id="step-title">{tr("step.child")}</h1>
            <p class="lead">{tr("child.lead")}</p>
            {Field::new("/child/id", "child.id").hint("child.id.hint").narrow().view()}
            {Field::new("/child/birth", "child.birth")
                .hint("child.birth.hint")
                .input_type("month")
                .narrow()
                .view()}
            {Select::new("/child/municipality", "child.municipality", municipalities).view()}
            {Select::new("/child/targetGroup", "child.target_group", groups).view()}
            <StepActions step=Step::Child />
        </section>
    }
}
