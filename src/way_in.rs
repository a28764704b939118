//! The parents' own way in, as pure functions: a parent who opens the app on their own
//! device fills in only the goals questionnaire (or, with a ranking file from the team,
//! only the parents' order), with no case pseudonym and no team steps.
//!
//! Such a record is kept on the device like a case (the `ib-planner-stored-case/1`
//! envelope), but its JSON is not a case: it carries the tag [`PARENTS_OWN_SCHEMA`] and
//! only the parts the parents fill in (`questionnaire`, and `services` when it came from
//! a ranking file), at the same JSON pointers as in a case, so the questionnaire and the
//! ranking screens work on it unchanged. It never becomes a plan: what leaves the device
//! is the answers file or the ranking file ([`crate::exchange`]). Tested natively.

use crate::exchange::{self, ExchangeError, RankingEntry, RankingImport};
use serde_json::{json, Value};

/// The tag (at `/schema`) of a parents' own record.
pub const PARENTS_OWN_SCHEMA: &str = "ib-planner-parents-own/1";

/// A new, empty parents' own record: the questionnaire with no goals yet.
pub fn new_answers_record() -> Value {
    json!({ "schema": PARENTS_OWN_SCHEMA, "questionnaire": { "goals": [] } })
}

/// A parents' own record for ranking the team's list read from a ranking file (the
/// questionnaire stays empty). The list is taken as the file gives it, as the ranking
/// import does for a case with no list yet.
pub fn ranking_record(entries: &[RankingEntry]) -> Result<Value, ExchangeError> {
    let mut record = new_answers_record();
    let import = exchange::plan_ranking_import(&record, entries)?;
    match import {
        RankingImport::CreateList(_) if exchange::apply_ranking_import(&mut record, &import) => {
            Ok(record)
        }
        _ => Err(ExchangeError::Malformed),
    }
}

/// Whether a stored JSON value is a parents' own record (not a team's case).
pub fn is_parents_own(record: &Value) -> bool {
    record.get("schema").and_then(Value::as_str) == Some(PARENTS_OWN_SCHEMA)
}

/// Whether the record holds the team's list of services to rank.
pub fn has_ranking(record: &Value) -> bool {
    !exchange::services(record).is_empty()
}

/// The pages of the parents' own way in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentPage {
    /// The goals questionnaire.
    Questionnaire,
    /// The parents' order of the team's list.
    Ranking,
    /// Saving the answers (or the order) as a file and sending it.
    Send,
}

impl ParentPage {
    /// The page's part of the URL (`#/parent/<id>/<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            ParentPage::Questionnaire => "questionnaire",
            ParentPage::Ranking => "ranking",
            ParentPage::Send => "send",
        }
    }

    /// The page named by a URL part.
    pub fn from_slug(slug: &str) -> Option<ParentPage> {
        [
            ParentPage::Questionnaire,
            ParentPage::Ranking,
            ParentPage::Send,
        ]
        .into_iter()
        .find(|p| p.slug() == slug)
    }
}

/// The pages a record has, in order: the ranking when it came from a ranking file, else
/// the questionnaire; then sending.
pub fn pages(record: &Value) -> [ParentPage; 2] {
    [first_page(record), ParentPage::Send]
}

/// The page a record opens at.
pub fn first_page(record: &Value) -> ParentPage {
    if has_ranking(record) {
        ParentPage::Ranking
    } else {
        ParentPage::Questionnaire
    }
}

/// The page to show for a requested one: the requested page when the record has it,
/// else its first page (a link to the ranking of a questionnaire-only record, say).
pub fn page_to_show(record: &Value, requested: Option<ParentPage>) -> ParentPage {
    match requested {
        Some(page) if pages(record).contains(&page) => page,
        _ => first_page(record),
    }
}

/// What the start screen's list says about a stored record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListedRecord {
    /// A team's case, with its pseudonym when one is set.
    Case {
        /// The child's pseudonymous id.
        label: Option<String>,
    },
    /// A parents' own questionnaire, with its number of goals.
    ParentsAnswers {
        /// Goals so far.
        goals: usize,
    },
    /// A parents' own ranking of the team's list, with its number of services.
    ParentsRanking {
        /// Services on the list.
        services: usize,
    },
}

