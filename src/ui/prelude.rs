//! What every screen imports: the DOM builder and the reactive primitives (signals,
//! memos, stored values, callbacks, effects, context).

pub use super::dom::{button, component, dyn_view, el, target_checked, target_value, El, View};
pub use crate::reactive::{
    provide_context, untrack, use_context, Callback, Effect, Memo, RwSignal, Signal, StoredValue,
};
