//! The message catalogue and locale-aware formatting. Latvian is the default language,
//! English the second. Every user-facing string of the app lives in [`catalogue`]; the
//! engine reports problems as message keys, and only this module turns them into words.

mod catalogue;
mod engine_messages;
mod format;
mod integrity_messages;
mod provision_messages;
mod report_messages;
mod review_messages;
mod trust_messages;
mod ui_case;
mod ui_entries;
mod ui_explain;
mod ui_files;
mod ui_forms;
mod ui_lock;
mod ui_offline;
mod ui_parents;
mod ui_parents_order;
mod ui_plan;
mod ui_provision;
mod ui_result;
mod ui_review;
mod ui_saves;
mod ui_services;
mod ui_tabs;
mod ui_team;
mod ui_trust;
mod ui_way_in;

pub use format::{format_date, format_money};

/// The catalogue's parts: `(key, Latvian, English)` rows. The UI's own texts, the engine's
/// problem and reason texts, and the signature and verification texts are kept in separate
/// files so each part can grow beside the code it speaks for.
pub static CATALOGUE: &[&[(&str, &str, &str)]] = &[
    catalogue::UI,
    engine_messages::ENGINE,
    integrity_messages::INTEGRITY,
    review_messages::REVIEW,
    provision_messages::PROVISION,
    trust_messages::TRUST,
    ui_case::ROWS,
    ui_parents::ROWS,
    ui_team::ROWS,
    ui_services::ROWS,
    ui_result::ROWS,
    ui_offline::ROWS,
    ui_explain::ROWS,
    ui_plan::ROWS,
    ui_parents_order::ROWS,
    ui_way_in::ROWS,
    ui_forms::ROWS,
    ui_tabs::ROWS,
    ui_saves::ROWS,
    ui_entries::ROWS,
    ui_files::ROWS,
    ui_lock::ROWS,
    ui_trust::ROWS,
    ui_provision::ROWS,
    ui_review::ROWS,
    report_messages::ROWS,
];

fn rows() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    CATALOGUE.iter().flat_map(|part| part.iter())
}

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Latvian, the default.
    #[default]
    Lv,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, in the order the language switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Lv, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>` and in stored preferences.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Lv => "lv",
            Lang::En => "en",
        }
    }

    /// Parses a stored or requested tag; anything unknown is `None`, never a panic.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "lv" | "lv-lv" => Some(Lang::Lv),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Looks up a message. A key missing from the catalogue returns the key itself, so a
/// gap shows up as visible text in review rather than as a blank; a test keeps the
/// catalogue complete for every key the code uses.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match rows().find(|(k, _, _)| *k == key) {
        Some((_, lv, en)) => match lang {
            Lang::Lv => lv,
            Lang::En => en,
        },
        None => MISSING,
    }
}

/// The start screen's case-files rows (chunk `saves`), for [`t_in`].
pub static SAVES_PART: &[(&str, &str, &str)] = ui_saves::PART_ROWS;

/// The trust screens' rows (chunks `keys`, `verify`, `sign`; issue 13), for [`t_in`].
pub static TRUST_PART: &[(&str, &str, &str)] = ui_trust::PART_ROWS;

/// The provision step's rows (chunk `provision`, issue 14), for [`t_in`].
pub static PROVISION_PART: &[(&str, &str, &str)] = ui_provision::PART_ROWS;

/// The verify screen's rows for an amended plan (chunk `verify`, issue 14), for [`t_in`].
pub static PROVISION_VERIFY_PART: &[(&str, &str, &str)] = ui_provision::VERIFY_ROWS;

/// The review screens' rows (chunks `review` and `verify`, issue 15), for [`t_in`].
pub static REVIEW_PART: &[(&str, &str, &str)] = ui_review::PART_ROWS;

/// Looks a message up in a chunk's own rows first (texts only that chunk shows, kept out
/// of the first load: see `ui_saves.rs`), then in the catalogue.
pub fn t_in(
    part: &'static [(&'static str, &'static str, &'static str)],
    lang: Lang,
    key: &str,
) -> &'static str {
    match part.iter().find(|(k, _, _)| *k == key) {
        Some((_, lv, en)) => match lang {
            Lang::Lv => lv,
            Lang::En => en,
        },
        None => t(lang, key),
    }
}

/// What [`t`] shows for a key that is not in the catalogue.
pub const MISSING: &str = "⟨?⟩";

/// Looks up a message and fills its `{name}` placeholders.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Whether the catalogue has a message for `key`.
pub fn has(key: &str) -> bool {
    rows().any(|(k, _, _)| *k == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogue_keys_are_unique_and_every_text_is_translated() {
        let mut seen = HashSet::new();
        for (key, lv, en) in rows() {
            assert!(seen.insert(*key), "duplicate key {key}");
            assert!(!lv.trim().is_empty(), "{key} has no Latvian text");
            assert!(!en.trim().is_empty(), "{key} has no English text");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn names(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(n, _)| n))
                .collect();
            out.sort_unstable();
            out
        }
        for (key, lv, en) in rows() {
            assert_eq!(names(lv), names(en), "placeholders differ in {key}");
        }
    }

    #[test]
    fn lookup_switches_language_and_fills_placeholders() {
        assert_eq!(t(Lang::Lv, "app.name"), "IB plānotājs");
        assert_eq!(t(Lang::En, "app.name"), "IB planner");
        assert_eq!(t(Lang::En, "no.such.key"), MISSING);
        assert!(has("app.name"));
        assert_eq!(Lang::from_tag(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_tag("ru"), None);
    }
}
