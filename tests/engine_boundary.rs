//! The engine boundary, checked mechanically: no file under `src/engine/` may name a web
//! crate, storage, the clock or a random source. (The web crates are also wasm32-only
//! dependencies, so a native build would fail first; this test also catches `std::time`,
//! `getrandom` and file I/O, which would compile.)

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "getrandom",
    "rand::",
    "std::time",
    "SystemTime",
    "Instant::now",
    "localStorage",
    "local_storage",
    "std::fs",
    "std::net",
    "std::env",
    "std::process",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Code lines only: line comments and doc comments may mention what the engine avoids.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("")))
}

#[test]
fn engine_files_name_no_web_crate_storage_clock_or_randomness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 5, "the engine has its modules");
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("engine source is UTF-8");
        for (number, code) in code_lines(&text) {
            for name in FORBIDDEN {
                if code.contains(name) {
                    found.push(format!("{}:{number}: {name}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_itself_catches_a_forbidden_import() {
    let sample = "use web_sys::Storage; // comment mentioning std::time is fine";
    let hits: Vec<_> = code_lines(sample)
        .filter(|(_, code)| FORBIDDEN.iter().any(|name| code.contains(name)))
        .collect();
    assert_eq!(hits.len(), 1);
    let only_comment = "// uses no std::time";
    assert_eq!(
        code_lines(only_comment)
            .filter(|(_, code)| FORBIDDEN.iter().any(|name| code.contains(name)))
            .count(),
        0
    );
}
