//! The seal module: the sign step and the verify screen, loaded on demand by the web app
//! (see `src/ui/parts.rs`). `scripts/postbuild.mjs` builds it beside the app. A native
//! build of this binary only says what it is.

#[cfg(target_arch = "wasm32")]
mod exports {
    use ib_planner::ui::parts;
    use wasm_bindgen::prelude::*;

    /// A mounted part, as JavaScript holds it.
    #[wasm_bindgen]
    pub struct Part(parts::Mounted);

    #[wasm_bindgen]
    impl Part {
        /// Follows the app's language (`lv`, `en`).
        pub fn set_lang(&self, lang: &str) {
            self.0.set_lang(lang);
        }

        /// Removes the part from the page and disposes it.
        pub fn unmount(&self) {
            self.0.unmount();
        }
    }

    /// Mounts the sign step into `host`; `args` is `[case id, case JSON, on_change]`.
    #[wasm_bindgen]
    pub fn mount_sign(host: web_sys::Element, args: JsValue, lang: &str) -> Part {
        Part(parts::mount_sign(host, args, lang))
    }

    /// Mounts the verify screen into `host`.
    #[wasm_bindgen]
    pub fn mount_verify(host: web_sys::Element, args: JsValue, lang: &str) -> Part {
        Part(parts::mount_verify(host, args, lang))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "ib-planner-seal is the web app's on-demand module: `bash scripts/build.sh` builds it."
    );
    std::process::exit(2);
}
