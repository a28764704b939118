//! Entry point of the web app. On `wasm32` it mounts the Leptos app into `<body>`;
//! a native build of this binary only explains where the app and the CLI are.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    ib_planner::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "ib-planner is a browser app: build and serve it with `bash scripts/serve.sh`.\n\
         The command-line tool is `cargo run --bin ibplan -- --help`."
    );
    std::process::exit(2);
}
