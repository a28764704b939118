//! Transitional: shows a view built with [`super::dom`] inside a Leptos view, while the
//! screens move from Leptos views to the DOM builder one by one. Removed with the last
//! Leptos view.

use super::dom::View;
use leptos::prelude::*;

/// A Leptos view holding `view`'s nodes in a `display: contents` wrapper.
pub fn host(view: View) -> impl IntoView {
    let node_ref = NodeRef::<leptos::html::Div>::new();
    let nodes = view.into_nodes();
    node_ref.on_load(move |div| {
        for node in &nodes {
            let _ = div.append_child(node);
        }
    });
    leptos::view! { <div class="dom-host" node_ref=node_ref></div> }
}
