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
pub fn join(parent: &str, token: impl std::fmt::Display) -> String {
    format!("{parent}/{}", pointer_token(&token.to_string()))
}
