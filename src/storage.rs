//! The only module that knows `localStorage`. Everything is read defensively: storage
//! that is missing, blocked or holds unreadable data yields `None`, never a panic.

use crate::i18n::Lang;

const LANG_KEY: &str = "ib-planner/lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the user chose last time on this device, if any.
pub fn load_lang() -> Option<Lang> {
    let value = local_storage()?.get_item(LANG_KEY).ok().flatten()?;
    Lang::from_tag(&value)
}

/// Remembers the chosen language. Returns `false` when storage refused the write
/// (private mode, quota, policy); the app keeps working in memory.
pub fn save_lang(lang: Lang) -> bool {
    local_storage()
        .map(|s| s.set_item(LANG_KEY, lang.tag()).is_ok())
        .unwrap_or(false)
}
