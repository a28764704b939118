//! How large a file the user opens may be, by kind, and the message for one that is
//! larger. The browser's one file reader (`ui::browser::read_file_text`) checks a file's
//! size against its kind's limit *before* reading it, so a 30 MB file offered as a key is
//! refused at once instead of being read whole; nothing here touches the browser, so the
//! limits and the wording are tested natively.
//!
//! Sizes are shown in whole binary units rounded up (`8 MB`, `65 kB`, as Windows shows
//! file sizes), so the text is the same in Latvian and English and a file over a limit
//! always shows a size larger than the limit.

use crate::engine::problem::Problem;

/// One kibibyte, shown as `kB`.
const KIB: u64 = 1024;
/// One mebibyte, shown as `MB`.
const MIB: u64 = 1024 * 1024;

/// The kinds of file the app opens, each with its own size limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A plan document (the verify screen): 5 MB, the same limit as `ibplan`
    /// ([`crate::signing::MAX_FILE_BYTES`]). A real plan is tens of kilobytes; the limit
    /// leaves room for the largest valid plan (200 goals with long texts, 50 proofs).
    Plan,
    /// A questionnaire (answers) or ranking file: 2 MB
    /// ([`crate::exchange::MAX_FILE_CHARS`]); such files are a few kilobytes.
    Exchange,
    /// A signing key file: 64 kB. A key file is about 150 bytes; anything much larger is
    /// not one, and is refused without being read.
    Key,
    /// A case file or a backup of all cases (the start screen's import and restore):
    /// 16 MB. Browser storage holds about 10 MB for the whole app, so a backup of
    /// everything stays well below it.
    Backup,
    /// A municipality's trust list (`ib-trust/1`, issue 13): 1 MB. A list of a few hundred
    /// signers is well under 100 kB.
    TrustList,
    /// A municipality's provider list (the provision step, issue 14): 2 MB, room for
    /// the 2 000 providers a list may have.
    Providers,
}

impl FileKind {
    /// The largest file of this kind that is read, in bytes.
    pub const fn limit(self) -> u64 {
        match self {
            FileKind::Plan => crate::signing::MAX_FILE_BYTES as u64,
            FileKind::Exchange => crate::exchange::MAX_FILE_CHARS as u64,
            FileKind::Key => 64 * KIB,
            FileKind::Backup => 16 * MIB,
            FileKind::TrustList => MIB,
            FileKind::Providers => 2 * MIB,
        }
    }

    /// The message key for a file of this kind that is too large (parameters `size` and
    /// `limit`).
    pub const fn too_large_key(self) -> &'static str {
        match self {
            FileKind::Plan => "files.too_large.plan",
            FileKind::Exchange => "files.too_large.exchange",
            FileKind::Key => "files.too_large.key",
            FileKind::Backup => "files.too_large.backup",
            FileKind::TrustList => "files.too_large.trust",
            FileKind::Providers => "files.too_large.providers",
        }
    }
}

/// A file refused for its size, before it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// What the file was opened as.
    pub kind: FileKind,
    /// Its size in bytes.
    pub size: u64,
}

impl TooLarge {
    /// The file's size as shown (`8 MB`).
    pub fn size_text(&self) -> String {
        size_text(self.size)
    }

    /// The kind's limit as shown (`5 MB`).
    pub fn limit_text(&self) -> String {
        size_text(self.kind.limit())
    }

    /// The message as a problem: the kind's key with `size` and `limit`.
    pub fn problem(&self) -> Problem {
        Problem::new("", self.kind.too_large_key())
            .with("size", self.size_text())
            .with("limit", self.limit_text())
    }
}

/// Whether a file of `size` bytes (as the browser reports it, a float) may be read as
/// `kind`. A size that is not a finite number is treated as too large.
pub fn check_size(kind: FileKind, size: f64) -> Result<(), TooLarge> {
    let limit = kind.limit();
    if size.is_finite() && size >= 0.0 && size <= limit as f64 {
        return Ok(());
    }
    let size = if size.is_finite() && size > 0.0 {
        size as u64
    } else {
        u64::MAX
    };
    Err(TooLarge {
        kind,
        size: size.max(limit.saturating_add(1)),
    })
}

/// A size in whole binary units, rounded up: `65 kB` below one megabyte, `8 MB` from one
/// megabyte on. No decimals and no digit grouping below 1000, so the text is the same in
/// both languages.
pub fn size_text(bytes: u64) -> String {
    if bytes < MIB {
        format!("{} kB", bytes.div_ceil(KIB))
    } else {
        format!("{} MB", bytes.div_ceil(MIB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_up_so_an_oversized_file_never_shows_the_limit() {
        assert_eq!(size_text(0), "0 kB");
        assert_eq!(size_text(150), "1 kB");
        assert_eq!(size_text(64 * 1024), "64 kB");
        assert_eq!(size_text(64 * 1024 + 1), "65 kB");
        assert_eq!(size_text(1024 * 1024), "1 MB");
        assert_eq!(size_text(5 * 1024 * 1024 + 10), "6 MB");
        assert_eq!(size_text(30_000_000), "29 MB");
        for kind in [FileKind::Plan, FileKind::Exchange, FileKind::Key] {
            let limit = kind.limit();
            assert!(check_size(kind, limit as f64).is_ok(), "{kind:?}");
            let over = check_size(kind, (limit + 1) as f64).unwrap_err();
            assert_ne!(over.size_text(), over.limit_text(), "{kind:?}");
        }
    }

    #[test]
    fn limits_are_chosen_per_kind() {
        assert_eq!(FileKind::Plan.limit(), 5 * 1024 * 1024);
        assert_eq!(FileKind::Exchange.limit(), 2 * 1024 * 1024);
        assert_eq!(FileKind::Key.limit(), 64 * 1024);
        assert!(check_size(FileKind::Key, 150.0).is_ok());
        assert_eq!(
            check_size(FileKind::Key, 30_000_000.0),
            Err(TooLarge {
                kind: FileKind::Key,
                size: 30_000_000
            })
        );
        // A size the browser cannot have reported is not read either.
        assert!(check_size(FileKind::Plan, f64::NAN).is_err());
        assert!(check_size(FileKind::Plan, -1.0).is_err());
        assert!(check_size(FileKind::Plan, f64::INFINITY).is_err());
    }

    #[test]
    fn the_message_names_the_size_and_the_limit_in_both_languages() {
        use crate::i18n::{tf, Lang};
        for kind in [FileKind::Plan, FileKind::Exchange, FileKind::Key] {
            let too_large = TooLarge {
                kind,
                size: 30_000_000,
            };
            let problem = too_large.problem();
            let params: Vec<(&str, &str)> = problem
                .params
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            for lang in Lang::ALL {
                let text = tf(lang, &problem.key, &params);
                assert!(text.contains("29 MB"), "{text}");
                assert!(text.contains(&too_large.limit_text()), "{text}");
            }
        }
    }
}
