//! Reading the site's own files from the page: what only one screen needs
//! (the corrections on the about page) is fetched there rather than carried
//! in every visitor's wasm. The service worker has precached these files,
//! so they load offline too.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileUnavailable;

/// The text of the site's file at `path` (relative to the page).
pub async fn fetch_text(path: &str) -> Result<String, FileUnavailable> {
    let window = leptos::prelude::window();
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FileUnavailable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FileUnavailable)?;
    if !response.ok() {
        return Err(FileUnavailable);
    }
    let text = JsFuture::from(response.text().map_err(|_| FileUnavailable)?)
        .await
        .map_err(|_| FileUnavailable)?;
    text.as_string().ok_or(FileUnavailable)
}
