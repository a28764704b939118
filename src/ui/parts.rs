//! Parts of the app that load on demand. The sign step and the verify screen (with the
//! signature and recomputation code they need: Ed25519, SHA-256, JCS, the plan
//! comparison) are a second wasm module, `seal`, so the first load stays small.
//!
//! - **Both sides live here.** The main app's side is [`SignPart`] and [`VerifyPart`]:
//!   a host element, a loading message and, if loading fails, an error with a retry
//!   button. The seal module's side is [`mount_sign`] and [`mount_verify`], which
//!   `src/bin/seal.rs` exports to JavaScript; the main wasm never calls them, so link-time
//!   optimisation leaves them (and everything only they use) out of it.
//! - **Loading:** `scripts/postbuild.mjs` builds `seal-<hash>.js` and
//!   `seal-<hash>_bg.wasm` beside the app and names the script in
//!   `<meta name="ib-seal">`; the service worker precaches both like every other file.
//! - **State:** each module has its own reactive runtime. The main app hands the seal
//!   module the case id, the case as JSON, the language and a callback; the sign step
//!   reports each change of the case through the callback, and the main app stores it
//!   (it stays the only writer of the case). A language switch in the header is passed
//!   on with `set_lang`. Navigation is through the URL hash, which the main app follows.

use crate::i18n::Lang;
use crate::ui::app::{use_app, Screen};
use crate::ui::prelude::*;
use leptos::mount::UnmountHandle;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
let seal = null;
function load() {
  if (!seal) {
    const meta = document.querySelector('meta[name="ib-seal"]');
    if (!meta) return Promise.reject(new Error('index.html names no seal module (<meta name="ib-seal">)'));
    const js = new URL(meta.content, document.baseURI);
    const wasm = new URL(js.pathname.replace(/\.js$/, '_bg.wasm'), js);
    seal = import(js.href).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    seal.catch(() => { seal = null; });
  }
  return seal;
}
export function mount_part(name, host, args, lang) {
  return load().then((m) => m['mount_' + name](host, args, lang));
}
export function part_set_lang(part, lang) { part.set_lang(lang); }
export function part_unmount(part) { part.unmount(); part.free(); }
"#)]
extern "C" {
    fn mount_part(
        name: &str,
        host: &web_sys::Element,
        args: &JsValue,
        lang: &str,
    ) -> js_sys::Promise;
    #[wasm_bindgen(catch)]
    fn part_set_lang(part: &JsValue, lang: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn part_unmount(part: &JsValue) -> Result<(), JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str, error: &JsValue);
}

/// Whether focus is nowhere in particular (on `<body>`), as after the element that had it
/// was removed by a navigation.
fn nothing_focused() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"))
}

#[derive(Clone, Copy, PartialEq)]
enum PartState {
    Loading,
    Failed,
    Ready,
}

/// What the main app drops when a part's screen goes away: the mounted part, whether the
/// screen is still there, and `keep` (the callbacks the part holds).
type Gone = (
    Rc<RefCell<Option<JsValue>>>,
    Rc<Cell<bool>>,
    Box<dyn std::any::Any>,
);

/// The main app's placeholder for a seal part: loads the module, mounts the part into a
/// host element, keeps its language in step and unmounts it when the screen goes away.
/// `keep` lives as long as the part (the callbacks the part holds).
fn part_host(name: &'static str, args: JsValue, keep: Box<dyn std::any::Any>) -> AnyView {
    let lang = use_app().lang;
    let state = RwSignal::new(PartState::Loading);
    // Plain shared cells, not reactive values: the load finishes in a task that may run
    // after this screen (and its owner) are gone.
    let part: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let alive = Rc::new(Cell::new(true));
    let host = NodeRef::<leptos::html::Div>::new();
    let load = {
        let part = Rc::clone(&part);
        let alive = Rc::clone(&alive);
        move || {
            let Some(host_element) = host.try_get_untracked().flatten() else {
                return;
            };
            state.set(PartState::Loading);
            let (part, alive) = (Rc::clone(&part), Rc::clone(&alive));
            let promise = mount_part(name, &host_element, &args, lang.get_untracked().tag());
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    // The screen went away while the module loaded: unmount at once.
                    Ok(mounted) if !alive.get() => {
                        let _ = part_unmount(&mounted);
                    }
                    Ok(mounted) => {
                        // The language may have changed while the module loaded.
                        let _ = part_set_lang(&mounted, lang.get_untracked().tag());
                        *part.borrow_mut() = Some(mounted);
                        state.set(PartState::Ready);
                        // Navigation focuses the new screen's heading, which did not
                        // exist yet when it tried.
                        if nothing_focused() {
                            super::app::focus_main_heading();
                        }
                    }
                    Err(error) => {
                        console_warn("IB plānotājs: the seal module did not load:", &error);
                        if alive.get() {
                            state.set(PartState::Failed);
                            if nothing_focused() {
                                super::app::focus_main_heading();
                            }
                        }
                    }
                }
            });
        }
    };
    // Load once, as soon as the host element exists (the view is built after this body).
    Effect::new({
        let load = load.clone();
        move |started: Option<bool>| {
            if started == Some(true) {
                return true;
            }
            let ready = host.get().is_some();
            if ready {
                load();
            }
            ready
        }
    });
    {
        let part = Rc::clone(&part);
        Effect::new(move |_| {
            let tag = lang.get().tag();
            if let Some(p) = part.borrow().as_ref() {
                let _ = part_set_lang(p, tag);
            }
        });
    }
    // The cleanup must be `Send`; the cells it needs wait in a local stored value, which
    // the owner drops only after running its cleanups.
    let gone = StoredValue::new_local(Some::<Gone>((part, alive, keep)));
    on_cleanup(move || {
        if let Some((part, alive, keep)) = gone.try_update_value(Option::take).flatten() {
            alive.set(false);
            if let Some(p) = part.borrow_mut().take() {
                let _ = part_unmount(&p);
            }
            drop(keep);
        }
    });
    let retry = StoredValue::new_local(load);
    view! {
        <div class="part">
            {move || match state.get() {
                PartState::Loading => {
                    view! { <p class="part-loading" role="status">{tr("part.loading")}</p> }
                        .into_any()
                }
                PartState::Failed => {
                    view! {
                        <div class="alert alert-error" role="alert">
                            <h1 tabindex="-1">{tr("part.failed.title")}</h1>
                            <p>{tr("part.failed.body")}</p>
                            <button
                                type="button"
                                class="button button-primary"
                                on:click=move |_| {
                                    if let Some(load) = retry.try_get_value() {
                                        load();
                                    }
                                }
                            >
                                {tr("part.retry")}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                PartState::Ready => ().into_any(),
            }}
            <div class="part-host" node_ref=host></div>
        </div>
    }
    .into_any()
}

/// The sign step, loaded on demand (main app side).
#[component]
pub fn SignPart() -> impl IntoView {
    let ctx = super::workspace::use_case();
    let id = ctx.id.get_value();
    let case_json = ctx.case.with_untracked(|c| c.to_string());
    let on_change = Closure::<dyn Fn(String)>::new(move |json: String| {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
            if ctx.case.try_with_untracked(|c| *c != value) == Some(true) {
                ctx.case.set(value);
            }
        }
    });
    let args = js_sys::Array::of3(
        &JsValue::from_str(&id),
        &JsValue::from_str(&case_json),
        on_change.as_ref(),
    );
    part_host("sign", args.into(), Box::new(on_change))
}

