//! What the `ibplan` end-to-end tests share (`tests/cli.rs`, `tests/cli_trust.rs`): a
//! scratch directory per test, running the built binary, reading its output, writing
//! input files.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `ibplan` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_ibplan");

/// A scratch directory of its own for each test (named after the test file and the test).
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "ibplan-{}-{}-{test}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

/// Runs `ibplan` with `args` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    match Command::new(BIN).current_dir(dir).args(args).output() {
        Ok(output) => output,
        Err(e) => panic!("cannot run ibplan: {e}"),
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs a command that must succeed and returns its stdout as JSON.
pub fn run_json(dir: &Path, args: &[&str]) -> Value {
    let output = run(dir, args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "ibplan {args:?} failed: {}",
        stderr(&output)
    );
    match serde_json::from_str(&stdout(&output)) {
        Ok(value) => value,
        Err(e) => panic!("ibplan {args:?} printed no JSON ({e}): {}", stdout(&output)),
    }
}

/// Writes `value` as pretty JSON to `dir/name`.
pub fn write(dir: &Path, name: &str, value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    if let Err(e) = std::fs::write(dir.join(name), text) {
        panic!("cannot write {name}: {e}");
    }
}
