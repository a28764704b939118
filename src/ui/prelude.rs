//! What every screen imports: the DOM builder and the reactive primitives (signals,
//! memos, stored values, callbacks, effects, context).

pub use super::dom::{component, dyn_view, el, target_checked, target_value, El, View};
pub use reactive_graph::callback::{Callable, Callback};
pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::Effect;
pub use reactive_graph::graph::untrack;
pub use reactive_graph::owner::{provide_context, use_context, StoredValue};
pub use reactive_graph::prelude::*;
pub use reactive_graph::signal::RwSignal;
pub use reactive_graph::wrappers::read::Signal;
