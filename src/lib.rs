//! The Ueda City reform action programme viewer (Leptos, client-side rendered).
//!
//! `main.rs` only calls [`start`]; everything else lives in this library so that
//! the browser tests in `tests/` can mount the real views.

pub mod app;
pub mod views;

pub use app::App;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
