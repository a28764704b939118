//! What every screen imports: Leptos (components, `view!`, signals, memos, stored values,
//! callbacks, effects, context) and [`tr`], a fixed message that follows the language.

pub use leptos::prelude::*;

/// A fixed message by key, in the language on show: put it in a view as text or as an
/// attribute value. Every call returns the same closure type, so the renderer's code for
/// it exists once in the wasm.
pub fn tr(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = super::app::use_app().lang;
    move || crate::i18n::t(lang.get(), key)
}
