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

/// Why a user-chosen file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than its kind may be: refused from `File.size` before any byte was read.
    TooLarge(crate::files::TooLarge),
    /// The browser could not read it, or it is not text.
    Unreadable,
}

impl ReadError {
    /// The same as an import error of a questionnaire or ranking file.
    pub fn exchange_error(self) -> crate::exchange::ExchangeError {
        match self {
            ReadError::TooLarge(too_large) => {
                crate::exchange::ExchangeError::FileTooLarge(too_large)
            }
            ReadError::Unreadable => crate::exchange::ExchangeError::NotJson,
        }
    }

    /// The same as a problem (a plan or key file): the size message, or `unreadable`.
    pub fn problem(self, unreadable: &str) -> crate::engine::problem::Problem {
        match self {
            ReadError::TooLarge(too_large) => too_large.problem(),
            ReadError::Unreadable => crate::engine::problem::Problem::new("", unreadable),
        }
    }
}

/// Reads a user-chosen file as text, after checking its size against the limit of the
/// kind it is opened as ([`crate::files::FileKind::limit`]): a larger file is refused
/// before anything is read. This is the app's only file reader, so no file input or drop
/// zone can skip the check.
pub async fn read_file_text(
    file: &web_sys::File,
    kind: crate::files::FileKind,
) -> Result<String, ReadError> {
    crate::files::check_size(kind, file.size()).map_err(ReadError::TooLarge)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
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

/// A JSON text as a `File` named `file_name`, for the share sheet.
fn json_file(file_name: &str, mime: &str, text: &str) -> Result<web_sys::File, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, file_name, &options)
}

/// The share data for one file (Web Share API level 2).
fn share_data(file: &web_sys::File, title: &str) -> web_sys::ShareData {
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(file));
    data.set_title(title);
    data
}

/// `navigator[name]` when it is a function (feature detection: calling a missing method
/// through web-sys would throw).
fn navigator_method(name: &str) -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let method = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    let method = method.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, method))
}

/// Whether this browser can hand a file to the system share sheet (`navigator.share`
/// exists and `navigator.canShare({ files })` says yes for a JSON file).
pub fn can_share_files() -> bool {
    let Some((navigator, can_share)) = navigator_method("canShare") else {
        return false;
    };
    if navigator_method("share").is_none() {
        return false;
    }
    let Ok(file) = json_file("check.json", "application/json", "{}") else {
        return false;
    };
    can_share
        .call1(&navigator, &share_data(&file, ""))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The file went to the app the user chose.
    Shared,
    /// The user closed the share sheet (`AbortError`): nothing happened.
    Cancelled,
    /// Sharing is not possible or failed for another reason.
    Failed,
}

/// Opens the system share sheet with `text` as a file. Must be called straight from a
/// click (the browser requires a user gesture); the returned future says how it ended.
pub fn share_file(
    file_name: &str,
    mime: &str,
    text: &str,
    title: &str,
) -> impl std::future::Future<Output = ShareOutcome> {
    let started = (|| {
        let (navigator, share) = navigator_method("share")?;
        let file = json_file(file_name, mime, text).ok()?;
        let promise = share.call1(&navigator, &share_data(&file, title)).ok()?;
        promise.dyn_into::<js_sys::Promise>().ok()
    })();
    async move {
        let Some(promise) = started else {
            return ShareOutcome::Failed;
        };
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            Err(error) => {
                let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    ShareOutcome::Cancelled
                } else {
                    ShareOutcome::Failed
                }
            }
        }
    }
}

/// The first file dropped in a drag-and-drop `drop` event, if any.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}
