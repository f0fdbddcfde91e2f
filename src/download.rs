//! Files the user saves from the app (exports, backups), made in the browser.

use wasm_bindgen::JsCast;

/// An object URL holding `content` with the given MIME type (kept for the page's lifetime).
pub fn blob_url(content: &str, mime: &str) -> String {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
}

/// Starts a download of `content` as `file_name`, from a click handler.
pub fn save_file(file_name: &str, mime: &str, content: &str) {
    let url = blob_url(content, mime);
    let document = leptos::prelude::document();
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlElement = link.unchecked_into();
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", file_name);
        link.click();
    }
    // Free the data once the download has surely started.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}
