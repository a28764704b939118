//! Views that load on demand: a screen split off into its own wasm chunk, fetched the
//! first time it is shown (`scripts/build.mjs` does the split with `wasm-split-cli`).
//!
//! - **A split point** is a function made with [`split_view!`]: in the release build
//!   (`--cfg ib_split`, set by `scripts/build.mjs`) it is a fallible
//!   `#[wasm_split(module, fallible)]` function (`wasm_split_helpers`, the crate behind
//!   Leptos's `#[lazy]`, whose panicking form it avoids), so a chunk that fails to
//!   download gives an `Err`, never a panic. Without the cfg (`cargo test`, clippy, a plain `cargo build`) it is an async
//!   function that builds the view at once: no chunk, no import the tool must resolve.
//! - **[`Lazy`]** shows it: a `role="status"` loading line while the chunk loads, then the
//!   view; on failure an `h1` alert with *Try again*, which loads it afresh (a failed
//!   load is not cached). A chunk already loaded shows at once, without the loading line.

use crate::ui::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The error of a split point whose chunk did not load.
pub use wasm_split_helpers::SplitLoaderError;

/// What a split point gives: its view, or the error of a chunk that did not load.
pub type Loaded = Result<AnyView, SplitLoaderError>;

type LoadFuture = Pin<Box<dyn Future<Output = Loaded>>>;

/// Declares a split point: `split_view!(fn name in module { view })` makes
/// `async fn name() -> Loaded` whose body (and all code only it reaches) goes into the
/// wasm chunk `module` (one chunk per module name; several functions may share one).
/// Show it with `view! { <Lazy load=name /> }`.
macro_rules! split_view {
    ($(#[$attr:meta])* $vis:vis fn $name:ident in $module:ident $body:block) => {
        $(#[$attr])*
        #[cfg(ib_split)]
        #[::wasm_split_helpers::wasm_split($module, fallible)]
        $vis fn $name() -> $crate::ui::lazy::Loaded {
            ::core::result::Result::Ok($body)
        }

        $(#[$attr])*
        #[cfg(not(ib_split))]
        $vis async fn $name() -> $crate::ui::lazy::Loaded {
            ::core::result::Result::Ok($body)
        }
    };
}
pub(crate) use split_view;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Failed,
    Ready,
}

/// Shows the view of a split point (see [`split_view!`]): a loading line while its chunk
/// loads, then the view, or an alert with *Try again* if the chunk could not be loaded.
#[component]
pub fn Lazy<F, Fut>(
    /// The split point, e.g. `child_step` for `split_view!(fn child_step in child { … })`.
    load: F,
    /// A part of a screen rather than the screen (the start screen's case files): when it
    /// arrives, focus stays where it is instead of moving to the main heading.
    #[prop(optional)]
    keep_focus: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    lazy_view(Rc::new(move || Box::pin(load()) as LoadFuture), keep_focus)
}

/// The non-generic body of [`Lazy`]: its code exists once however many split points.
fn lazy_view(load: Rc<dyn Fn() -> LoadFuture>, keep_focus: bool) -> AnyView {
    let owner = Owner::current().unwrap_or_default();
    let phase = RwSignal::new(Phase::Loading);
    let loaded = StoredValue::new_local(None::<AnyView>);
    let start: Rc<dyn Fn()> = Rc::new(move || {
        // Under this component's owner (contexts, disposal) and untracked, also when
        // called from the Try again button.
        owner.with(|| {
            untrack(|| {
                let mut future = load();
                // A chunk already loaded (or no split at all) is ready on the first poll:
                // show the view now, as any other screen.
                match future
                    .as_mut()
                    .poll(&mut Context::from_waker(Waker::noop()))
                {
                    Poll::Ready(result) => finish(phase, loaded, result, false),
                    Poll::Pending => {
                        let _ = phase.try_set(Phase::Loading);
                        // Dropped unpolled if the screen goes away while the chunk loads.
                        leptos::task::spawn_local_scoped_with_cancellation(async move {
                            let result = future.await;
                            finish(phase, loaded, result, !keep_focus);
                        });
                    }
                }
            })
        })
    });
    start();
    let retry = StoredValue::new_local(start);
    (move || match phase.get() {
        Phase::Loading => view! {
            <p class="part-loading" role="status">{tr("part.loading")}</p>
        }
        .into_any(),
        Phase::Failed => view! {
            <div class="alert alert-error" role="alert">
                <h1 tabindex="-1">{tr("part.failed.title")}</h1>
                <p>{tr("part.failed.body")}</p>
                <button
                    type="button"
                    class="button button-primary"
                    on:click=move |_| {
                        if let Some(start) = retry.try_get_value() {
                            start();
                        }
                    }
                >
                    {tr("part.retry")}
                </button>
            </div>
        }
        .into_any(),
        Phase::Ready => loaded
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    })
    .into_any()
}

fn finish(
    phase: RwSignal<Phase>,
    loaded: StoredValue<Option<AnyView>, LocalStorage>,
    result: Loaded,
    refocus: bool,
) {
    let next = match result {
        Ok(view) => {
            let _ = loaded.try_set_value(Some(view));
            Phase::Ready
        }
        Err(error) => {
            leptos::logging::warn!("IB plānotājs: a part of the app did not load: {error}");
            Phase::Failed
        }
    };
    let _ = phase.try_set(next);
    // Navigation focused the new screen's heading before it existed: focus it now,
    // unless the user has moved on to something else meanwhile.
    if refocus && nothing_focused() {
        super::app::focus_main_heading();
    }
}

/// Whether focus is nowhere in particular (on `<body>`), as after the element that had it
/// was removed by a navigation.
fn nothing_focused() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"))
}
