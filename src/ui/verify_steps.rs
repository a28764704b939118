//! The verify screen's work in slices: reading a plan file, parsing it, hashing it,
//! checking its signatures and recomputing it, each a piece at a time, never more than
//! [`SLICE_MS`] without giving the browser a turn (it paints the progress and answers
//! input in between), so a 5 MB plan never freezes the page for long (issue 12, item 4:
//! at most 200 ms at a time, on a slow phone too).
//!
//! - **Reading**: the file in [`READ_SLICE_BYTES`] slices (`Blob.slice` →
//!   `arrayBuffer`), its size checked first, as `browser::read_file_text` does; the bytes
//!   are decoded as `Blob.text()` decodes them (UTF-8, invalid bytes replaced).
//! - **Parsing**: `verify_steps::PlanRead` (`engine::json_steps`), the same result as
//!   `read_plan_document`.
//! - **Hashing and signatures**: `integrity::ProofSetCheck`, told the expected size.
//! - **Recomputing**: `engine::plan_steps::RecomputeSteps`.
//!
//! The pure parts are tested natively (`tests/json_steps.rs`, `tests/verify_steps.rs`);
//! `tests/e2e/files.spec.mjs` prints the longest task, also at 4× CPU throttling.

use serde_json::Value;
use std::future::Future;
use wasm_bindgen::JsCast;

use crate::engine::integrity::{IntegrityError, ProofSetCheck, VerificationReport};
use crate::engine::plan_steps::RecomputeSteps;
use crate::engine::problem::Problem;
use crate::files::FileKind;
use crate::i18n::{t, tf, Lang};
use crate::signing::{recompute_from, Recompute};
use crate::verify_steps::PlanRead;

/// The longest the verification works before giving the browser a turn, in
/// milliseconds; the page must never be blocked for more than 200 ms at a time.
pub(crate) const SLICE_MS: f64 = 40.0;

/// How much of the file one read asks the browser for.
const READ_SLICE_BYTES: f64 = 1024.0 * 1024.0;

/// How many bytes of text the parse reads between looks at the clock.
const PARSE_STEP_BYTES: usize = 32 * 1024;

/// How far the verification of a file got, for the progress line and bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Progress {
    /// The browser is reading the file (percent done).
    Reading(usize),
    /// The text is being parsed (percent done).
    Parsing(usize),
    /// The document is being hashed (percent done).
    Hashing(usize),
    /// `done` of `count` signatures are checked.
    Signatures { done: usize, count: usize },
    /// The plan is being recomputed.
    Recompute,
}

impl Progress {
    /// The progress line in a language.
    pub(crate) fn text(self, l: Lang) -> String {
        let percent =
            |key: &str, percent: usize| tf(l, key, &[("percent", &percent.min(100).to_string())]);
        match self {
            Progress::Reading(0) => t(l, "verify.reading").to_string(),
            Progress::Reading(done) => percent("verify.progress.reading", done),
            Progress::Parsing(done) => percent("verify.progress.parsing", done),
            Progress::Hashing(done) => percent("verify.progress.hashing", done),
            Progress::Signatures { done, count } => tf(
                l,
                "verify.progress.signatures",
                &[("done", &done.to_string()), ("count", &count.to_string())],
            ),
            Progress::Recompute => t(l, "verify.progress.recompute").to_string(),
        }
    }

    /// The bar's value out of 100: reading 0–10, parsing 10–30, hashing 30–50, the
    /// signatures 50–90, recomputing 90.
    pub(crate) fn percent(self) -> usize {
        match self {
            Progress::Reading(done) => done.min(100) / 10,
            Progress::Parsing(done) => 10 + done.min(100) / 5,
            Progress::Hashing(done) => 30 + done.min(100) / 5,
            Progress::Signatures { done, count } => 50 + done * 40 / count.max(1),
            Progress::Recompute => 90,
        }
    }
}

/// Gives the browser a turn (a `setTimeout(0)` task): it can paint the progress and
/// handle input before the next piece of work.
pub(crate) async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Work cut into slices: `due` says when a slice has run its time; `pause` shows the
/// progress through `show` (which gives the browser its turn) and starts a new slice.
struct Slices<F> {
    show: F,
    started: f64,
}

impl<F, Shown> Slices<F>
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    fn new(show: F) -> Slices<F> {
        Slices {
            show,
            started: now(),
        }
    }

    fn due(&self) -> bool {
        now() - self.started >= SLICE_MS
    }

    /// False when the screen is gone (the user left it): then the work stops.
    async fn pause(&mut self, progress: Progress) -> bool {
        let shown = (self.show)(progress).await;
        self.started = now();
        shown
    }
}

/// What verifying a file gives: the document and its expected canonical size, or the
/// problem that stopped it; `None` when the screen was left meanwhile.
pub(crate) type PlanFile = Option<Result<(Value, usize), Problem>>;

