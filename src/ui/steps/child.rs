//! The child: a pseudonymous id (no name or personal code), birth month, municipality
//! (grouped by planning region) and target group.

use crate::i18n::t;
use crate::i18n::Lang;
use crate::ui::app::use_app;
use crate::ui::form::{error_summary, step_actions, Field, Select};
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
pub fn child_step() -> View {
    component(|| {
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
        el("section")
            .attr("aria-labelledby", "step-title")
            .view(error_summary(Step::Child.scope()))
            .child(el("h1").id("step-title").tr("step.child"))
            .child(el("p").class("lead").tr("child.lead"))
            .child(
                Field::new("/child/id", "child.id")
                    .hint("child.id.hint")
                    .narrow()
                    .view(),
            )
            .child(
                Field::new("/child/birth", "child.birth")
                    .hint("child.birth.hint")
                    .input_type("month")
                    .narrow()
                    .view(),
            )
            .child(Select::new("/child/municipality", "child.municipality", municipalities).view())
            .child(Select::new("/child/targetGroup", "child.target_group", groups).view())
            .view(step_actions(Step::Child))
            .into()
    })
}