/// How the start screen lists a stored record.
pub fn listed(record: &Value) -> ListedRecord {
    if !is_parents_own(record) {
        let label = record
            .pointer("/child/id")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        return ListedRecord::Case { label };
    }
    if has_ranking(record) {
        ListedRecord::ParentsRanking {
            services: exchange::services(record).len(),
        }
    } else {
        ListedRecord::ParentsAnswers {
            goals: exchange::goals(record).len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<RankingEntry> {
        let text = json!({
            "format": "ib-planner-ranking/1",
            "services": [
                { "code": "A", "quantity": 10, "expertRank": 1, "parentRank": null },
                { "code": "B", "quantity": 4, "expertRank": 2, "parentRank": null }
            ]
        })
        .to_string();
        exchange::read_ranking(&text).expect("a ranking file")
    }

    #[test]
    fn a_new_record_is_the_parents_own_and_asks_for_no_pseudonym() {
        let record = new_answers_record();
        assert!(is_parents_own(&record));
        assert!(record.get("child").is_none(), "no child, so no pseudonym");
        assert!(record.get("team").is_none(), "no team steps");
        assert_eq!(exchange::goals(&record).len(), 0);
        assert_eq!(first_page(&record), ParentPage::Questionnaire);
        assert_eq!(
            pages(&record),
            [ParentPage::Questionnaire, ParentPage::Send]
        );
    }

    #[test]
    fn questionnaire_goals_are_added_at_the_case_pointers() {
        let mut record = new_answers_record();
        assert_eq!(exchange::add_goal(&mut record), Some(0));
        assert_eq!(exchange::add_goal(&mut record), Some(1));
        assert_eq!(listed(&record), ListedRecord::ParentsAnswers { goals: 2 });
        // The answers file of the record is the same as of a case.
        let file = exchange::answers_file(&record);
        let back = exchange::read_answers(&file).expect("readable");
        assert_eq!(back["goals"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_ranking_file_makes_a_ranking_record_that_opens_at_the_ranking() {
        let record = ranking_record(&entries()).expect("a record");
        assert!(is_parents_own(&record));
        assert!(has_ranking(&record));
        assert_eq!(first_page(&record), ParentPage::Ranking);
        assert_eq!(
            listed(&record),
            ListedRecord::ParentsRanking { services: 2 }
        );
        // No parents' rank is made up: the order is empty until the parents act.
        assert!(exchange::services(&record)
            .iter()
            .all(|s| s.get("parentRank").is_none()));
    }

    #[test]
    fn a_ranked_record_saves_a_file_the_team_can_import() {
        let mut record = ranking_record(&entries()).expect("a record");
        assert!(exchange::move_in_parents_order(&mut record, 1, 0));
        let catalogue = crate::engine::reference::ReferenceData::builtin()
            .expect("built-in data")
            .catalogue;
        let file = exchange::ranking_file(&record, &catalogue);
        let team_case = json!({
            "services": [
                { "code": "A", "quantity": 10, "expertRank": 1 },
                { "code": "B", "quantity": 4, "expertRank": 2 }
            ]
        });
        let back = exchange::read_ranking(&file).expect("readable");
        let import = exchange::plan_ranking_import(&team_case, &back).expect("importable");
        assert_eq!(import, RankingImport::SetParentRanks(vec![(0, 2), (1, 1)]));
    }

    #[test]
    fn an_empty_ranking_file_makes_no_record() {
        assert_eq!(ranking_record(&[]), Err(ExchangeError::Malformed));
    }

    #[test]
    fn pages_follow_the_record() {
        let answers = new_answers_record();
        let ranking = ranking_record(&entries()).expect("a record");
        assert_eq!(
            page_to_show(&answers, Some(ParentPage::Ranking)),
            ParentPage::Questionnaire
        );
        assert_eq!(
            page_to_show(&ranking, Some(ParentPage::Questionnaire)),
            ParentPage::Ranking
        );
        assert_eq!(
            page_to_show(&ranking, Some(ParentPage::Send)),
            ParentPage::Send
        );
        assert_eq!(page_to_show(&answers, None), ParentPage::Questionnaire);
        for page in [
            ParentPage::Questionnaire,
            ParentPage::Ranking,
            ParentPage::Send,
        ] {
            assert_eq!(ParentPage::from_slug(page.slug()), Some(page));
        }
        assert_eq!(ParentPage::from_slug("team"), None);
    }

    #[test]
    fn team_cases_are_listed_by_their_pseudonym() {
        let case = crate::draft::new_case("2026-12-01");
        assert!(!is_parents_own(&case));
        assert_eq!(listed(&case), ListedRecord::Case { label: None });
        let mut named = case.clone();
        crate::draft::set_at(&mut named, "/child/id", json!(" CESIS-2025-017 "));
        assert_eq!(
            listed(&named),
            ListedRecord::Case {
                label: Some("CESIS-2025-017".into())
            }
        );
    }
    #[test]
    fn files_are_named_by_date_and_kind_never_by_device_id() {
        use crate::exchange::{answers_file_name, parents_ranking_file_name};
        use crate::i18n::Lang;
        assert_eq!(
            answers_file_name(Lang::Lv, "2026-12-01", None),
            "anketa-2026-12-01.json"
        );
        assert_eq!(
            answers_file_name(Lang::En, "2026-12-01", None),
            "questionnaire-2026-12-01.json"
        );
        assert_eq!(
            parents_ranking_file_name(Lang::Lv, "2026-12-01"),
            "prioritates-2026-12-01.json"
        );
        assert_eq!(
            parents_ranking_file_name(Lang::En, "2026-12-01"),
            "priorities-2026-12-01.json"
        );
        // The team's export keeps the case's pseudonym in front, made safe for a name.
        assert_eq!(
            answers_file_name(Lang::Lv, "2026-12-01", Some(" CESIS-2025-017 ")),
            "CESIS-2025-017-anketa-2026-12-01.json"
        );
        assert_eq!(
            answers_file_name(Lang::Lv, "2026-12-01", Some("a/b c")),
            "a_b_c-anketa-2026-12-01.json"
        );
        // A blank or unusable pseudonym is left out, not replaced by an id.
        assert_eq!(
            answers_file_name(Lang::Lv, "2026-12-01", Some("  ")),
            "anketa-2026-12-01.json"
        );
        assert_eq!(
            answers_file_name(Lang::Lv, "2026-12-01", Some("///")),
            "anketa-2026-12-01.json"
        );
        assert_eq!(answers_file_name(Lang::Lv, "", None), "anketa.json");
    }
}
