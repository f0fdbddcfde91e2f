//! Files the user saves from the app (exports, backups), made in the browser.

use wasm_bindgen::JsCast;

/// An object URL holding `content` with the given MIME type (kept for the
/// page's lifetime), or `None` if the browser refused to make one (out of
/// memory, blobs disabled): callers say so rather than offer an empty link.
pub fn blob_url(content: &str, mime: &str) -> Option<String> {
    blob_url_of(&content.into(), mime)
}

/// An object URL of one part (a string or a byte array: `Blob`'s
/// constructor takes both, whatever the binding's name says), as [`blob_url`].
fn blob_url_of(part: &wasm_bindgen::JsValue, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .ok()
        .filter(|url| !url.is_empty())
}

/// Why a download could not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadFailed;

/// Starts a download of `content` as `file_name`, from a click handler.
pub fn save_file(file_name: &str, mime: &str, content: &str) -> Result<(), DownloadFailed> {
    download(file_name, blob_url(content, mime).ok_or(DownloadFailed)?)
}

/// Starts a download of binary `content` (a workbook) as `file_name`.
pub fn save_bytes(file_name: &str, mime: &str, content: &[u8]) -> Result<(), DownloadFailed> {
    let bytes = js_sys::Uint8Array::from(content);
    download(
        file_name,
        blob_url_of(&bytes.into(), mime).ok_or(DownloadFailed)?,
    )
}

/// Clicks a download link to `url`, then frees the URL.
fn download(file_name: &str, url: String) -> Result<(), DownloadFailed> {
    let document = leptos::prelude::document();
    let link = document.create_element("a").map_err(|_| DownloadFailed)?;
    let link: web_sys::HtmlElement = link.unchecked_into();
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", file_name);
    link.click();
    // Free the data once the download has surely started.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
