//! The service worker's page side: registers `sw.js` (written at build time by
//! `scripts/postbuild.mjs`), and tells the user when a new build is waiting. The user
//! chooses when to reload; nothing here touches stored cases or settings. It also
//! removes `index.html`'s loading splash (`#boot`) once the app has mounted.
//!
//! A new build's worker installs beside the running one and waits (it never calls
//! `skipWaiting` on its own). The banner below appears when a worker is waiting; its
//! button asks that worker to take over, and the page reloads once it controls the page.

use crate::ui::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

/// How often a long-open page asks whether a new build is out (browsers also check on
/// every navigation).
const UPDATE_CHECK_MS: i32 = 60 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set when the user chose to reload: the next controller change reloads the page.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// The container, or `None` where service workers are unavailable (an insecure origin,
/// some private modes, old browsers): the app then simply works online only.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .dyn_into::<ServiceWorkerContainer>()
        .ok()
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Ignores a promise's rejection (offline update checks fail, and that is fine), so it
/// never surfaces as an unhandled rejection.
fn quietly(promise: js_sys::Promise) {
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

/// Shows the banner once `worker` has installed, if a worker already controls this page
/// (the very first install is not an update).
fn track(worker: ServiceWorker, container: ServiceWorkerContainer, available: RwSignal<bool>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            available.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Watches a registration: a worker already waiting, one installing now (its
/// `updatefound` may have fired before the app started) or one found later shows the
/// banner when it is ready.
fn watch(
    registration: ServiceWorkerRegistration,
    container: ServiceWorkerContainer,
    available: RwSignal<bool>,
) {
    if registration.waiting().is_some() && container.controller().is_some() {
        available.set(true);
    }
    if let Some(installing) = registration.installing() {
        track(installing, container.clone(), available);
    }
    let reg = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = reg.installing() {
            track(installing, container.clone(), available);
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();

    if let Some(window) = web_sys::window() {
        let reg = registration.clone();
        let check = Closure::<dyn Fn()>::new(move || {
            if let Ok(promise) = reg.update() {
                quietly(promise);
            }
        });
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            UPDATE_CHECK_MS,
        );
        check.forget();
    }
    REGISTRATION.with(|slot| *slot.borrow_mut() = Some(registration));
}

/// Registers the service worker once and wires the banner's signal to it.
fn register(available: RwSignal<bool>) {
    let Some(container) = container() else {
        return;
    };
    let had_controller = container.controller().is_some();
    let on_controller = Closure::<dyn Fn()>::new(move || {
        if RELOAD_REQUESTED.with(Cell::get) {
            reload();
        } else if had_controller {
            // Another tab took the update: this page still runs the old build.
            available.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_controller.as_ref().unchecked_ref()));
    on_controller.forget();

    let options = RegistrationOptions::new();
    options.set_scope("./");
    let watched = container.clone();
    let on_registered = Closure::once(move |value: JsValue| {
        if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
            watch(registration, watched, available);
        }
    });
    let promise = container
        .register_with_options("sw.js", &options)
        .then(&on_registered);
    on_registered.forget();
    quietly(promise);
}

/// The user chose to reload: the waiting worker takes over, then the page reloads (on
/// `controllerchange`). Without a waiting worker (another tab already switched) it
/// reloads at once. Stored cases and settings are never touched.
fn apply_update() {
    let waiting = REGISTRATION.with(|slot| slot.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(worker) = waiting else {
        reload();
        return;
    };
    RELOAD_REQUESTED.with(|flag| flag.set(true));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    if worker.post_message(&message).is_err() {
        reload();
        return;
    }
    // Should the worker never take over (it failed), reload anyway after a while: the
    // user asked for it, and the banner comes back if the update is still waiting.
    if let Some(window) = web_sys::window() {
        let fallback = Closure::once_into_js(reload);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 5_000);
    }
}

/// Removes the "loading" splash of `index.html`: the app has mounted.
fn remove_boot_splash() {
    if let Some(splash) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        splash.remove();
    }
}

/// A polite status line shown when a new version is ready: "A new version is available
/// — Reload". The live region is always in the page so screen readers announce it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let available = RwSignal::new(false);
    remove_boot_splash();
    register(available);
    view! {
        <div id="update-banner" role="status" aria-live="polite">
            {move || {
                available
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice update-notice">
                                <p>
                                    <strong>{tr("offline.update.available")}</strong>
                                    " "
                                    {tr("offline.update.kept")}
                                </p>
                                <button
                                    type="button"
                                    class="button button-primary"
                                    id="update-reload"
                                    on:click=move |_| apply_update()
                                >
                                    {tr("offline.update.reload")}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
