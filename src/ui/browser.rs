//! Small wrappers over browser APIs the screens share: time stamps, random ids, file
//! download and file reading. Failures are returned, never panicked on.

use wasm_bindgen::{JsCast, JsValue};

/// The current time as an ISO 8601 UTC timestamp, e.g. `2026-11-22T06:00:00.000Z`.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today's date in the user's time zone as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Fills `bytes` from the browser's cryptographic random source.
pub fn random_bytes(bytes: &mut [u8]) -> Result<(), JsValue> {
    let crypto = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()?;
    crypto.get_random_values_with_u8_array(bytes)?;
    Ok(())
}

/// A new random id of 12 hex digits for a case on this device.
pub fn new_id() -> String {
    let mut bytes = [0u8; 6];
    if random_bytes(&mut bytes).is_err() {
        // Without WebCrypto, fall back on the clock: ids only need to be unique here.
        let ms = js_sys::Date::now() as u64;
        bytes.copy_from_slice(&ms.to_be_bytes()[2..]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Offers `text` to the user as a file download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a user-chosen file as text.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("file is not text"))
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the element with `id` after the next render (for elements that a state
/// change is about to create, such as an error summary).
pub fn focus_id_later(id: &str) {
    let id = id.to_string();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || focus_id(&id));
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// The file a user chose in an `<input type="file">` change event, if any. The input is
/// cleared, so choosing the same file again fires another change.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}
