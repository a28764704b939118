//! Problems: what validation and document checks report instead of panicking. Each
//! problem names the field (a JSON pointer into the input), a message key from the
//! catalogue in `crate::i18n`, and the values that fill the message's placeholders.

use serde::Serialize;

/// One thing wrong with an input, in a form the UI can translate and link to a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// JSON pointer (RFC 6901) to the offending value, e.g. `/services/2/quantity`.
    pub path: String,
    /// Message key, e.g. `problem.rank.not_permutation`.
    pub key: String,
    /// Placeholder values for the message, in a stable order.
    pub params: Vec<(String, String)>,
}

impl Problem {
    /// A problem without parameters.
    pub fn new(path: impl Into<String>, key: &str) -> Problem {
        Problem {
            path: path.into(),
            key: key.to_string(),
            params: Vec::new(),
        }
    }

    /// Adds one placeholder value.
    pub fn with(mut self, name: &str, value: impl ToString) -> Problem {
        self.params.push((name.to_string(), value.to_string()));
        self
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.key)?;
        for (name, value) in &self.params {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

/// Escapes one reference token of a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Joins a parent pointer and a member name or index.
///
/// Validation builds a pointer for nearly every field it reads, so this writes into one
/// buffer and only escapes when the token has a `~` or a `/`.
pub fn join(parent: &str, token: impl std::fmt::Display) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(parent.len() + 24);
    out.push_str(parent);
    out.push('/');
    let start = out.len();
    // Writing to a String cannot fail.
    let _ = write!(out, "{token}");
    if out[start..].contains(['~', '/']) {
        let escaped = pointer_token(&out[start..]);
        out.truncate(start);
        out.push_str(&escaped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_escapes_only_what_rfc_6901_says() {
        assert_eq!(join("", "a"), "/a");
        assert_eq!(join("/services", 3), "/services/3");
        assert_eq!(join("/x", "a/b~c"), "/x/a~1b~0c");
        assert_eq!(join("/x", "~1"), "/x/~01");
        assert_eq!(join("/x", ""), "/x/");
    }
}
