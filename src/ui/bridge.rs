//! Transitional: shows a view built with [`super::dom`] inside a Leptos view, while the
//! screens move from Leptos views to the DOM builder one by one. Removed with the last
//! Leptos view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A Leptos view shown inside a view built with [`super::dom`]: mounted into a
/// `display: contents` wrapper with the app's and the case's context, and unmounted when
/// the region that made it is rebuilt.
pub fn guest(view: impl FnOnce() -> AnyView + 'static) -> super::dom::View {
    let host = super::dom::el("div").class("dom-host");
    let app = super::app::use_app();
    let case = use_context::<super::workspace::CaseCtx>();
    if let Ok(parent) = host.element().clone().dyn_into::<web_sys::HtmlElement>() {
        let handle = leptos::mount::mount_to(parent, move || {
            provide_context(app);
            if let Some(case) = case {
                provide_context(case);
            }
            view()
        });
        let _ = StoredValue::<_, LocalStorage>::new_local(handle);
    }
    host.into()
}
