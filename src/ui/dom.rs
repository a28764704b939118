//! A small DOM builder with fine-grained reactive bindings: the whole UI is written with
//! it. Why not a view macro: every distinct view type of a generic renderer is its own
//! copy of the rendering code in the wasm, and that was most of the app's size. Here an
//! element is one `web_sys::Element`, every binding is one boxed closure run by a
//! [`RenderEffect`], and the generic entry points only box their closure and call one
//! non-generic function, so a screen costs about as much code as the calls it makes.
//!
//! Reactivity comes from [`crate::reactive`] (signals, memos, owners, context):
//! - a binding (`text_dyn`, `attr_dyn`, `class_when`, `prop_value`, …) re-runs when the
//!   signals it reads change and updates only its own attribute, property or text;
//! - a region (`dyn_view`) rebuilds its nodes when the signals its closure reads change;
//!   everything built inside belongs to a child [`Owner`] that is cleaned up (effects,
//!   signals, cleanups) when the region is rebuilt or its parent goes away;
//! - a component is a plain function returning [`View`]; run its body with
//!   [`component`] so reads in it do not subscribe the region that called it (the
//!   Leptos rule: components run untracked).

use crate::reactive::{untrack, Owner, RenderEffect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, Node};

thread_local! {
    static DOCUMENT: Document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the app runs in a page with a document");
}

fn document() -> Document {
    DOCUMENT.with(Document::clone)
}

/// One element under construction. Builder methods consume and return it.
#[must_use = "an element does nothing until it is put in a view"]
pub struct El(Element);

/// Nodes to put in a parent: none, one element, or several siblings.
#[derive(Default)]
#[must_use = "a view does nothing until it is put in the page"]
pub struct View(Vec<Node>);

/// Starts an HTML element.
#[inline(never)]
pub fn el(tag: &str) -> El {
    El(document()
        .create_element(tag)
        .expect("valid element names are fixed in code"))
}

/// A `<button type="button">` with its classes (the app's forms are never submitted).
pub fn button(class: &str) -> El {
    el("button").attr("type", "button").class(class)
}

/// Runs a component's body untracked: signals read while building it (to compute initial
/// texts and decide its shape) do not make the surrounding region rebuild. Its own
/// bindings and regions track what they read.
#[inline(never)]
pub fn component(build: impl FnOnce() -> View) -> View {
    untrack(build)
}

/// A reactive binding: runs `run` now and again whenever what it read changes, for as
/// long as the current owner (the region or screen that made it) lives.
#[inline(never)]
fn bind(mut run: Box<dyn FnMut()>) {
    RenderEffect::new(move |_: Option<()>| run());
}

impl El {
    /// The element itself (to keep a handle, e.g. for focus).
    pub fn element(&self) -> &Element {
        &self.0
    }

