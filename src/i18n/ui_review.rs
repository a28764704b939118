//! Messages of the review screens: the review after 6 months, the next plan and the child's history (issue 15):
//! `(key, Latvian, English)` rows, in two tables: [`ROWS`], in the catalogue (the step
//! names the case's step navigation shows, the engine's problem with `follows`), and
//! [`PART_ROWS`], the review screens' own texts: only the code of the `review` and
//! `verify` chunks reads them, through [`super::t_in`], so their text loads with those
//! chunks and not with the first screen.

/// The rows in the catalogue.
pub static ROWS: &[(&str, &str, &str)] = &[
    // The engine's problem with a case's `follows` member.
    ("problem.follows.digest", "Iepriekšējā plāna un pārskata nospiedumam jābūt 64 heksadecimālām rakstzīmēm (mazajiem burtiem).", "The digests of the previous plan and review must be 64 hexadecimal characters (lower case)."),
    ("step.review", "Pārskats pēc perioda", "Review after the period"),
    ("step.history", "Bērna vēsture", "The child's history"),
];

/// The rows of the review screens (chunks `review` and `verify`).
pub static PART_ROWS: &[(&str, &str, &str)] = &[
    // The review step: when it can start.
    ("review.blocked.title", "Pārskatu vēl nevar sākt", "The review cannot be started yet"),
    ("review.blocked.body", "Pārskatu veido par parakstītu plānu. Vispirms parakstiet plānu (vismaz viens derīgs paraksts plānam, kāds tas ir tagad).", "A review is made of a signed plan. First sign the plan (at least one valid signature of the plan as it is now)."),
    ("review.blocked.link", "Uz parakstu soli", "Go to the Signatures step"),
    ("review.lead", "Perioda beigās komanda atkārtoti novērtē bērnu: cik lielā mērā sasniegti mērķi, kā vecāki tagad vērtē savus mērķus un cik no finansētā tika sniegts. Iznākumu aprēķina programma; pārskatu paraksta komanda un vecāki.", "At the end of the period the team assesses the child again: how far the goals were reached, how the parents rate their goals now and how much of what was funded was delivered. The program computes the outcome; the team and the parents sign the review."),
    ("review.start.body", "Pārskats tiek veidots par parakstīto plānu un glabājas šajā lietā, šajā ierīcē.", "The review is made of the signed plan and is kept in this case, on this device."),
    ("review.start", "Sākt pārskatu", "Start the review"),
    ("review.plan_changed", "Plāns mainīts pēc pārskata sākšanas. Atjauniniet pārskatu pēc pašreizējā plāna; jau ierakstītais saglabāsies.", "The plan changed after the review was started. Bring the review up to date with the current plan; what was entered is kept."),
    ("review.plan_changed.update", "Atjaunināt pēc pašreizējā plāna", "Update from the current plan"),
    // The form.
    ("review.form.title", "Pārskata dati", "The review"),
    ("review.goals.title", "Komandas mērķi", "The team's goals"),
    ("review.goals.hint", "Katram mērķim norādiet sasniegto GAS līmeni (no −2 līdz +2), piezīmi un komandas secinājumu.", "For each goal give the GAS level attained (−2 to +2), a note and the team's conclusion."),
    ("review.goal.legend", "{n}. mērķis ({term}): {text}", "Goal {n} ({term}): {text}"),
    ("review.term.long", "ilgtermiņa", "long-term"),
    ("review.term.short", "īstermiņa", "short-term"),
    ("review.goal.baseline", "Sākuma līmenis {level}, svars {weight}.", "Baseline level {level}, weight {weight}."),
    ("review.parents.title", "Vecāku mērķi", "The parents' goals"),
    ("review.parents.hint", "Vecāki no jauna novērtē katru savu mērķi: cik labi tas izdodas un cik viņi ir apmierināti.", "The parents rate each of their goals again: how well it goes and how satisfied they are."),
    ("review.parent.legend", "{n}. vecāku mērķis: {text}", "Parents' goal {n}: {text}"),
    ("review.parent.baseline", "Novērtējumā: izpilde {performance}, apmierinātība {satisfaction}.", "At the assessment: performance {performance}, satisfaction {satisfaction}."),
    ("review.rating.hint", "No 1 līdz 10", "From 1 to 10"),
    ("review.delivery.title", "Sniegtie pakalpojumi", "Services delivered"),
    ("review.delivery.from_record", "Sniegtās vienības ņemtas no lietas pakalpojumu sniegšanas uzskaites; tās var labot.", "The units delivered come from the case's provision record; they can be corrected."),
    ("review.delivery.typed", "Lietā nav pakalpojumu sniegšanas uzskaites; ierakstiet, cik vienību katram pakalpojumam tika sniegts.", "The case has no provision record; enter how many units of each service were delivered."),
    ("review.delivery.label", "{service}: sniegtās vienības (finansētas {funded})", "{service}: units delivered (funded {funded})"),
    ("review.comments", "Vecāku komentāri", "The parents' comments"),
    ("review.comments.hint", "Ko vecāki vēlas pateikt par šo periodu (nav obligāti).", "What the parents want to say about this period (optional)."),
    ("review.show_outcome", "Parādīt iznākumu", "Show the outcome"),
    ("review.outcome.pending", "Iznākums būs redzams, kad visi lauki būs aizpildīti.", "The outcome shows once every field is filled in."),
    ("review.summary.goal_attained", "{n}. mērķis: sasniegtais līmenis", "Goal {n}: level attained"),
    ("review.summary.goal_note", "{n}. mērķis: piezīme", "Goal {n}: note"),
    ("review.summary.goal_conclusion", "{n}. mērķis: secinājums", "Goal {n}: conclusion"),
    ("review.summary.parent_performance", "{n}. vecāku mērķis: izpilde tagad", "Parents' goal {n}: performance now"),
    ("review.summary.parent_satisfaction", "{n}. vecāku mērķis: apmierinātība tagad", "Parents' goal {n}: satisfaction now"),
    ("review.summary.delivered", "{service}: sniegtās vienības", "{service}: units delivered"),
    // The outcome.
    ("review.outcome.title", "Iznākums", "Outcome"),
    ("review.outcome.gas.title", "Mērķu sasniegšana (GAS T-vērtības)", "Goal attainment (GAS T-scores)"),
    ("review.outcome.gas.method", "T-vērtība pēc Kiresuka–Šermena formulas ar ρ = {rho}; svari: {weights}.", "T-score by the Kiresuk–Sherman formula with ρ = {rho}; weights: {weights}."),
    ("review.outcome.group", "Mērķi", "Goals"),
    ("review.outcome.baseline", "Sākumā", "Baseline"),
    ("review.outcome.review", "Pārskatā", "At review"),
    ("review.outcome.change", "Izmaiņa", "Change"),
    ("review.outcome.scores", "{unweighted} (svērtā {weighted})", "{unweighted} (weighted {weighted})"),
    ("review.outcome.overall", "Visi ({count})", "All ({count})"),
    ("review.outcome.long", "Ilgtermiņa ({count})", "Long-term ({count})"),
    ("review.outcome.short", "Īstermiņa ({count})", "Short-term ({count})"),
    ("review.outcome.no_goals", "nav mērķu", "no goals"),
    ("review.outcome.copm.title", "Vecāku vērtējums (COPM)", "The parents' ratings (COPM)"),
    ("review.outcome.copm.hint", "Izmaiņa par 2 punktiem vai vairāk ir klīniski nozīmīga.", "A change of 2 points or more is clinically important."),
    ("review.outcome.copm.goal", "Mērķis", "Goal"),
    ("review.outcome.copm.performance", "Izpilde", "Performance"),
    ("review.outcome.copm.satisfaction", "Apmierinātība", "Satisfaction"),
    ("review.outcome.copm.average", "Vidēji", "Average"),
    ("review.outcome.important", "nozīmīga izmaiņa", "important change"),
    ("review.outcome.not_important", "mazāk par 2", "less than 2"),
    ("review.outcome.delivery.title", "Sniegtā daļa no finansētā", "Share of funded units delivered"),
    ("review.outcome.delivery.total", "Kopā sniegtas {delivered} no {funded} finansētajām vienībām: {percent}.", "In total {delivered} of {funded} funded units delivered: {percent}."),
    ("review.outcome.nothing_funded", "nekas netika finansēts", "nothing was funded"),
    ("review.outcome.delivery.service", "Pakalpojums", "Service"),
    ("review.outcome.delivery.funded", "Finansētas", "Funded"),
    ("review.outcome.delivery.delivered", "Sniegtas", "Delivered"),
    ("review.outcome.delivery.share", "Daļa", "Share"),
    // Signing and download.
    ("review.sign.title", "Pārskata paraksti", "Signatures of the review"),
    ("review.sign.hint", "Komandas locekļi un vecāki paraksta pārskatu ar to pašu atslēgu, ar ko parakstīja plānu. Ja pārskatu pēc tam maina, paraksts kļūst novecojis.", "The team members and the parents sign the review with the same key they signed the plan with. If the review changes afterwards, the signature becomes outdated."),
    ("review.sign_as", "Parakstīt pārskatu: {who}", "Sign the review as {who}"),
    ("review.sign.outdated", "Novecojis — pārskats mainīts pēc parakstīšanas", "Outdated — the review changed after signing"),
    ("review.download", "Lejupielādēt pārskatu", "Download the review"),
    ("review.download.hint", "Fails {file} ar derīgajiem parakstiem. To var pārbaudīt pārbaudes ekrānā kopā ar plānu.", "The file {file}, with the valid signatures. It can be checked on the verify screen together with the plan."),
    // The next plan period.
    ("review.next.title", "Nākamais plāns", "The next plan"),
    ("review.next.hint", "Jauna lieta šajā ierīcē: tas pats bērns un komanda, nesasniegtie mērķi ar sasniegto līmeni kā jauno sākuma līmeni, tie paši pakalpojumi un daudzumi, vecāku mērķi ar jaunākajiem vērtējumiem. Nākamais plāns atsaucas uz šo plānu un pārskatu pēc to nospiedumiem.", "A new case on this device: the same child and team, the goals not achieved with the attained level as the new baseline, the same services and quantities, the parents' goals with their latest ratings. The next plan refers to this plan and review by their digests."),
    ("review.next.start", "Sākt nākamo plānu no šī pārskata", "Start the next plan from this review"),
    // The child's history.
    ("history.lead", "Šīs lietas plānu periodi secībā: iepriekšējie parakstītie plāni un pārskati, ko lieta nes līdzi, un pašreizējais plāns. Viss glabājas tikai šajā ierīcē.", "The plan periods of this case in order: the earlier signed plans and reviews the case carries, and the current plan. Everything is kept on this device only."),
    ("history.follows", "Šī lieta turpina iepriekšējo periodu: plānu {plan} un pārskatu {review} (nospiedumi).", "This case continues an earlier period: plan {plan} and review {review} (digests)."),
    ("history.empty", "Vēstures vēl nav: lietai nav aprēķināma plāna.", "No history yet: the case has no plan that can be computed."),
    ("history.chart.title", "Iznākumi laika gaitā", "Outcomes over time"),
    ("history.chart.gas", "GAS T-vērtība perioda sākumā un pārskatā", "GAS T-score at each period's start and review"),
    ("history.chart.copm", "COPM vidējie vērtējumi perioda sākumā un pārskatā", "COPM averages at each period's start and review"),
    ("history.chart.desc", "Tie paši skaitļi ir tabulā zem diagrammām.", "The same figures are in the table below the charts."),
    ("history.legend.circle", "Aplis: GAS T-vērtība; COPM izpilde", "Circle: GAS T-score; COPM performance"),
    ("history.legend.square", "Kvadrāts: COPM apmierinātība", "Square: COPM satisfaction"),
    ("history.gas", "GAS T-vērtība", "GAS T-score"),
    ("history.performance", "COPM izpilde", "COPM performance"),
    ("history.satisfaction", "COPM apmierinātība", "COPM satisfaction"),
    ("history.none", "—", "—"),
    ("history.table.caption", "Iznākumi laika gaitā (diagrammu dati)", "Outcomes over time (the charts' data)"),
    ("history.table.date", "Datums", "Date"),
    ("history.table.point", "Brīdis", "Point"),
    ("history.point.start", "perioda sākums", "period start"),
    ("history.point.review", "pārskats", "review"),
    ("history.periods.title", "Plānu periodi", "Plan periods"),
    ("history.period", "{n}. periods: {span}", "Period {n}: {span}"),
    ("history.not_reviewed", "Šim periodam vēl nav pārskata.", "This period has no review yet."),
    ("history.download.plan", "Lejupielādēt {n}. perioda plānu", "Download the plan of period {n}"),
    ("history.download.review", "Lejupielādēt {n}. perioda pārskatu", "Download the review of period {n}"),
    ("history.show.plan", "Rādīt plānu", "Show the plan"),
    ("history.show.review", "Rādīt pārskata iznākumu", "Show the review's outcome"),
    // The verify screen, for a review file.
    ("verify_review.follows", "Šis plāns turpina iepriekšējo: tas seko plānam {plan} un pārskatam {review} (nospiedumi).", "This plan continues an earlier one: it follows plan {plan} and review {review} (digests)."),
    ("verify_review.kind", "Šis ir pārskata dokuments (ib-review).", "This is a review document (ib-review)."),
    ("verify_review.verdict.ok", "Pārskats ir pārbaudīts: paraksti derīgi, iznākums pārrēķināts un sakrīt.", "The review verifies: the signatures are valid and the outcome recomputes to the same."),
    ("verify_review.verdict.bad", "Pārskats nav pārbaudīts: skatiet zemāk, kas neiztur pārbaudi.", "The review does not verify: see below what fails."),
    ("verify_review.recompute.title", "Iznākuma pārrēķins", "Recomputing the outcome"),
    ("verify_review.plan.title", "Plāns, par kuru ir pārskats", "The plan the review is about"),
    ("verify_review.plan.label", "Plāna fails (nav obligāts)", "The plan file (optional)"),
    ("verify_review.plan.hint", "Izvēlieties plānu, par kuru ir pārskats, lai pārbaudītu, ka tas ir tieši tas.", "Choose the plan the review is about to check that it is exactly that plan."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_rows_are_unique_translated_and_apart_from_the_catalogue() {
        for (i, (key, lv, en)) in PART_ROWS.iter().enumerate() {
            assert!(!lv.is_empty() && !en.is_empty(), "{key}");
            assert!(!crate::i18n::has(key), "{key} is in the catalogue too");
            assert!(
                PART_ROWS[..i].iter().all(|(k, _, _)| k != key),
                "{key} twice"
            );
            let names = |s: &str| {
                let mut n: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next().map(str::to_string))
                    .collect();
                n.sort();
                n
            };
            assert_eq!(names(lv), names(en), "{key}");
        }
    }
}
