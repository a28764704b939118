//! Messages of the plan's reasons that say what would change the outcome, and the combined score explained (issue 11, item 2):
//! `(key, Latvian, English)` rows. The reasons themselves are the `why.*` rows of
//! `ui_services.rs`; these are the sentences `plan_view::line_explanation` adds to them.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // A unit as the object of "fund one …" (Latvian accusative).
    ("explain.unit.hour", "stundu", "hour"),
    ("explain.unit.session", "nodarbību", "session"),
    ("explain.unit.day", "dienu", "day"),
    ("explain.unit.day24", "diennakti", "day (24 h)"),
    ("explain.unit.month", "mēnesi", "month"),
    ("explain.unit.item", "vienību", "item"),
    // The smallest change that funds one (more) unit.
    ("explain.change.one.both", "Vienu {unit} finansētu, ja budžetā būtu par {increase} vairāk vai ja pakalpojums sarakstā būtu virs “{above}”.", "One {unit} would be funded with {increase} more in the budget, or if it were above “{above}” in the order."),
    ("explain.change.more.both", "Vēl vienu {unit} finansētu, ja budžetā būtu par {increase} vairāk vai ja pakalpojums sarakstā būtu virs “{above}”.", "One more {unit} would be funded with {increase} more in the budget, or if it were above “{above}” in the order."),
    ("explain.change.one.budget", "Vienu {unit} finansētu, ja budžetā būtu par {increase} vairāk; ar augstāku vietu sarakstā nepietiktu.", "One {unit} would be funded with {increase} more in the budget; a higher place in the order would not be enough."),
    ("explain.change.more.budget", "Vēl vienu {unit} finansētu, ja budžetā būtu par {increase} vairāk; ar augstāku vietu sarakstā nepietiktu.", "One more {unit} would be funded with {increase} more in the budget; a higher place in the order would not be enough."),
    ("explain.change.one.move", "Vienu {unit} finansētu, ja pakalpojums sarakstā būtu virs “{above}”.", "One {unit} would be funded if it were above “{above}” in the order."),
    ("explain.change.more.move", "Vēl vienu {unit} finansētu, ja pakalpojums sarakstā būtu virs “{above}”.", "One more {unit} would be funded if it were above “{above}” in the order."),
    // What else decided it.
    ("explain.funded_below", "Atlikumu saņēma lētāki pakalpojumi zemāk sarakstā.", "What was left went to cheaper services below it."),
    ("explain.strict_stop", "Stingrā kārtība apstājas šeit: zemāk esošie pakalpojumi nesaņem neko.", "The strict policy stops here: the services below it get nothing."),
    ("explain.capped.rest", "Pārējais ({rest}) pārsniedz limitu; lielāks budžets to nemainītu.", "The rest ({rest}) is above the limit; a larger budget would not change that."),
    ("explain.cap_zero.rest", "Lielāks budžets vai augstāka vieta sarakstā to nemainītu.", "A larger budget or a higher place in the order would not change that."),
    // The combined score with its parts.
    ("explain.score", "Kopējais vērtējums: eksperti {expert_place} → {expert_points} × {expert_weight} + vecāki {parent_place} → {parent_points} × {parent_weight} = {score}", "Combined score: experts {expert_place} → {expert_points} × {expert_weight} + parents {parent_place} → {parent_points} × {parent_weight} = {score}"),
    ("explain.place", "{n}. vietā", "rank {n}"),
    ("explain.points.one", "{n} punkts", "{n} point"),
    ("explain.points.many", "{n} punkti", "{n} points"),
    // A plan document whose lines do not recompute.
    ("explain.not_explained", "Pamatojumu nevar izskaidrot: plāna rindas nesakrīt ar pārrēķinu.", "The reason cannot be explained: the plan's lines do not match a recomputation."),
    // The printed plan (issue 11, item 8).
    ("print.parents.title", "Vecāku mērķi un vērtējumi", "The parents' goals and ratings"),
    ("print.parents.goal", "Mērķis vecāku vārdiem", "Goal in the parents' words"),
    ("print.parents.domain", "Dzīves joma", "Area of life"),
    ("print.parents.importance", "Svarīgums", "Importance"),
    ("print.parents.performance", "Izpilde", "Performance"),
    ("print.parents.satisfaction", "Apmierinātība", "Satisfaction"),
    ("print.parents.review.col", "Pārskatā", "At the review"),
    ("print.parents.review", "izpilde {performance}, apmierinātība {satisfaction}", "performance {performance}, satisfaction {satisfaction}"),
    ("print.parents.scale", "Vērtējumi skalā no 1 līdz 10 (COPM): 10 — ārkārtīgi svarīgs, ļoti labi, ļoti apmierināti.", "Ratings on a scale of 1 to 10 (COPM): 10 — extremely important, very well, very satisfied."),
    ("print.assessment.title", "Vajadzību novērtējums (SFK kvalifikatori)", "Needs assessment (ICF qualifiers)"),
    ("print.assessment.domain", "Joma", "Domain"),
    ("print.goals.serves", "Kalpo vecāku mērķiem: {goals}", "Serves the parents' goals: {goals}"),
    ("print.goals.baseline", "Sākuma līmenis: {level}", "Baseline: {level}"),
    ("print.goals.baseline_mark", "sākuma līmenis", "baseline"),
    ("print.signatures.who", "Dalībnieks", "Participant"),
    ("print.signatures.status", "Paraksts", "Signature"),
    ("print.signatures.fingerprint", "Atslēgas nospiedums", "Key fingerprint"),
    ("print.signatures.time", "Parakstīts", "Signed at"),
];