    /// Sets an attribute.
    #[inline(never)]
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets an attribute when `value` is `Some`.
    pub fn attr_opt(self, name: &str, value: Option<&str>) -> El {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Shorthand for the `id` attribute.
    pub fn id(self, id: &str) -> El {
        self.attr("id", id)
    }

    /// Shorthand for the `class` attribute.
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// An attribute that follows signals: `None` removes it.
    pub fn attr_dyn(self, name: &'static str, value: impl Fn() -> Option<String> + 'static) -> El {
        self.attr_dyn_boxed(name, Box::new(value))
    }

    #[inline(never)]
    fn attr_dyn_boxed(self, name: &'static str, value: Box<dyn Fn() -> Option<String>>) -> El {
        let element = self.0.clone();
        let mut last: Option<Option<String>> = None;
        bind(Box::new(move || {
            let next = value();
            if last.as_ref() == Some(&next) {
                return;
            }
            let _ = match &next {
                Some(v) => element.set_attribute(name, v),
                None => element.remove_attribute(name),
            };
            last = Some(next);
        }));
        self
    }

    /// A message (by key) as an attribute, following the language switch.
    pub fn attr_tr(self, name: &'static str, key: &'static str) -> El {
        let lang = super::app::use_app().lang;
        self.attr_dyn(name, move || {
            Some(crate::i18n::t(lang.get(), key).to_string())
        })
    }

    /// Adds `class` while `on` is true.
    pub fn class_when(self, class: &'static str, on: impl Fn() -> bool + 'static) -> El {
        self.class_when_boxed(class, Box::new(on))
    }

    #[inline(never)]
    fn class_when_boxed(self, class: &'static str, on: Box<dyn Fn() -> bool>) -> El {
        let list = self.0.class_list();
        bind(Box::new(move || {
            let _ = list.toggle_with_force(class, on());
        }));
        self
    }

    /// The `value` property (inputs, selects, text areas), following signals. It is only
    /// written when it differs, so typing is never disturbed.
    pub fn prop_value(self, value: impl Fn() -> String + 'static) -> El {
        self.prop_value_boxed(Box::new(value))
    }

    #[inline(never)]
    fn prop_value_boxed(self, value: Box<dyn Fn() -> String>) -> El {
        let element = self.0.clone();
        bind(Box::new(move || {
            let next = value();
            let key = JsValue::from_str("value");
            let current = js_sys::Reflect::get(&element, &key)
                .ok()
                .and_then(|v| v.as_string());
            if current.as_deref() != Some(next.as_str()) {
                let _ = js_sys::Reflect::set(&element, &key, &JsValue::from_str(&next));
            }
        }));
        self
    }

    /// A boolean property (`checked`, `selected`, `disabled`, …), following signals.
    pub fn prop_bool(self, name: &'static str, value: impl Fn() -> bool + 'static) -> El {
        self.prop_bool_boxed(name, Box::new(value))
    }

    #[inline(never)]
    fn prop_bool_boxed(self, name: &'static str, value: Box<dyn Fn() -> bool>) -> El {
        let element = self.0.clone();
        bind(Box::new(move || {
            let _ = js_sys::Reflect::set(
                &element,
                &JsValue::from_str(name),
                &JsValue::from_bool(value()),
            );
        }));
        self
    }

    /// Appends fixed text.
    #[inline(never)]
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends text that follows signals.
    pub fn text_dyn(self, text: impl Fn() -> String + 'static) -> El {
        self.text_dyn_boxed(Box::new(text))
    }

    #[inline(never)]
    fn text_dyn_boxed(self, text: Box<dyn Fn() -> String>) -> El {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        let mut last: Option<String> = None;
        bind(Box::new(move || {
            let next = text();
            if last.as_deref() != Some(next.as_str()) {
                node.set_data(&next);
                last = Some(next);
            }
        }));
        self
    }

    /// Appends a message (by key) that follows the language switch.
    #[inline(never)]
    pub fn tr(self, key: &'static str) -> El {
        let lang = super::app::use_app().lang;
        self.text_dyn(move || crate::i18n::t(lang.get(), key).to_string())
    }

    /// Appends a child element.
    #[inline(never)]
    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child element when there is one.
    pub fn child_opt(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends every node of a view.
    #[inline(never)]
    pub fn view(self, view: View) -> El {
        for node in &view.0 {
            let _ = self.0.append_child(node);
        }
        self
    }

    /// Appends elements made from an iterator (a list).
    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        children.into_iter().fold(self, El::child)
    }

    /// Appends a region whose nodes are rebuilt whenever the signals `build` reads
    /// change (see [`dyn_view`]).
    pub fn dyn_view(self, build: impl Fn() -> View + 'static) -> El {
        self.view(dyn_view(build))
    }

    /// Calls `handler` on each `event` (e.g. "click", "input").
    pub fn on(self, event: &str, handler: impl FnMut(Event) + 'static) -> El {
        self.on_boxed(event, Box::new(handler))
    }

    #[inline(never)]
    fn on_boxed(self, event: &str, mut handler: Box<dyn FnMut(Event)>) -> El {
        // The handler runs under the owner that built the element, so context (the app,
        // the case) is there, as it is while building.
        let owner = Owner::current();
        let handler: Box<dyn FnMut(Event)> = Box::new(move |event| match &owner {
            Some(owner) => owner.with(|| handler(event)),
            None => handler(event),
        });
        // Like Leptos: the JS function owns the Rust closure and frees it when collected.
        let function = Closure::wrap(handler).into_js_value();
        let _ = self
            .0
            .add_event_listener_with_callback(event, function.unchecked_ref());
        self
    }

    /// Sets the element's HTML from trusted markup made by this program (the SVG charts).
    pub fn inner_html(self, html: &str) -> El {
        self.0.set_inner_html(html);
        self
    }
}

impl View {
    /// No nodes.
    pub fn empty() -> View {
        View(Vec::new())
    }