/// Reads a file's text in slices (its size checked first), showing the progress through
/// `show`; `None` when the screen was left meanwhile.
pub(crate) async fn read_file<F, Shown>(
    file: &web_sys::File,
    show: F,
) -> Option<Result<String, Problem>>
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    let mut slices = Slices::new(show);
    if !slices.pause(Progress::Reading(0)).await {
        return None;
    }
    read_text(file, &mut slices).await
}

/// Parses a plan file's text and checks it is a plan, in slices, showing the progress
/// through `show`.
pub(crate) async fn parse_plan<F, Shown>(text: &str, show: F) -> PlanFile
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    let mut slices = Slices::new(show);
    if !slices.pause(Progress::Parsing(0)).await {
        return None;
    }
    let mut read = match PlanRead::new(text) {
        Ok(read) => read,
        Err(problem) => return Some(Err(problem)),
    };
    loop {
        if let Some(done) = read.step(PARSE_STEP_BYTES) {
            return Some(done.map(|document| (document, read.compact_len())));
        }
        if slices.due() && !slices.pause(Progress::Parsing(read.percent())).await {
            return None;
        }
    }
}

/// The file's text, read a slice at a time; its size is checked before any byte is read.
async fn read_text<F, Shown>(
    file: &web_sys::File,
    slices: &mut Slices<F>,
) -> Option<Result<String, Problem>>
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    let unreadable = || Some(Err(Problem::new("", "verify.error.read")));
    if let Err(too_large) = crate::files::check_size(FileKind::Plan, file.size()) {
        return Some(Err(too_large.problem()));
    }
    let size = file.size();
    let mut bytes: Vec<u8> = Vec::new();
    let mut at = 0.0;
    while at < size {
        let end = (at + READ_SLICE_BYTES).min(size);
        let Ok(blob) = file.slice_with_f64_and_f64(at, end) else {
            return unreadable();
        };
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await else {
            return unreadable();
        };
        let Ok(buffer) = buffer.dyn_into::<js_sys::ArrayBuffer>() else {
            return unreadable();
        };
        let chunk = js_sys::Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        at = end;
        let percent = (at * 100.0 / size.max(1.0)) as usize;
        if !slices.pause(Progress::Reading(percent)).await {
            return None;
        }
    }
    // As `Blob.text()` decodes: UTF-8, an invalid sequence replaced by U+FFFD (a leading
    // byte-order mark is left for the reader, which ignores it).
    Some(Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }))
}

/// Checks the document's signatures in slices (hashing first); `canonical_size` is the
/// expected length of its canonical form, for the hashing's percent.
pub(crate) async fn check_proofs<F, Shown>(
    document: &Value,
    canonical_size: usize,
    show: F,
) -> Option<Result<VerificationReport, IntegrityError>>
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    let mut slices = Slices::new(show);
    let mut check = match ProofSetCheck::new(document) {
        Ok(check) => check.with_size_hint(canonical_size),
        Err(error) => return Some(Err(error)),
    };
    let count = check.proof_count();
    while check.step() {
        if slices.due() {
            let progress = match check.hashed_percent() {
                Some(percent) => Progress::Hashing(percent),
                None => Progress::Signatures {
                    done: check.proofs_checked(),
                    count,
                },
            };
            if !slices.pause(progress).await {
                return None;
            }
        }
    }
    Some(Ok(check.finish()))
}

/// Recomputes the plan in steps (the price list, the case, the computation, the
/// comparison member by member), giving the browser a turn between them.
pub(crate) async fn recompute<F, Shown>(document: &Value, show: F) -> Option<Recompute>
where
    F: Fn(Progress) -> Shown,
    Shown: Future<Output = bool>,
{
    let mut slices = Slices::new(show);
    if !slices.pause(Progress::Recompute).await {
        return None;
    }
    let mut steps = RecomputeSteps::new(document);
    loop {
        if let Some(outcome) = steps.step() {
            return Some(recompute_from(outcome));
        }
        if slices.due() && !slices.pause(Progress::Recompute).await {
            return None;
        }
    }
}

/// How many items [`in_batches`] lays out per turn.
const BATCH: usize = 25;

/// `total` items shown [`BATCH`] at a time, a batch per turn of the page, so that a long
/// list (the goals of a plan of megabytes) is never laid out in one long task. `items`
/// builds the views of a range of them; each batch is built once, when its turn comes.
pub(crate) fn in_batches(
    total: usize,
    items: impl Fn(std::ops::Range<usize>) -> leptos::prelude::AnyView + Copy + Send + Sync + 'static,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let shown = RwSignal::new(BATCH.min(total));
    if total > BATCH {
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                next_turn().await;
                let Some(now) = shown.try_get_untracked() else {
                    return;
                };
                if now >= total || shown.try_set((now + BATCH).min(total)).is_some() {
                    return;
                }
            }
        });
    }
    (0..total)
        .step_by(BATCH)
        .map(|start| {
            let end = (start + BATCH).min(total);
            // Changes once, from hidden to shown: the batch is built once.
            let visible = Memo::new(move |_| shown.get() > start);
            (move || visible.get().then(|| items(start..end))).into_any()
        })
        .collect_view()
        .into_any()
}
