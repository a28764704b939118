//! Messages of the review (`engine::review`): its problem keys and the team's
//! conclusions. `tests/engine_messages.rs` checks every problem key of the engine.

/// The review's messages.
pub static REVIEW: &[(&str, &str, &str)] = &[
    // Problems in a review's input or record.
    ("problem.review.plan_differs", "Plāna rezultāts neatbilst tā pārrēķinam; pārskatu var veidot tikai par nemainītu plānu.", "The plan's result does not match its recomputation; a review can only be made of an unchanged plan."),
    ("problem.review.goal_unknown", "Komandas mērķis “{id}” nav atrodams plānā.", "The team goal “{id}” is not in the plan."),
    ("problem.review.goal_missing", "Trūkst plāna komandas mērķa “{id}” sasniegtā līmeņa.", "The attained level of the plan's team goal “{id}” is missing."),
    ("problem.review.parent_goal_unknown", "Vecāku mērķis “{id}” nav atrodams plānā.", "The parents' goal “{id}” is not in the plan."),
    ("problem.review.parent_goal_missing", "Trūkst vecāku jaunā vērtējuma mērķim “{id}”.", "The parents' new ratings of the goal “{id}” are missing."),
    ("problem.review.service_not_funded", "Pakalpojums “{code}” šajā plānā netika finansēts.", "The service “{code}” was not funded in this plan."),
    ("problem.review.delivery_missing", "Trūkst sniegto vienību skaita pakalpojumam “{code}”.", "The number of units delivered of the service “{code}” is missing."),
    ("problem.review.delivered_over_funded", "Norādītas {delivered} sniegtās vienības, bet plāns finansēja {funded}.", "{delivered} units delivered are given, but the plan funded {funded}."),
    ("problem.review.conclusion", "Secinājumam jābūt “achieved”, “continue”, “change” vai “drop”, bet ir “{value}”.", "The conclusion must be “achieved”, “continue”, “change” or “drop”, but is “{value}”."),
    ("problem.review.digest_malformed", "Plāna nospiedumam jābūt 64 heksadecimālām rakstzīmēm (mazajiem burtiem).", "The plan digest must be 64 hexadecimal characters (lower case)."),
    ("problem.schema.not_a_review", "Šis nav pārskata dokuments (nav “schema”: “ib-review/…”).", "This is not a review document (no “schema”: “ib-review/…”)."),
    // Recomputation of a review's outcome.
    ("review.recompute.matches", "Pārskats pārrēķināts: iznākums sakrīt ar dokumentā ierakstīto.", "Review recomputed: the outcome matches the one in the document."),
    ("review.recompute.differs", "Pārrēķinātais pārskats atšķiras vietā {path}: dokumentā {embedded}, aprēķināts {recomputed}.", "The recomputed review differs at {path}: the document has {embedded}, the engine computes {recomputed}."),
    ("review.recompute.unsupported_schema", "Pārskata shēma {schema} nav atbalstīta, tāpēc pārskatu nevar pārrēķināt.", "Review schema {schema} is not supported, so the review cannot be recomputed."),
    ("review.recompute.invalid", "Pārskata ievaddati nav derīgi, tāpēc pārskatu nevar pārrēķināt.", "The review's inputs are not valid, so the review cannot be recomputed."),
    // Whether a review names the plan given beside it.
    ("review.plan.not_given", "Plāns netika dots līdzās pārskatam, tāpēc nav pārbaudīts, vai tas ir pārskatā nosauktais (nospiedums {named}).", "The plan was not given beside the review, so it was not checked that it is the one the review names (digest {named})."),
    ("review.plan.matches", "Dotais plāns ir tieši tas, par kuru ir pārskats (nospiedums {digest}).", "The plan given is exactly the one the review is about (digest {digest})."),
    ("review.plan.differs", "Dotais plāns nav tas, par kuru ir pārskats: pārskats nosauc {named}, dotā plāna nospiedums ir {given}.", "The plan given is not the one the review is about: the review names {named}, the plan given has the digest {given}."),
    ("review.plan.not_a_plan", "Kā plāns dotais fails nav plāna dokuments (nav “schema”: “ib-plan/…”).", "The file given as the plan is not a plan document (no “schema”: “ib-plan/…”)."),
    ("review.plan.no_digest", "Pārskatā nav derīga plāna nospieduma, tāpēc nevar pārbaudīt, par kuru plānu tas ir.", "The review has no valid plan digest, so which plan it is about cannot be checked."),
    // The team's conclusion about a goal.
    ("review.conclusion.achieved", "sasniegts", "achieved"),
    ("review.conclusion.continue", "turpināt", "continue"),
    ("review.conclusion.change", "mainīt", "change"),
    ("review.conclusion.drop", "atmest", "drop"),
];