    /// Adds an element at the end.
    pub fn push(&mut self, element: El) {
        self.0.push(element.0.into());
    }

    /// Adds every node of another view at the end.
    pub fn append(&mut self, mut other: View) {
        self.0.append(&mut other.0);
    }

    /// Adds an element at the end (builder form).
    pub fn and(mut self, element: El) -> View {
        self.push(element);
        self
    }

    /// Adds every node of another view at the end (builder form).
    pub fn and_view(mut self, other: View) -> View {
        self.append(other);
        self
    }

    /// Fixed text as a view of its own.
    pub fn text(text: &str) -> View {
        View(vec![document().create_text_node(text).into()])
    }

    /// The nodes, to mount them somewhere.
    pub fn into_nodes(self) -> Vec<Node> {
        self.0
    }
}

impl From<El> for View {
    fn from(element: El) -> View {
        View(vec![element.0.into()])
    }
}

impl From<Option<El>> for View {
    fn from(element: Option<El>) -> View {
        View(element.map(|e| e.0.into()).into_iter().collect())
    }
}

impl FromIterator<El> for View {
    fn from_iter<I: IntoIterator<Item = El>>(iter: I) -> View {
        View(iter.into_iter().map(|e| e.0.into()).collect())
    }
}

/// The `value` of the element an event came from (inputs, selects, text areas).
pub fn target_value(event: &Event) -> String {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox or radio an event came from is checked.
pub fn target_checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("checked")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// A region: nodes that are rebuilt whenever the signals `build` reads change. Whatever
/// was built inside (bindings, signals, nested regions) belongs to a child owner that is
/// cleaned up on each rebuild. Two empty text nodes mark where the region starts and
/// ends; a rebuild replaces everything between them, so a nested region that rebuilt on
/// its own is replaced too.
pub fn dyn_view(build: impl Fn() -> View + 'static) -> View {
    dyn_view_boxed(Box::new(build))
}

#[inline(never)]
fn dyn_view_boxed(build: Box<dyn Fn() -> View>) -> View {
    let doc = document();
    let start: Node = doc.create_text_node("").into();
    let end: Node = doc.create_text_node("").into();
    let parent_owner = Owner::current();
    // The first build's nodes (handed out with the markers) and the owner of the last build.
    let first: Rc<RefCell<Vec<Node>>> = Rc::default();
    let mut owner_on_show: Option<Owner> = None;
    let (first_out, start_at, end_at) = (first.clone(), start.clone(), end.clone());
    bind(Box::new(move || {
        let owner = match &parent_owner {
            Some(parent) => parent.child(),
            None => Owner::new(),
        };
        let view = owner.with(&build);
        if let Some(old) = owner_on_show.replace(owner) {
            old.cleanup();
        }
        match end_at.parent_node() {
            Some(parent) => {
                while let Some(node) = start_at.next_sibling() {
                    if node == end_at {
                        break;
                    }
                    let _ = parent.remove_child(&node);
                }
                for node in &view.0 {
                    let _ = parent.insert_before(node, Some(&end_at));
                }
            }
            // The first build happens before the region is in the page.
            None => *first_out.borrow_mut() = view.0,
        }
    }));
    let mut nodes = vec![start];
    nodes.append(&mut first.borrow_mut());
    nodes.push(end);
    View(nodes)
}

/// Shows `view` inside `parent` (the page's body at start-up).
pub fn mount(parent: &Element, view: View) {
    for node in view.into_nodes() {
        let _ = parent.append_child(&node);
    }
}