/// The verify screen, loaded on demand (main app side).
#[component]
pub fn VerifyPart() -> impl IntoView {
    part_host("verify", JsValue::UNDEFINED, Box::new(()))
}

/// A part mounted by the seal module: its mounted view (with its owner) and language.
pub struct Mounted {
    handle: RefCell<Option<UnmountHandle<AnyViewState>>>,
    lang: RwSignal<Lang>,
    host: web_sys::Element,
}

impl Mounted {
    /// Follows the main app's language.
    pub fn set_lang(&self, tag: &str) {
        if let Some(lang) = Lang::from_tag(tag) {
            if self.lang.try_with_untracked(|l| *l != lang) == Some(true) {
                self.lang.set(lang);
            }
        }
    }

    /// Disposes the part and empties its host.
    pub fn unmount(&self) {
        // Dropping the handle removes the view and disposes its owner.
        drop(self.handle.borrow_mut().take());
        self.host.set_text_content(None);
    }
}

/// Builds `screen` into `host` under a new root owner with its own app state.
fn mount_with(
    host: web_sys::Element,
    lang: &str,
    screen: Screen,
    build: impl FnOnce() -> AnyView + 'static,
) -> Mounted {
    let lang = Lang::from_tag(lang).unwrap_or_default();
    // The language signal is made under the mount's owner; this cell hands it out.
    let slot = Rc::new(Cell::new(None::<RwSignal<Lang>>));
    host.set_text_content(None);
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), {
        let slot = Rc::clone(&slot);
        move || {
            let lang = RwSignal::new(lang);
            slot.set(Some(lang));
            provide_context(super::app::AppState {
                lang,
                screen: RwSignal::new(screen),
            });
            build()
        }
    });
    Mounted {
        handle: RefCell::new(Some(handle)),
        lang: slot.get().unwrap_or_else(|| RwSignal::new(lang)),
        host,
    }
}

/// The sign step (seal module side). `args` is `[case id, case JSON, on_change]`; every
/// change of the case is passed to `on_change` as JSON.
pub fn mount_sign(host: web_sys::Element, args: JsValue, lang: &str) -> Mounted {
    let args: js_sys::Array = args.unchecked_into();
    let id = args.get(0).as_string().unwrap_or_default();
    let case = args
        .get(1)
        .as_string()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .unwrap_or(serde_json::Value::Null);
    let on_change: js_sys::Function = args.get(2).unchecked_into();
    let screen = Screen::Case {
        id: id.clone(),
        step: super::workspace::Step::Sign,
    };
    mount_with(host, lang, screen, move || {
        let received = case.to_string();
        let ctx = super::workspace::CaseCtx::standalone(id, case);
        provide_context(ctx);
        // Report every change of the case as received. An effect's first run waits for
        // a tick: a change made before it is reported then.
        Effect::new(move |first: Option<()>| {
            let json = ctx.case.with(|c| c.to_string());
            if first.is_some() || json != received {
                let _ = on_change.call1(&JsValue::NULL, &JsValue::from_str(&json));
            }
        });
        view! { <super::steps::SignStep /> }.into_any()
    })
}

/// The verify screen (seal module side). `args` is unused.
pub fn mount_verify(host: web_sys::Element, _args: JsValue, lang: &str) -> Mounted {
    mount_with(host, lang, Screen::Verify, || {
        view! { <super::verify::VerifyScreen /> }.into_any()
    })
}
